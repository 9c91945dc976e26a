"""Workflow runs end COMPLETED, STOPPED or ERROR; a COMPLETED run with a failed node fails too."""

from datetime import UTC, datetime
from typing import Any

import pytest
from botocore.stub import Stubber

from gluestack.ops.errors import UnknownRunState, WorkflowRunFailed
from gluestack.ops.workflows import wait_for_workflow_run
from tests.ops.conftest import FakeClock

STARTED = datetime(2026, 1, 1, tzinfo=UTC)


def workflow_run(status: str, nodes: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "Run": {
            "Name": "flights-dev",
            "WorkflowRunId": "wr_1",
            "Status": status,
            "StartedOn": STARTED,
            "WorkflowRunProperties": {"day": "2013-01-01"},
            "Graph": {"Nodes": nodes},
            **extra,
        }
    }


def job_node(name: str, state: str, error: str = "") -> dict[str, Any]:
    run = {"Id": "jr_1", "JobRunState": state, **({"ErrorMessage": error} if error else {})}
    return {"Type": "JOB", "Name": name, "UniqueId": name, "JobDetails": {"JobRuns": [run]}}


def crawler_node(name: str, state: str) -> dict[str, Any]:
    return {
        "Type": "CRAWLER",
        "Name": name,
        "UniqueId": name,
        "CrawlerDetails": {"Crawls": [{"State": state}]},
    }


TRIGGER_NODE = {"Type": "TRIGGER", "Name": "flights-dev-start", "UniqueId": "t"}


def stub_polls(stubber: Stubber, *responses: dict[str, Any]) -> None:
    request = {"Name": "flights-dev", "RunId": "wr_1", "IncludeGraph": True}
    for response in responses:
        stubber.add_response("get_workflow_run", response, request)


def test_a_completed_run_reports_every_node_after_polling_while_running(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    nodes = [TRIGGER_NODE, crawler_node("flights-dev-raw", "SUCCEEDED")]
    stub_polls(
        stubber,
        workflow_run("RUNNING", nodes),
        workflow_run("COMPLETED", [*nodes, job_node("flights-dev-clean", "SUCCEEDED")]),
    )
    result = wait_for_workflow_run(glue, "flights-dev", "wr_1", deadline_seconds=60, clock=clock)
    assert [(n.kind, n.name, n.state) for n in result.nodes] == [
        ("CRAWLER", "flights-dev-raw", "SUCCEEDED"),
        ("JOB", "flights-dev-clean", "SUCCEEDED"),
    ]
    assert result.properties == {"day": "2013-01-01"}
    assert len(clock.sleeps) == 1


def test_a_completed_run_with_a_failed_job_node_fails_naming_it(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    nodes = [crawler_node("flights-dev-raw", "SUCCEEDED"), job_node("flights-dev-clean", "FAILED")]
    stub_polls(stubber, workflow_run("COMPLETED", nodes))
    with pytest.raises(WorkflowRunFailed) as raised:
        wait_for_workflow_run(glue, "flights-dev", "wr_1", deadline_seconds=60, clock=clock)
    assert str(raised.value) == (
        "Glue workflow 'flights-dev' run wr_1 ended COMPLETED: job flights-dev-clean FAILED"
    )


def test_an_errored_run_fails_with_glues_message(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    stub_polls(stubber, workflow_run("ERROR", [], ErrorMessage="Concurrent runs exceeded"))
    with pytest.raises(WorkflowRunFailed, match=r"ended ERROR \(Concurrent runs exceeded\)"):
        wait_for_workflow_run(glue, "flights-dev", "wr_1", deadline_seconds=60, clock=clock)


def test_a_cancelled_crawler_node_fails_the_run(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    stub_polls(stubber, workflow_run("STOPPED", [crawler_node("flights-dev-raw", "CANCELLED")]))
    with pytest.raises(WorkflowRunFailed, match="crawler flights-dev-raw CANCELLED"):
        wait_for_workflow_run(glue, "flights-dev", "wr_1", deadline_seconds=60, clock=clock)


def test_an_unknown_workflow_status_fails_at_once_with_its_name(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    stub_polls(stubber, workflow_run("PAUSED", []))
    with pytest.raises(UnknownRunState, match="'PAUSED'"):
        wait_for_workflow_run(glue, "flights-dev", "wr_1", deadline_seconds=60, clock=clock)
