"""The trigger chain runs the start trigger's actions, then conditional triggers that hold."""

from typing import Any

from gluestack.local.trigger_chain import Node, run_trigger_chain

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


def _runner(states: dict[str, str]) -> Any:
    ran: list[Node] = []

    def run(node: Node) -> tuple[str, str]:
        ran.append(node)
        return states.get(node.name, "SUCCEEDED"), ""

    return run, ran


def test_success_path_runs_in_graph_order() -> None:
    run, ran = _runner({})
    outcomes = run_trigger_chain(TRIGGERS, run, clock=lambda: 0.0)
    assert [n.name for n in ran] == ["raw", "clean", "curated"]
    assert [o.trigger for o in outcomes] == ["start", "after_crawl", "after_both"]


def test_failure_branch_runs_only_when_its_job_fails() -> None:
    run, ran = _runner({"clean": "FAILED"})
    outcomes = run_trigger_chain(TRIGGERS, run, clock=lambda: 0.0)
    assert [n.name for n in ran] == ["raw", "clean", "alert", "curated"]
    assert outcomes[1].state == "FAILED"


def test_nothing_downstream_runs_after_a_failed_crawl() -> None:
    run, ran = _runner({"raw": "FAILED"})
    run_trigger_chain(TRIGGERS, run, clock=lambda: 0.0)
    assert [n.name for n in ran] == ["raw"]
