"""Follow a Glue workflow's triggers: the starting trigger, then conditional triggers in order.

moto records StartTrigger but starts nothing, so offline the chain is walked here: each node
runs through a runner, and a conditional trigger fires once its predicate holds.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

NodeKind = Literal["job", "crawler"]
STARTING_TYPES = ("ON_DEMAND", "SCHEDULED", "EVENT")


@dataclass(frozen=True)
class Node:
    """A job or crawler named by a trigger action or condition."""

    kind: NodeKind
    name: str


@dataclass(frozen=True)
class NodeOutcome:
    """How one node's run ended: a Glue job run state or crawl state, and details."""

    node: Node
    state: str
    trigger: str
    seconds: float
    detail: str = ""


NodeRunner = Callable[[Node], tuple[str, str]]  # -> (final state, detail)


def workflow_triggers(glue: Any, workflow: str) -> list[dict[str, Any]]:
    """Every trigger of one workflow."""
    pages = glue.get_paginator("get_triggers").paginate()
    return [t for page in pages for t in page["Triggers"] if t.get("WorkflowName") == workflow]


def run_trigger_chain(
    triggers: list[dict[str, Any]],
    run_node: NodeRunner,
    clock: Callable[[], float],
) -> list[NodeOutcome]:
    """Fire the starting trigger (on demand, scheduled or event: a local run starts it now),
    then every conditional trigger whose predicate holds."""
    starts = [t for t in triggers if t["Type"] in STARTING_TYPES]
    if len(starts) != 1:
        found = ", ".join(t["Name"] for t in starts) or "none"
        raise ValueError(f"expected one starting trigger ({'/'.join(STARTING_TYPES)}): {found}")
    pending = [t for t in triggers if t["Type"] == "CONDITIONAL"]
    states: dict[Node, str] = {}
    outcomes: list[NodeOutcome] = []
    queue = [(starts[0]["Name"], action_node(action)) for action in starts[0]["Actions"]]
    while queue:
        trigger_name, node = queue.pop(0)
        started = clock()
        state, detail = run_node(node)
        states[node] = state
        outcomes.append(NodeOutcome(node, state, trigger_name, clock() - started, detail))
        for trigger in [t for t in pending if predicate_holds(t["Predicate"], states)]:
            pending.remove(trigger)
            queue += [(trigger["Name"], action_node(action)) for action in trigger["Actions"]]
    return outcomes


def action_node(entry: dict[str, Any]) -> Node:
    """The job or crawler a trigger action or condition names."""
    if "JobName" in entry:
        return Node("job", entry["JobName"])
    return Node("crawler", entry["CrawlerName"])


def predicate_holds(predicate: dict[str, Any], states: dict[Node, str]) -> bool:
    """Whether a conditional trigger's conditions hold for the nodes' last states."""
    results = [
        states.get(action_node(c)) == (c.get("State") or c.get("CrawlState"))
        for c in predicate["Conditions"]
    ]
    return any(results) if predicate.get("Logical") == "ANY" else all(results)
