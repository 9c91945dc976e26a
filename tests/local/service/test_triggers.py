"""Triggers outside a workflow run fire as Glue's do, and schedules fire on the offline clock.

https://docs.aws.amazon.com/glue/latest/dg/about-triggers.html: a scheduled trigger fires on its
cron, a conditional trigger when the jobs and crawlers it watches end in the watched states;
only an ACTIVATED trigger fires; StartTrigger fires an on-demand trigger.
"""

import json
from datetime import timedelta
from typing import Any

from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.local.orchestration.clock_client import read_clock
from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import wait_for_job_run

QUICK = """import sys
from awsglue.utils import getResolvedOptions
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
print("ran", args["JOB_NAME"])
"""
ROLE = "arn:aws:iam::123456789012:role/glue"
NOON = "cron(0 12 * * ? *)"


def _jobs(glue: Any, s3: Any, *names: str) -> None:
    s3.put_object(Bucket="scripts", Key="quick.py", Body=QUICK.encode())
    for name in names:
        glue.create_job(
            Name=name, Role=ROLE, GlueVersion="5.1",
            Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/quick.py"},
        )  # fmt: skip


def _runs(glue: Any, job: str) -> list[dict[str, Any]]:
    runs: list[dict[str, Any]] = glue.get_job_runs(JobName=job)["JobRuns"]
    return runs


def test_a_schedule_fires_when_the_clock_passes_it_and_its_job_starts_the_next(
    account: Any,
) -> None:
    session, executor = account
    glue = session.client("glue")
    _jobs(glue, session.client("s3"), "extract", "load")
    glue.create_trigger(
        Name="nightly", Type="SCHEDULED", Schedule=NOON, StartOnCreation=True,
        Actions=[{"JobName": "extract"}],
    )  # fmt: skip
    glue.create_trigger(
        Name="paused", Type="SCHEDULED", Schedule=NOON, Actions=[{"JobName": "load"}]
    )  # CREATED, never activated: it does not fire
    glue.create_trigger(
        Name="after-extract", Type="CONDITIONAL", StartOnCreation=True,
        Predicate={"Logical": "ANY", "Conditions": [
            {"LogicalOperator": "EQUALS", "JobName": "extract", "State": "SUCCEEDED"}
        ]},
        Actions=[{"JobName": "load"}],
    )  # fmt: skip
    assert read_clock(executor.endpoint)["now"] == executor.clock.now().isoformat()
    assert _runs(glue, "extract") == []  # the clock stands still in-process

    moved = read_clock(executor.endpoint, advance_seconds=timedelta(days=1).total_seconds())

    assert moved["fired"] == ["nightly"]  # once: one noon in any 24 hours
    (extract,) = _runs(glue, "extract")
    wait_for_job_run(glue, "extract", extract["Id"], deadline_seconds=120, schedule=LOCAL_POLLING)
    executor.wait_idle(120)
    (load,) = _runs(glue, "load")
    assert load["JobRunState"] == "SUCCEEDED"


def test_start_trigger_fires_an_on_demand_trigger_and_activates_a_scheduled_one(
    account: Any,
) -> None:
    session, executor = account
    glue = session.client("glue")
    _jobs(glue, session.client("s3"), "adhoc")
    glue.create_trigger(Name="now", Type="ON_DEMAND", Actions=[{"JobName": "adhoc"}])
    glue.create_trigger(
        Name="later", Type="SCHEDULED", Schedule=NOON, Actions=[{"JobName": "adhoc"}]
    )

    glue.start_trigger(Name="now")
    glue.start_trigger(Name="later")

    (run,) = _runs(glue, "adhoc")
    assert run["JobRunState"] in ("STARTING", "RUNNING")
    assert glue.get_trigger(Name="later")["Trigger"]["State"] == "ACTIVATED"
    executor.wait_idle(120)


