"""Every metric a ruleset needs, computed in as few Spark passes as possible.

Metrics over the rows (counts, means, min/max, compliance ratios) of one `where` filter are one
aggregation; metrics over value frequencies (uniqueness, entropy) are one more per column set.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pyspark.errors import AnalysisException
from pyspark.sql import Column
from pyspark.sql import functions as F

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

COUNT = "count"  # the column of a frequency table holding each value's number of rows


@dataclass(frozen=True)
class MetricRequest:
    """One metric: an aggregate over the rows, or over the frequency table of `grouping`."""

    name: str
    aggregate: Column
    where: str | None = None
    grouping: tuple[str, ...] = ()


@dataclass
class Metrics:
    """Computed metrics keyed by (where, name), and the where filters Spark could not run."""

    values: dict[tuple[str | None, str], float | None]
    invalid_wheres: dict[str, str]


def compute_metrics(frame: "DataFrame", requests: list[MetricRequest]) -> Metrics:
    """The value of each requested metric; one Spark pass per (where, grouping)."""
    groups: dict[tuple[str | None, tuple[str, ...]], dict[str, Column]] = {}
    for request in requests:
        groups.setdefault((request.where, request.grouping), {})[request.name] = request.aggregate
    metrics = Metrics({}, {})
    for (where, grouping), aggregates in groups.items():
        if where in metrics.invalid_wheres:
            continue
        names = list(aggregates)
        try:
            row = _aggregated(frame, where, grouping, [aggregates[n] for n in names])
        except AnalysisException as error:  # ParseException too: Spark names the problem
            if not where:
                raise
            metrics.invalid_wheres[where] = str(error).strip().splitlines()[0]
            continue
        for name, value in zip(names, row, strict=True):
            metrics.values[(where, name)] = None if value is None else float(value)  # type: ignore[arg-type]
    return metrics


def _aggregated(
    frame: "DataFrame", where: str | None, grouping: tuple[str, ...], aggregates: list[Column]
) -> list[object]:
    rows = frame.where(where) if where else frame
    if grouping:
        present = F.lit(False)
        for column in grouping:
            present = present | F.col(f"`{column}`").isNotNull()
        grouped = rows.where(present).groupBy(*[F.col(f"`{c}`") for c in grouping])
        rows = grouped.agg(F.count(F.lit(1)).alias(COUNT))
    row = rows.agg(*[a.alias(f"m{i}") for i, a in enumerate(aggregates)]).first()
    return list(row) if row is not None else [None] * len(aggregates)
