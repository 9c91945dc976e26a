"""The real flights spec loads into the model every later layer reads."""

from pathlib import Path

import pytest

from gluestack.spec import SpecError, load, load_all
from tests.spec.conftest import FLIGHTS, line_of


def test_flights_spec_declares_the_pipeline() -> None:
    spec = load(FLIGHTS)
    assert (spec.name, spec.database) == ("flights", "flights")
    assert set(spec.sources) == {"flights", "weather", "planes"}
    assert spec.crawlers["raw"].tables == ["flights", "weather", "planes"]
    assert spec.crawlers["reference"].jdbc[0].path == "reference/public/%"
    assert spec.job_connections("clean") == ["reference"]  # through its database inputs
    job = spec.jobs["clean"]
    assert (job.glue_version, job.worker_type, job.number_of_workers) == ("5.1", "G.1X", 2)
    assert (job.timeout_minutes, job.max_retries) == (30, 1)
    assert job.outputs["flights_clean"].partition_keys == ["year", "month"]
    assert spec.triggers["start"].actions[0].crawler == "raw"
    condition = spec.triggers["after_raw_crawl"].conditions[0]
    assert (condition.kind, condition.name, condition.state) == ("crawler", "raw", "SUCCEEDED")


def test_load_all_reads_every_spec_in_the_folder(tmp_path: Path) -> None:
    text = FLIGHTS.read_text()
    (tmp_path / "flights.yaml").write_text(text)
    (tmp_path / "second.yaml").write_text(text.replace("name: flights", "name: second", 1))
    (tmp_path / "notes.txt").write_text("not a spec")
    loaded = load_all(tmp_path, project_root=FLIGHTS.parent.parent)
    assert [spec.name for spec in loaded] == ["flights", "second"]


def test_specs_naming_one_database_agree_on_whether_the_account_has_it(tmp_path: Path) -> None:
    text = FLIGHTS.read_text()
    (tmp_path / "flights.yaml").write_text(text)
    existing = text.replace("name: flights", "name: second", 1).replace(
        "database: flights", "database: flights\nexisting_database: true", 1
    )
    (tmp_path / "second.yaml").write_text(existing)

    with pytest.raises(SpecError) as raised:
        load_all(tmp_path, project_root=FLIGHTS.parent.parent)

    assert raised.value.file == tmp_path / "second.yaml"
    [issue] = raised.value.issues
    assert issue.path == ("database",) and issue.line == line_of(
        tmp_path / "second.yaml", "database: flights"
    )
    assert f"created by gluestack (existing_database: false) in {tmp_path / 'flights.yaml'}" in (
        issue.message
    )
    assert "the account's (existing_database: true) here" in issue.message