def test_an_action_s_arguments_and_timeout_are_its_run_s(account: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/webapi/API_Action.html: the action's Arguments
    # replace the job's default arguments for this run; its Timeout overrides the job's.
    session, _ = account
    glue = session.client("glue")
    session.client("s3").put_object(Bucket="scripts", Key="quick.py", Body=QUICK.encode())
    glue.create_job(
        Name="replay", Role=ROLE, GlueVersion="5.1", Timeout=60,
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/quick.py"},
        DefaultArguments={"--mode": "daily"},
    )  # fmt: skip
    glue.create_trigger(
        Name="now", Type="ON_DEMAND",
        Actions=[{"JobName": "replay", "Arguments": {"--mode": "replay"}, "Timeout": 7}],
    )  # fmt: skip

    glue.start_trigger(Name="now")

    (started,) = _runs(glue, "replay")
    # Read as started: the run is stopped at once, its script need not run.
    glue.batch_stop_job_run(JobName="replay", JobRunIds=[started["Id"]])
    run = glue.get_job_run(JobName="replay", RunId=started["Id"])["JobRun"]
    assert (run["Arguments"]["--mode"], run["Timeout"]) == ("replay", 7)  # not daily, 60


def test_the_clock_command_shows_and_moves_the_served_clock(account: Any) -> None:
    _, executor = account
    runner = CliRunner()
    shown = runner.invoke(app, ["local", "clock", "--endpoint-url", executor.endpoint])
    assert shown.exit_code == 0, shown.output
    before = executor.clock.now()
    moved = runner.invoke(
        app, ["local", "clock", "--advance", "90m", "--endpoint-url", executor.endpoint]
    )
    assert moved.exit_code == 0, moved.output
    assert executor.clock.now() - before == timedelta(minutes=90)
    wrong = runner.invoke(
        app, ["local", "clock", "--advance", "soon", "--endpoint-url", executor.endpoint]
    )
    assert wrong.exit_code == 2 and "90s, 15m, 1h, 2d" in wrong.output


def test_a_scheduled_workflow_trigger_starts_a_workflow_run(account: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/workflows_overview.html: a workflow's start
    # trigger may be a schedule; each time it fires, a workflow run starts.
    session, executor = account
    glue = session.client("glue")
    _jobs(glue, session.client("s3"), "daily")
    glue.create_workflow(Name="w")
    glue.create_trigger(
        Name="w-start", WorkflowName="w", Type="SCHEDULED", Schedule="cron(30 6 * * ? *)",
        StartOnCreation=True, Actions=[{"JobName": "daily"}],
    )  # fmt: skip

    _, fired = executor.advance_clock(timedelta(days=2))

    assert fired == ["w-start", "w-start"]
    runs = glue.get_workflow_runs(Name="w")["Runs"]
    assert len(runs) == 2
    executor.wait_idle(180)


def test_an_event_trigger_starts_its_workflow_per_batch_of_eventbridge_events(
    account: Any,
) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/starting-workflow-eventbridge.html: a rule
    # targets the workflow; its event trigger starts a run after BatchSize events, or
    # BatchWindow seconds after the first event when fewer arrived.
    session, executor = account
    glue, events = session.client("glue"), session.client("events")
    _jobs(glue, session.client("s3"), "ingest")
    glue.create_workflow(Name="on-orders")
    glue.create_trigger(
        Name="orders-arrived", WorkflowName="on-orders", Type="EVENT",
        EventBatchingCondition={"BatchSize": 2, "BatchWindow": 300},
        Actions=[{"JobName": "ingest"}],
    )  # fmt: skip
    events.put_rule(Name="orders", EventPattern='{"source": ["shop.orders"]}')
    events.put_targets(
        Rule="orders",
        Targets=[{
            "Id": "workflow",
            "Arn": "arn:aws:glue:us-east-1:123456789012:workflow/on-orders",
            "RoleArn": "arn:aws:iam::123456789012:role/events-to-glue",
        }],
    )  # fmt: skip
    order = {"Source": "shop.orders", "DetailType": "Order Placed", "Detail": "{}"}

    def runs() -> int:
        return len(glue.get_workflow_runs(Name="on-orders")["Runs"])

    events.put_events(Entries=[order])
    assert runs() == 0  # one event of a batch of two
    events.put_events(Entries=[order])
    assert runs() == 1
    events.put_events(Entries=[order])
    executor.advance_clock(timedelta(seconds=299))
    assert runs() == 1
    _, fired = executor.advance_clock(timedelta(seconds=1))  # the window closes
    assert fired == ["orders-arrived"] and runs() == 2
    # https://docs.aws.amazon.com/glue/latest/webapi/API_StartingEventBatchCondition.html
    started = glue.get_workflow_runs(Name="on-orders")["Runs"]
    by_size, by_window = sorted(started, key=lambda run: run["StartedOn"])
    assert by_size["StartingEventBatchCondition"] == {"BatchSize": 2}
    assert by_window["StartingEventBatchCondition"] == {"BatchWindow": 300}
    # https://docs.aws.amazon.com/glue/latest/dg/viewing-start-event-info.html
    properties = glue.get_workflow_run_properties(Name="on-orders", RunId=by_size["WorkflowRunId"])
    assert len(json.loads(properties["RunProperties"]["aws:eventIds"])) == 2
    executor.wait_idle(180)
