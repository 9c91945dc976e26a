"""Workflow runs that end, for moto: its runs stay RUNNING forever and carry no graph.

A local run records how it ended here, so GetWorkflowRun answers as Glue would: status
COMPLETED, CompletedOn, Statistics and the run's Graph of trigger, job and crawler nodes.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from moto.glue.models import FakeWorkflowRun, glue_backends

from gluestack.local.orchestration.trigger_chain import NodeOutcome

_ORIGINAL_AS_DICT: Callable[[FakeWorkflowRun], dict[str, Any]] = FakeWorkflowRun.as_dict


def record_workflow_run_end(
    account: str, region: str, workflow: str, run_id: str, outcomes: list[NodeOutcome]
) -> None:
    """End the run COMPLETED (Glue does so even when a node failed) with the nodes' outcomes."""
    run: Any = glue_backends[account][region].workflows[workflow].get_run(run_id)
    run.status = "COMPLETED"
    run.completed_on = datetime.now(UTC)
    triggers = list(dict.fromkeys(o.trigger for o in outcomes))
    run.gluestack_graph = {
        "Nodes": [_trigger_node(t) for t in triggers] + [_node(o) for o in outcomes],
        "Edges": _edges(outcomes),
    }
    run.gluestack_statistics = _statistics(outcomes)


def record_starting_batch(
    account: str, region: str, workflow: str, run_id: str, condition: dict[str, int]
) -> None:
    """Keep the batch condition (BatchSize or BatchWindow) that started an event-started run."""
    run: Any = glue_backends[account][region].workflows[workflow].get_run(run_id)
    run.gluestack_starting_batch = condition


def _as_dict_with_graph(run: FakeWorkflowRun) -> dict[str, Any]:
    answer = _ORIGINAL_AS_DICT(run)
    if condition := getattr(run, "gluestack_starting_batch", None):
        answer["StartingEventBatchCondition"] = condition
    if graph := getattr(run, "gluestack_graph", None):
        answer["Graph"] = graph
        answer["Statistics"] = run.gluestack_statistics  # type: ignore[attr-defined]
    return answer


def install() -> None:
    """Answer GetWorkflowRun(s) with the recorded end; idempotent."""
    FakeWorkflowRun.as_dict = _as_dict_with_graph  # type: ignore[assignment,method-assign]


def _trigger_node(name: str) -> dict[str, Any]:
    return {"Type": "TRIGGER", "Name": name, "UniqueId": f"trigger-{name}"}


def _node(outcome: NodeOutcome) -> dict[str, Any]:
    name = outcome.node.name
    error = {"ErrorMessage": outcome.detail} if outcome.state != "SUCCEEDED" else {}
    if outcome.node.kind == "job":
        job_run = {"JobName": name, "JobRunState": outcome.state, **error}
        return {
            "Type": "JOB",
            "Name": name,
            "UniqueId": f"job-{name}",
            "JobDetails": {"JobRuns": [job_run]},
        }
    crawl = {"State": outcome.state, **error}
    return {
        "Type": "CRAWLER",
        "Name": name,
        "UniqueId": f"crawler-{name}",
        "CrawlerDetails": {"Crawls": [crawl]},
    }


def _edges(outcomes: list[NodeOutcome]) -> list[dict[str, str]]:
    """Node after node in the order the chain ran them, through the trigger that started each."""
    return [
        {"SourceId": f"trigger-{o.trigger}", "DestinationId": f"{o.node.kind}-{o.node.name}"}
        for o in outcomes
    ]


def _statistics(outcomes: list[NodeOutcome]) -> dict[str, int]:
    states = [o.state for o in outcomes]
    return {
        "TotalActions": len(states),
        "SucceededActions": states.count("SUCCEEDED"),
        "FailedActions": sum(s in ("FAILED", "ERROR", "CANCELLED") for s in states),
        "TimeoutActions": states.count("TIMEOUT"),
        "StoppedActions": states.count("STOPPED"),
        "RunningActions": 0,
    }
