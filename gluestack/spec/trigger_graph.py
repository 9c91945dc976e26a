"""The trigger graph: which job or crawler can start which; cycles would run forever."""

from gluestack.spec.errors import SpecIssue
from gluestack.spec.pipeline import PipelineSpec

Node = tuple[str, str]  # ("job" | "crawler", name)


def starts(spec: PipelineSpec) -> dict[Node, list[tuple[Node, str]]]:
    """For each job or crawler, what its end can start, with the trigger that does it."""
    graph: dict[Node, list[tuple[Node, str]]] = {}
    for trigger_name, trigger in spec.triggers.items():
        for condition in trigger.conditions:
            for action in trigger.actions:
                source = (condition.kind, condition.name)
                graph.setdefault(source, []).append(((action.kind, action.name), trigger_name))
    return graph


def check_cycles(spec: PipelineSpec) -> list[SpecIssue]:
    """One issue per trigger that closes a cycle (A starts B ... starts A)."""
    graph = starts(spec)
    issues: list[SpecIssue] = []
    state: dict[Node, str] = {}  # "open" while on the current path, then "done"

    def visit(node: Node, path: list[Node]) -> None:
        state[node] = "open"
        path.append(node)
        for target, trigger_name in graph.get(node, []):
            if state.get(target) == "open":
                loop = [*path[path.index(target) :], target]
                shown = " -> ".join(f"{kind} {name}" for kind, name in loop)
                issues.append(
                    SpecIssue(
                        ("triggers", trigger_name),
                        f"closes a cycle ({shown}): the workflow would never end",
                    )
                )
            elif target not in state:
                visit(target, path)
        path.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return issues
