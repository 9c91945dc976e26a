"""Pipeline-level rulesets (spec rulesets:): a DQDL ruleset on a table of the database that no
job's output declares, checked at load like an output's data_quality."""

from pathlib import Path

from gluestack.spec import load
from tests.spec.conftest import FLIGHTS, SpecWriter, error_of, line_of

TRIGGERS = "triggers:\n"


def _with_rulesets(mutated: SpecWriter, rulesets: str) -> Path:
    return mutated(TRIGGERS, f"rulesets:\n{rulesets}\n{TRIGGERS}")


def test_a_table_ruleset_loads_with_its_table_rules_and_description(
    mutated: SpecWriter,
) -> None:
    path = _with_rulesets(
        mutated,
        "  raw-flights-checks:\n    table: flights\n    description: The crawled CSVs.\n"
        '    rules: "Rules = [ RowCount > 0 ]"\n'
        '  planes-complete:\n    table: planes\n    rules: Rules = [ IsComplete "tailnum" ]\n',
    )
    spec = load(path, FLIGHTS.parent.parent)
    checks = spec.rulesets["raw-flights-checks"]
    assert (checks.table, checks.rules, checks.description) == (
        "flights",
        "Rules = [ RowCount > 0 ]",
        "The crawled CSVs.",
    )
    assert spec.rulesets["planes-complete"].description == ""


def test_its_rules_are_parsed_as_an_outputs_are(mutated: SpecWriter) -> None:
    path = _with_rulesets(
        mutated, '  checks:\n    table: flights\n    rules: "Rules = [ RowCont > 0 ]"\n'
    )
    text = str(error_of(path))
    assert f"line {line_of(path, 'RowCont')}, rulesets.checks.rules" in text, text
    assert "column 11: unknown rule type 'RowCont'; did you mean 'RowCount'?" in text, text


def test_a_ruleset_on_an_output_with_its_own_data_quality_is_refused_naming_both(
    mutated: SpecWriter,
) -> None:
    path = _with_rulesets(
        mutated, '  checks:\n    table: flights_clean\n    rules: "Rules = [ RowCount > 0 ]"\n'
    )
    text = str(error_of(path))
    assert f"line {line_of(path, '  checks:') + 1}, rulesets.checks.table" in text, text
    assert "jobs.clean.outputs.flights_clean.data_quality already" in text, text


def test_a_key_taking_an_outputs_ruleset_name_is_refused(mutated: SpecWriter) -> None:
    path = _with_rulesets(
        mutated,
        '  flights_clean-quality:\n    table: flights\n    rules: "Rules = [ RowCount > 0 ]"\n',
    )
    text = str(error_of(path))
    assert "rulesets.flights_clean-quality: 'flights_clean-quality' is the deployed name" in text
