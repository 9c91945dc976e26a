"""Glue's trigger vocabulary for the offline workflow engine: nodes, outcomes, predicates."""

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
