"""Typed Glue options in the spec: what is accepted, and each invalid option's message."""

from pathlib import Path

import pytest

from gluestack.spec import load
from tests.spec.conftest import FLIGHTS, SpecWriter, error_of

JOB = "    max_retries: 1\n"
CRAWLER = "    tables: [flights, weather, planes]\n"
START = "    type: on_demand\n"
RULESET = (
    "        data_quality: |\n          Rules = [\n            RowCount > 1000,\n"
    '            IsComplete "flight_date",\n            IsComplete "airline",\n'
    '            ColumnValues "is_late" in [0, 1],\n'
    '            ColumnValues "distance" > 0\n          ]\n'
)
RULESET_WITH = (
    "        data_quality:\n          on_failure: {}\n"
    '          rules: "Rules = [ RowCount > 1000 ]"\n'
)

INVALID = [
    pytest.param(
        "RowCount > 1000",
        "RowCont > 1000",
        "jobs.clean.outputs.flights_clean.data_quality",
        "DQDL line 2, column 3: unknown rule type 'RowCont'; did you mean 'RowCount'?",
        id="dqdl-typo",
    ),
    pytest.param(
        RULESET,
        RULESET_WITH.format("fail"),
        "jobs.clean",
        "data_quality.on_failure: fail, which needs the job to evaluate its output before",
        id="on-failure-fail-needs-a-generated-job",
    ),
    pytest.param(
        RULESET,
        RULESET_WITH.format("stop"),
        "jobs.clean.outputs.flights_clean.data_quality.on_failure",
        "'warn' or 'fail'",
        id="on-failure-is-warn-or-fail",
    ),
    pytest.param(
        CRAWLER,
        CRAWLER + "    schedule: cron(0 8 * * * *)\n",
        "crawlers.raw.schedule",
        "exactly one of day-of-month and day-of-week must be '?'",
        id="cron-needs-question-mark",
    ),
    pytest.param(
        CRAWLER,
        CRAWLER + "    schedule: rate(1 hour)\n",
        "crawlers.raw.schedule",
        "'rate(1 hour)' is not a Glue schedule; write cron(",
        id="cron-not-rate",
    ),
    pytest.param(
        START,
        "    type: scheduled\n    schedule: cron(75 8 ? * MON *)\n",
        "triggers.start.schedule",
        "is not a valid cron expression",
        id="cron-minute-out-of-range",
    ),
    pytest.param(
        JOB,
        JOB + "    arguments:\n      job-bookmark-option: job-bookmark-enable\n",
        "jobs.clean.arguments",
        "managed by gluestack; use the job field 'bookmarks' instead",
        id="reserved-bookmark-argument",
    ),
    pytest.param(
        JOB,
        JOB + "    arguments:\n      JOB_NAME: mine\n",
        "jobs.clean.arguments",
        "'JOB_NAME' is reserved: AWS Glue sets it for every run",
        id="reserved-glue-argument",
    ),
    pytest.param(
        JOB,
        JOB + "    arguments:\n      flights_clean_path: s3://elsewhere/\n",
        "jobs.clean",
        "argument 'flights_clean_path' is set by gluestack",
        id="output-path-argument",
    ),
    pytest.param(
        "worker_type: G.1X",
        "worker_type: G.3X",
        "jobs.clean.worker_type",
        "'G.025X', 'G.1X', 'G.2X'",
        id="unknown-worker-type",
    ),
    pytest.param(
        JOB,
        JOB + "    execution_class: flex\n    worker_type: G.4X\n",
        "jobs.clean",
        "flex execution runs on G.1X or G.2X workers only, not G.4X",
        id="flex-worker-type",
    ),
    pytest.param(
        "    bookmarks: enable   #",
        "    bookmarks: on   #",
        "jobs.clean.bookmarks",
        "'enable', 'disable' or 'pause'",
        id="bookmark-values",
    ),
    pytest.param(
        "    prefix: nycflights13/planes/",
        "    prefix: nycflights13/carriers/",
        "crawlers.raw.tables[2]",
        "would name 'planes' after its folder 'carriers'",
        id="crawled-folder-named-unlike-the-table",
    ),
    pytest.param(
        CRAWLER,
        CRAWLER + "    recrawl: event_mode\n",
        "crawlers.raw",
        "recrawl: event_mode needs 'event_queue_arn'",
        id="event-mode-needs-a-queue",
    ),
    pytest.param(
        CRAWLER,
        CRAWLER + "    recrawl: new_folders_only\n",
        "crawlers.raw",
        "new_folders_only needs schema_change update: log and delete: log",
        id="new-folders-only-needs-log-policy",
    ),
    pytest.param(
        CRAWLER,
        CRAWLER + "    jdbc:\n      - connection: sales\n        path: sales/%\n",
        "crawlers.raw.jdbc[0].connection",
        "connection 'sales' is not declared",
        id="unknown-connection",
    ),
    pytest.param(
        "    type: conditional\n",
        "    type: event\n",
        "triggers.after_raw_crawl",
        "type: event takes no 'conditions'",
        id="conditions-on-event-trigger",
    ),
    pytest.param(
        START,
        START + "    schedule: cron(0 8 ? * MON *)\n",
        "triggers.start",
        "'schedule' is required by, and only allowed for, type: scheduled",
        id="schedule-on-on-demand-trigger",
    ),
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html:
    # --datalake-formats takes hudi, delta, iceberg; --python-virtual-env-version is Glue 6.0's
    # (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-virtual-environments.html).
    pytest.param(
        JOB,
        JOB + "    arguments: {datalake-formats: 'delta,icebreg'}\n",
        "jobs.clean",
        "'icebreg' is not a data lake format Glue loads; allowed, comma-separated: hudi, delta, "
        "iceberg",
        id="datalake-format-typo",
    ),
    pytest.param(
        JOB,
        JOB + "    arguments: {python-virtual-env-version: '2'}\n",
        "jobs.clean",
        "argument 'python-virtual-env-version' is a parameter of Glue 6.0 and later, not of Glue",
        id="argument-of-another-glue-version",
    ),
]


