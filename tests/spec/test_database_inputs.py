"""A job reads a database table that a JDBC crawler of its pipeline catalogs: the name follows
the crawl's naming (<database>_<schema>_<table>, after the crawler's table_prefix), the job runs
with that crawler's connection, and what cannot work is refused at load with the field named."""

from gluestack.spec import load
from gluestack.spec.names import jdbc_table_name, jdbc_table_pattern
from tests.spec.conftest import FLIGHTS, SpecWriter, error_of

CLEAN_INPUTS = (
    "inputs: [flights, weather, planes, reference_public_airlines, reference_public_airports]"
)


def test_a_crawled_database_table_is_an_input_read_through_its_connection(
    mutated: SpecWriter,
) -> None:
    path = mutated(
        "    inputs: [flights_clean]\n",
        "    inputs: [flights_clean, reference_public_airports]\n    connections: [reference]\n",
    )
    spec = load(path, project_root=FLIGHTS.parent.parent)
    assert spec.database_table_connection("reference_public_airports") == "reference"
    assert spec.job_connections("features") == ["reference"]
    assert spec.job_connections("clean") == ["reference"]  # from its inputs alone


def test_a_table_the_include_path_cannot_produce_is_not_an_input(mutated: SpecWriter) -> None:
    path = mutated(CLEAN_INPUTS, "inputs: [flights, weather, planes, reference_sales_orders]")
    assert "jobs.clean.inputs[3]: 'reference_sales_orders' is not a declared source" in str(
        error_of(path)
    )


def test_an_undeclared_job_connection_is_named(mutated: SpecWriter) -> None:
    path = mutated(
        "    inputs: [flights_clean]\n", "    inputs: [flights_clean]\n    connections: [crm]\n"
    )
    assert (
        "jobs.features.connections[0]: connection 'crm' is not declared; declared connections: "
        "reference" in str(error_of(path))
    )


def test_a_generated_job_does_not_read_a_database_table(
    mutated: SpecWriter,
) -> None:
    path = mutated(
        "    inputs: [flights_clean]\n", "    inputs: [flights_clean, reference_public_airports]\n"
    )
    text = path.read_text().replace(
        "        flights:\n          table: flights_clean\n",
        "        flights:\n          table: reference_public_airports\n",
    )
    path.write_text(text)
    assert "jobs.features.transform.sources.flights.table: 'reference_public_airports' is a " in (
        str(error_of(path))
    )


def test_table_names_follow_the_crawl_and_its_table_prefix() -> None:
    assert (
        jdbc_table_name("ref_", "Reference", "public", "air-ports")
        == "ref_reference_public_air_ports"
    )
    pattern = jdbc_table_pattern("ref_", "reference/%/air%")
    assert pattern.fullmatch("ref_reference_public_airports")
    assert not pattern.fullmatch("reference_public_airports")  # without the crawler's prefix
    assert jdbc_table_pattern("", "reference/%").fullmatch("reference_hr_people")
