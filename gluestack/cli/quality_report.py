"""Data quality results as a table: `gluestack dq results`, `gluestack local run` and the demo."""

from rich.table import Table

from gluestack.ops.data_quality import QualityResult

_COLOURS = {"PASS": "green", "FAIL": "red", "ERROR": "yellow"}


def quality_table(results: list[QualityResult], title: str = "Data quality") -> Table:
    """One row per rule: the ruleset, what it was evaluated on, the rule, its result, and why
    (Glue's message, else the metrics it evaluated)."""
    table = Table(title=title)
    for column in ("ruleset", "evaluated on", "score", "rule", "result", "message or metrics"):
        table.add_column(column, overflow="fold")
    for result in results:
        where = result.table or f"job {result.job_name} ({result.context})"
        for index, rule in enumerate(result.rules):
            first = index == 0
            table.add_row(
                result.ruleset if first else "",
                where if first else "",
                f"{result.score:.2f}" if first else "",
                rule.rule,
                f"[{_COLOURS.get(rule.result, 'white')}]{rule.result}[/]",
                rule.message or _metrics(rule.metrics),
            )
    return table


def _metrics(metrics: dict[str, float]) -> str:
    return ", ".join(f"{name} = {value:g}" for name, value in metrics.items())
