"""Each kind of mistake gives one located message: file, line, field, what is wrong, allowed."""

from pathlib import Path

import pytest

from gluestack.spec import SpecError, load_all
from tests.spec.conftest import FLIGHTS, SpecWriter, error_of, line_of


def _single_line(error: SpecError) -> str:
    text = str(error)
    assert text.splitlines()[0].endswith("flights.yaml: invalid pipeline spec")
    for forbidden in ("Traceback", "pydantic", "ValidationError", "errors.pydantic.dev"):
        assert forbidden not in text
    assert len(error.issues) == 1, text
    return text.splitlines()[1]


def test_unknown_key_lists_the_allowed_keys(mutated: SpecWriter) -> None:
    path = mutated("    max_retries: 1", "    max_retries: 1\n    max_retrys: 2")
    message = _single_line(error_of(path))
    assert f"line {line_of(path, 'max_retrys')}, jobs.clean.max_retrys: unknown key" in message
    assert "allowed keys: script, transform, description, inputs, outputs" in message


def test_wrong_type_shows_the_value(mutated: SpecWriter) -> None:
    path = mutated("number_of_workers: 2", "number_of_workers: lots")
    message = _single_line(error_of(path))
    assert f"line {line_of(path, 'lots')}, jobs.clean.number_of_workers:" in message
    assert "valid integer" in message and "'lots'" in message


def test_out_of_range_number_says_the_bound(mutated: SpecWriter) -> None:
    message = _single_line(error_of(mutated("number_of_workers: 2", "number_of_workers: 1")))
    assert "jobs.clean.number_of_workers: input should be greater than or equal to 2" in message


def test_missing_field_is_named(mutated: SpecWriter) -> None:
    message = _single_line(error_of(mutated("database: flights\n", "")))
    assert "database: required field is missing" in message


def test_value_outside_an_allowed_set_lists_the_set(mutated: SpecWriter) -> None:
    path = mutated("worker_type: G.1X", "worker_type: G.9X")
    message = _single_line(error_of(path))
    assert f"line {line_of(path, 'G.9X')}, jobs.clean.worker_type: 'G.9X' is not allowed" in message
    assert "'G.1X'" in message and "'R.8X'" in message


def test_bad_name_explains_the_pattern(mutated: SpecWriter) -> None:
    message = _single_line(error_of(mutated("name: flights", "name: Flights!")))
    assert "name: 'Flights!' is not valid here; use lowercase letters" in message


def test_bad_s3_prefix_shows_an_example(mutated: SpecWriter) -> None:
    message = _single_line(error_of(mutated("prefix: flights_clean/", "prefix: /abs")))
    assert "jobs.clean.outputs.flights_clean.prefix: '/abs'" in message
    assert "ending with '/', such as 'raw/flights/'" in message


def test_job_input_naming_an_undeclared_table(mutated: SpecWriter) -> None:
    path = mutated("inputs: [flights, weather, planes,", "inputs: [flights, wether, planes,")
    message = _single_line(error_of(path))
    assert f"line {line_of(path, 'wether')}, jobs.clean.inputs[1]: 'wether' is not" in message
    assert "declared tables: flights, flights_features, planes, weather" in message


def test_crawler_table_naming_an_undeclared_table(mutated: SpecWriter) -> None:
    path = mutated("tables: [flights, weather", "tables: [flightz, weather")
    message = _single_line(error_of(path))
    assert "crawlers.raw.tables[0]: 'flightz' is not a declared source or job output" in message


def test_trigger_action_naming_an_undeclared_job(mutated: SpecWriter) -> None:
    path = mutated("      - job: clean", "      - job: cleen")
    message = _single_line(error_of(path))
    assert f"line {line_of(path, 'cleen')}, triggers.after_raw_crawl.actions[0].job:" in message
    assert "job 'cleen' is not declared; declared jobs: clean" in message


def test_condition_state_that_a_crawler_cannot_reach(mutated: SpecWriter) -> None:
    message = _single_line(error_of(mutated("        state: SUCCEEDED", "        state: TIMEOUT")))
    assert (
        "triggers.after_raw_crawl.conditions[0]: state 'TIMEOUT' is not a crawler state" in message
    )
    assert "allowed: SUCCEEDED, FAILED, CANCELLED" in message