@pytest.mark.parametrize(("old", "new", "field", "phrase"), INVALID)
def test_invalid_option_is_located_and_explained(
    mutated: SpecWriter, old: str, new: str, field: str, phrase: str
) -> None:
    text = str(error_of(mutated(old, new)))
    assert field in text, text
    assert phrase in text, text
    assert "Traceback" not in text


def _with_second_job(flights_text: str, job: str, triggers: str = "") -> str:
    return flights_text.replace("\ntriggers:\n", f"{job}\ntriggers:\n", 1) + triggers


FEATURES_JOB = """  features:
    script: glue_scripts/flights_clean.py
    inputs: [flights_clean]
    outputs:
      features:
        prefix: {prefix}
"""


def test_an_output_folder_inside_an_input_folder_is_refused(
    tmp_path: Path, flights_text: str
) -> None:
    path = tmp_path / "flights.yaml"
    path.write_text(
        _with_second_job(flights_text, FEATURES_JOB.format(prefix="flights_clean/features/"))
    )
    text = str(error_of(path))
    assert "jobs.features.outputs.features.prefix" in text
    assert "overlaps 'flights_clean/' of 'flights_clean' (an input of this job)" in text


def test_a_trigger_cycle_is_refused_with_its_path(tmp_path: Path, flights_text: str) -> None:
    loop = """  back_to_clean:
    type: conditional
    conditions:
      - job: features
    actions:
      - job: clean
  to_features:
    type: conditional
    conditions:
      - job: clean
    actions:
      - job: features
"""
    path = tmp_path / "flights.yaml"
    path.write_text(_with_second_job(flights_text, FEATURES_JOB.format(prefix="features/"), loop))
    text = str(error_of(path))
    assert "closes a cycle (job clean -> job features -> job clean)" in text


def test_an_undeclared_environment_is_refused(mutated: SpecWriter) -> None:
    path = mutated(JOB, JOB + "    environments:\n      prd:\n        number_of_workers: 10\n")
    with pytest.raises(Exception) as raised:
        load(path, FLIGHTS.parent.parent, environments=["dev", "prod"])
    assert "jobs.clean.environments.prd: environment 'prd' is not declared in cdk.json" in str(
        raised.value
    )
    assert "declared environments: dev, prod" in str(raised.value)


def test_every_option_together_is_accepted(mutated: SpecWriter) -> None:
    path = mutated(
        JOB,
        JOB
        + """    auto_scaling: true
    execution_class: flex
    bookmarks: enable
    max_concurrent_runs: 3
    run_queuing: true
    spark_ui: true
    python_modules: [scikit-learn==1.5.2]
    duration_alarm_minutes: 20
    environments:
      prod:
        worker_type: G.2X
        number_of_workers: 10
""",
    )
    spec = load(path, FLIGHTS.parent.parent, environments=["dev", "prod"])
    job = spec.jobs["clean"]
    assert (job.bookmarks, job.execution_class, job.auto_scaling) == ("enable", "flex", True)
    assert job.options("prod").number_of_workers == 10
    assert job.options("dev").worker_type == "G.1X"
    assert job.alarm_minutes == 20
