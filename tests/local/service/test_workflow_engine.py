"""The workflow engine fires the starting trigger, then each conditional trigger that holds.

Condition semantics (State / CrawlState, Logical AND / ANY) as in Glue's Predicate:
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-trigger.html#aws-glue-api-jobs-trigger-Predicate
"""

from dataclasses import dataclass, field
from typing import Any

from gluestack.local.orchestration.start_context import WorkflowStart, current_start
from gluestack.local.orchestration.trigger_chain import Node, NodeOutcome
from gluestack.local.orchestration.workflows import WorkflowEngine

TRIGGERS: list[dict[str, Any]] = [
    {"Name": "start", "Type": "ON_DEMAND", "Actions": [{"CrawlerName": "raw"}]},
    {
        "Name": "after_crawl",
        "Type": "CONDITIONAL",
        "Predicate": {"Conditions": [{"CrawlerName": "raw", "CrawlState": "SUCCEEDED"}]},
        "Actions": [{"JobName": "clean"}],
    },
    {
        "Name": "on_clean_failure",
        "Type": "CONDITIONAL",
        "Predicate": {"Conditions": [{"JobName": "clean", "State": "FAILED"}]},
        "Actions": [{"JobName": "alert"}],
    },
    {
        "Name": "after_both",
        "Type": "CONDITIONAL",
        "Predicate": {
            "Logical": "ANY",
            "Conditions": [
                {"JobName": "clean", "State": "SUCCEEDED"},
                {"JobName": "alert", "State": "SUCCEEDED"},
            ],
        },
        "Actions": [{"CrawlerName": "curated"}],
    },
]


@dataclass
class _Trigger:
    answer: dict[str, Any]
    workflow_name: str = "w"

    def as_dict(self) -> dict[str, Any]:
        return self.answer


@dataclass
class _Backend:
    """Records what the engine starts, with the workflow start it was started for."""

    account_id: str = "123456789012"
    region_name: str = "us-east-1"
    triggers: dict[str, _Trigger] = field(
        default_factory=lambda: {t["Name"]: _Trigger(t) for t in TRIGGERS}
    )
    started: list[tuple[Node, WorkflowStart | None]] = field(default_factory=list)

    def start_crawler(self, name: str) -> None:
        self.started.append((Node("crawler", name), current_start()))

    def start_job_run(self, name: str, arguments: dict[str, str], *_: Any) -> str:
        self.started.append((Node("job", name), current_start()))
        return "jr_1"


def _run(states: dict[str, str]) -> tuple[list[str], list[NodeOutcome]]:
    """Start run r1 and end every started node in the state given (SUCCEEDED otherwise)."""
    ended: list[list[NodeOutcome]] = []
    engine = WorkflowEngine(record_end=lambda *args: ended.append(args[-1]))
    backend = _Backend()
    engine.start(backend, "w", "r1")
    done = 0
    while done < len(backend.started):
        node, start = backend.started[done]
        assert start is not None and start.run_id == "r1"
        engine.node_ended(start, node, states.get(node.name, "SUCCEEDED"), "")
        done += 1
    assert len(ended) == 1, "the run is recorded as ended once, when nothing is left"
    return [node.name for node, _ in backend.started], ended[0]


def test_success_path_runs_in_graph_order() -> None:
    ran, outcomes = _run({})
    assert ran == ["raw", "clean", "curated"]
    assert [o.trigger for o in outcomes] == ["start", "after_crawl", "after_both"]


def test_failure_branch_runs_only_when_its_job_fails() -> None:
    ran, outcomes = _run({"clean": "FAILED"})
    assert ran == ["raw", "clean", "alert", "curated"]
    assert outcomes[1].state == "FAILED"


def test_nothing_downstream_runs_after_a_failed_crawl() -> None:
    ran, outcomes = _run({"raw": "FAILED"})
    assert ran == ["raw"]
    assert [(o.node.name, o.state) for o in outcomes] == [("raw", "FAILED")]