def test_conditional_trigger_without_conditions(mutated: SpecWriter) -> None:
    path = mutated(
        "    conditions:\n      - crawler: raw\n        state: SUCCEEDED\n"
        "      - crawler: reference\n        state: SUCCEEDED\n",
        "",
    )
    message = _single_line(error_of(path))
    assert "triggers.after_raw_crawl: a conditional trigger needs at least one" in message


def test_two_start_triggers(mutated: SpecWriter) -> None:
    path = mutated(
        "    type: conditional\n    conditions:\n      - crawler: raw\n        state: SUCCEEDED\n"
        "      - crawler: reference\n        state: SUCCEEDED\n",
        "    type: on_demand\n",
    )
    message = _single_line(error_of(path))
    assert (
        "triggers: a Glue workflow starts from exactly one on_demand, scheduled or event" in message
    )
    assert "found: start, after_raw_crawl" in message


def test_output_named_like_a_source(mutated: SpecWriter) -> None:
    text = str(error_of(mutated("      flights_clean:\n", "      planes:\n")))
    assert "jobs.clean.outputs.planes: 'planes' is already a raw source" in text


def test_job_reading_its_own_output(mutated: SpecWriter) -> None:
    path = mutated(
        "inputs: [flights, weather, planes, reference_public_airlines, reference_public_airports]",
        "inputs: [flights, flights_clean]",
    )
    message = _single_line(error_of(path))
    assert "jobs.clean.inputs[1]: 'flights_clean' is an output of this same job" in message


def test_two_jobs_writing_one_table(mutated: SpecWriter, flights_text: str) -> None:
    job = flights_text[flights_text.index("  clean:\n") : flights_text.index("\ntriggers:")]
    path = mutated("\ntriggers:", "\n" + job.replace("  clean:", "  clean2:", 1) + "\ntriggers:")
    message = _single_line(error_of(path))
    assert (
        "jobs.clean2.outputs.flights_clean: table 'flights_clean' is already written by" in message
    )


def test_missing_script_file(mutated: SpecWriter) -> None:
    message = _single_line(
        error_of(mutated("glue_scripts/flights_clean.py", "glue_scripts/nope.py"))
    )
    assert "jobs.clean.script: file 'glue_scripts/nope.py' does not exist under" in message


def test_script_outside_the_project(mutated: SpecWriter) -> None:
    message = _single_line(error_of(mutated("glue_scripts/flights_clean.py", "../evil.py")))
    assert "jobs.clean.script: must be a relative path to a .py file inside the project" in message


def test_malformed_yaml_points_at_the_line(mutated: SpecWriter) -> None:
    path = mutated("  raw:\n", "  raw\n  :x: [\n")
    message = _single_line(error_of(path))
    assert message.startswith(f"  line {line_of(path, ':x: [')}: malformed YAML (column ")


def test_an_indentation_mistake_gets_a_hint(mutated: SpecWriter) -> None:
    path = mutated("    format: csv\n", "      format: csv\n")  # one key indented too far
    message = _single_line(error_of(path))
    assert "malformed YAML (column" in message
    assert "check the indentation of this line" in message


def test_a_tab_is_named(mutated: SpecWriter) -> None:
    message = _single_line(error_of(mutated("  raw:\n", "\traw:\n")))
    assert "tab character: YAML indents with spaces only" in message


@pytest.mark.parametrize(("text", "found"), [("", "an empty file"), ("- a\n- b\n", "a list")])
def test_a_spec_that_is_not_a_mapping(tmp_path: Path, text: str, found: str) -> None:
    path = tmp_path / "flights.yaml"
    path.write_text(text)
    message = _single_line(error_of(path))
    assert f"expected a mapping with keys such as name, database, jobs; found {found}" in message


def test_every_problem_in_a_file_is_reported(mutated: SpecWriter, tmp_path: Path) -> None:
    path = mutated("worker_type: G.1X", "worker_type: G.9X\n    colour: blue")
    error = error_of(path)
    assert [i.dotted_path() for i in error.issues] == [
        "jobs.clean.worker_type",
        "jobs.clean.colour",
    ]


