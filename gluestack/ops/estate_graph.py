"""How the resources of a Glue estate hang together: triggers link the jobs and crawlers they
start or wait for, and a workflow links its triggers (and the nodes of its graph)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

Node = tuple[str, str]  # (kind, name): kind is job, crawler, trigger or workflow
_GRAPH_KINDS = {"JOB": "job", "CRAWLER": "crawler", "TRIGGER": "trigger"}


@dataclass(frozen=True)
class EstateGraph:
    """An undirected graph over (kind, name) nodes; its components are candidate pipelines."""

    KINDS: ClassVar[tuple[str, ...]] = ("job", "crawler", "trigger", "workflow")

    nodes: tuple[Node, ...]
    edges: Mapping[Node, frozenset[Node]]

    @classmethod
    def of(
        cls,
        jobs: Mapping[str, Any],
        crawlers: Mapping[str, Any],
        triggers: Mapping[str, Mapping[str, Any]],
        workflows: Mapping[str, Mapping[str, Any]],
    ) -> "EstateGraph":
        nodes: list[Node] = [("job", n) for n in jobs] + [("crawler", n) for n in crawlers]
        nodes += [("trigger", n) for n in triggers] + [("workflow", n) for n in workflows]
        known = set(nodes)
        pairs: list[tuple[Node, Node]] = []
        for name, trigger in triggers.items():
            node = ("trigger", name)
            pairs += [(node, target) for target in trigger_targets(trigger)]
            if trigger.get("WorkflowName"):
                pairs.append((node, ("workflow", trigger["WorkflowName"])))
        for name, workflow in workflows.items():
            for graph_node in (workflow.get("Graph") or {}).get("Nodes", []):
                kind = _GRAPH_KINDS.get(graph_node.get("Type", ""))
                if kind and graph_node.get("Name"):
                    pairs.append((("workflow", name), (kind, graph_node["Name"])))
        edges: dict[Node, set[Node]] = {node: set() for node in nodes}
        for a, b in pairs:
            if a in known and b in known:
                edges[a].add(b)
                edges[b].add(a)
        return cls(tuple(nodes), {node: frozenset(linked) for node, linked in edges.items()})

    def reached_from(self, seeds: Iterable[Node]) -> set[Node]:
        """Every node connected to one of seeds."""
        reached: set[Node] = set()
        frontier = [seed for seed in seeds if seed in self.edges]
        while frontier:
            node = frontier.pop()
            if node in reached:
                continue
            reached.add(node)
            frontier.extend(self.edges[node] - reached)
        return reached

    def workflow_nodes(self, workflow: str) -> set[Node]:
        """The workflow's own nodes: its triggers, its graph's nodes, and what its triggers
        start or wait for."""
        node = ("workflow", workflow)
        if node not in self.edges:
            return set()
        members = set(self.edges[node])
        for member in list(members):
            if member[0] == "trigger":
                members |= self.edges[member]
        return members | {node}

    def components(self) -> list[set[Node]]:
        """Connected components, in the order of their first node."""
        seen: set[Node] = set()
        found: list[set[Node]] = []
        for node in self.nodes:
            if node not in seen:
                component = self.reached_from([node])
                seen |= component
                found.append(component)
        return found


def trigger_targets(trigger: Mapping[str, Any]) -> list[Node]:
    """The jobs and crawlers a trigger starts (actions) or waits for (conditions)."""
    conditions = (trigger.get("Predicate") or {}).get("Conditions", [])
    targets: list[Node] = []
    for entry in [*trigger.get("Actions", []), *conditions]:
        if entry.get("JobName"):
            targets.append(("job", entry["JobName"]))
        if entry.get("CrawlerName"):
            targets.append(("crawler", entry["CrawlerName"]))
    return targets
