"""Rich tables the demo prints."""

from rich.table import Table

from demo.model import ModelReport
from gluestack.local.cdk_out.deploy import StackArtifact


def resources_table(stacks: list[StackArtifact]) -> Table:
    table = Table(title="Stacks and their Glue resources")
    for column in ("stack", "resources", "Glue resources"):
        table.add_column(column, overflow="fold")
    for stack in stacks:
        glue = "\n".join(f"{kind}: {name}" for kind, name in _glue_resources(stack)) or "-"
        table.add_row(stack.name, str(len(stack.template.get("Resources", {}))), glue)
    return table


def metrics_table(report: ModelReport) -> Table:
    rows = ", ".join(f"{name} {count:,}" for name, count in report.rows.items())
    table = Table(title=f"Late-arrival model on the test months (rows: {rows})")
    for column in ("model", "accuracy", "balanced accuracy", "precision (late)", "recall (late)"):
        table.add_column(column)
    for name, scores in (
        ("decision tree", report.tree),
        ("majority class", report.majority_baseline),
    ):
        table.add_row(
            name,
            f"{scores.accuracy:.3f}",
            f"{scores.balanced_accuracy:.3f}",
            f"{scores.precision:.3f}",
            f"{scores.recall:.3f}",
        )
    return table


def _glue_resources(stack: StackArtifact) -> list[tuple[str, str]]:
    found = []
    for resource in stack.template.get("Resources", {}).values():
        kind = resource["Type"]
        if kind.startswith("AWS::Glue::"):
            props = resource.get("Properties", {})
            name = props.get("Name") or props.get("DatabaseInput", {}).get("Name", "")
            found.append((kind.removeprefix("AWS::Glue::"), str(name)))
    return found