def test_duplicate_pipeline_names_across_files(tmp_path: Path, flights_text: str) -> None:
    (tmp_path / "a.yaml").write_text(flights_text)
    (tmp_path / "b.yaml").write_text(flights_text)
    with pytest.raises(
        SpecError,
        match=r"b.yaml: invalid pipeline spec\n  line 3, name: "
        r"pipeline 'flights' is also declared in .*a.yaml",
    ):
        load_all(tmp_path, project_root=FLIGHTS.parent.parent)


def test_an_empty_pipelines_folder(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"no pipeline specs \(\*\.yaml\) found here"):
        load_all(tmp_path)


def test_overwrite_outputs_need_a_generated_job_without_bookmarks(mutated: SpecWriter) -> None:
    hand_written = mutated(
        "        format: parquet\n", "        format: parquet\n        mode: overwrite\n"
    )
    assert "mode: overwrite, which generated jobs honour" in _single_line(error_of(hand_written))
    bookmarked = mutated(
        "        prefix: flights_features/\n",
        "        prefix: flights_features/\n        mode: overwrite\n",
    )
    assert "with bookmarks: enable" in _single_line(error_of(bookmarked))


def test_a_spark_option_on_a_python_shell_job_is_refused_not_ignored(mutated: SpecWriter) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/add-job-python.html: a Python shell job has a
    # MaxCapacity, no worker type, no bookmarks.
    path = mutated("    max_retries: 1", "    max_retries: 1\n    type: pythonshell")
    message = _single_line(error_of(path))
    assert "jobs.clean: worker_type is not an option of a Python shell job" in message


def test_a_python_shell_option_on_a_spark_job_is_refused(mutated: SpecWriter) -> None:
    path = mutated("    max_retries: 1", "    max_retries: 1\n    max_capacity: 1")
    message = _single_line(error_of(path))
    assert "jobs.clean: max_capacity is not an option of a Spark job (type: glueetl)" in message


def test_a_streaming_worker_type_on_a_batch_job_is_refused(mutated: SpecWriter) -> None:
    # https://docs.aws.amazon.com/glue/latest/webapi/API_StartJobRun.html: G.025X is "only
    # available for AWS Glue version 3.0 or later streaming jobs".
    message = _single_line(error_of(mutated("worker_type: G.1X", "worker_type: G.025X")))
    assert "jobs.clean: G.025X workers run streaming jobs only" in message


def test_arguments_on_a_crawler_action_are_refused_with_what_it_takes(mutated: SpecWriter) -> None:
    # https://docs.aws.amazon.com/glue/latest/webapi/API_Action.html: Arguments and Timeout are a
    # job run's; a crawler action names its crawler.
    path = mutated(
        "      - crawler: curated\n",
        "      - crawler: curated\n        arguments:\n          mode: replay\n",
    )
    message = _single_line(error_of(path))
    assert f"line {line_of(path, 'mode: replay')}, " in message
    assert "triggers.after_features.actions[0].arguments: 'arguments' applies to a job" in message
    assert "allowed keys on a crawler action: crawler" in message


@pytest.mark.parametrize(
    ("argument", "refusal"),
    [
        ("--mode", "argument '--mode': write names without leading '--'"),
        ("job-bookmark-option", "use the job field 'bookmarks' instead"),
        ("flights_path", "argument 'flights_path' is set by gluestack: the table's location"),
    ],
)
def test_a_job_action_s_arguments_follow_the_job_s_argument_rules(
    mutated: SpecWriter, argument: str, refusal: str
) -> None:
    path = mutated(
        "      - job: clean\n", f"      - job: clean\n        arguments:\n          {argument}: x\n"
    )
    message = _single_line(error_of(path))
    assert f"line {line_of(path, f'{argument}: x')}, " in message
    assert "triggers.after_raw_crawl.actions[0].arguments" in message and refusal in message


def test_an_action_timeout_is_bounded_as_a_job_s(mutated: SpecWriter) -> None:
    path = mutated("      - job: clean\n", "      - job: clean\n        timeout_minutes: 10081\n")
    message = _single_line(error_of(path))
    assert (
        "triggers.after_raw_crawl.actions[0].timeout_minutes: input should be less than" in message
    )
    assert "10080" in message
