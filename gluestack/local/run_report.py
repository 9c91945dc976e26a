"""How a workflow run's nodes ended, as a table: `gluestack local run` and the demo print it."""

from rich.table import Table

from gluestack.local.orchestration.trigger_chain import NodeOutcome


def outcomes_table(outcomes: list[NodeOutcome]) -> Table:
    table = Table(title="Workflow run")
    for column in ("node", "kind", "started by", "state", "seconds", "detail"):
        table.add_column(column, overflow="fold")
    for outcome in outcomes:
        colour = "green" if outcome.state == "SUCCEEDED" else "red"
        table.add_row(
            outcome.node.name,
            outcome.node.kind,
            outcome.trigger,
            f"[{colour}]{outcome.state}[/]",
            f"{outcome.seconds:.1f}",
            outcome.detail,
        )
    return table
