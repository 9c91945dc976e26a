"""Every metric a ruleset needs, computed in as few Spark passes as possible.

Metrics over the rows (counts, means, min/max, compliance ratios) of one `where` filter are one
aggregation; metrics over value frequencies (uniqueness, entropy) of one `where` filter are one
more, whatever the number of column sets: each row is exploded into one row per column set
(its columns kept, typed as they are, the others null) and the frequency tables of every set
are counted in one grouping.
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
    """The value of each requested metric; one Spark pass per where filter for the metrics over
    rows, one more for those over value frequencies."""
    passes: dict[str | None, dict[tuple[str, ...], dict[str, Column]]] = {}
    for request in requests:
        sets = passes.setdefault(request.where, {})
        sets.setdefault(request.grouping, {})[request.name] = request.aggregate
    metrics = Metrics({}, {})
    for where, sets in passes.items():
        try:
            rows = frame.where(where) if where else frame
            if () in sets:
                _keep(metrics, where, sets[()], _aggregated(rows, list(sets[()].values())))
            frequencies = {grouping: named for grouping, named in sets.items() if grouping}
            if frequencies:
                for grouping, values in _over_frequencies(rows, frequencies).items():
                    _keep(metrics, where, frequencies[grouping], values)
        except AnalysisException as error:  # ParseException too: Spark names the problem
            if not where:
                raise
            metrics.invalid_wheres[where] = str(error).strip().splitlines()[0]
    return metrics


def _keep(
    metrics: Metrics, where: str | None, named: dict[str, Column], values: list[object]
) -> None:
    for name, value in zip(named, values, strict=True):
        metrics.values[(where, name)] = None if value is None else float(value)  # type: ignore[arg-type]


def _aggregated(rows: "DataFrame", aggregates: list[Column]) -> list[object]:
    row = rows.agg(*[a.alias(f"m{i}") for i, a in enumerate(aggregates)]).first()
    return list(row) if row is not None else [None] * len(aggregates)


_SET, _KEEP = "gluestack_set", "gluestack_keep"


def _over_frequencies(
    rows: "DataFrame", sets: dict[tuple[str, ...], dict[str, Column]]
) -> dict[tuple[str, ...], list[object]]:
    """Each column set's aggregates over its frequency table (the rows with any of the set's
    columns present, grouped by the set's values, COUNT rows each), in one Spark pass."""
    groupings = list(sets)
    names = list(dict.fromkeys(name for grouping in groupings for name in grouping))
    types = dict(rows.dtypes)
    fields = {name: f"c{i}" for i, name in enumerate(names)}

    def exploded_row(index: int, grouping: tuple[str, ...]) -> Column:
        present = F.lit(False)
        for name in grouping:
            present = present | F.col(f"`{name}`").isNotNull()
        values = [
            (F.col(f"`{name}`") if name in grouping else F.lit(None).cast(types[name])).alias(
                fields[name]
            )
            for name in names
        ]
        return F.struct(F.lit(index).alias(_SET), present.alias(_KEEP), *values)

    each = rows.select(
        F.explode(F.array(*[exploded_row(i, g) for i, g in enumerate(groupings)])).alias("r")
    ).select("r.*")
    counted = (
        each.where(F.col(_KEEP)).groupBy(_SET, *fields.values()).agg(F.count(F.lit(1)).alias(COUNT))
    )
    aggregates = [a for grouping in groupings for a in sets[grouping].values()]
    found = {
        row[_SET]: list(row)[1:]
        for row in counted.groupBy(_SET)
        .agg(*[a.alias(f"m{i}") for i, a in enumerate(aggregates)])
        .collect()
    }
    answer, start = {}, 0
    for index, grouping in enumerate(groupings):
        width = len(sets[grouping])
        # A set with no row present has an empty frequency table: Spark's aggregates of no rows.
        values = found.get(index) or _aggregated(counted.where("false"), aggregates)
        answer[grouping] = values[start : start + width]
        start += width
    return answer
