"""What every rule type's evaluator provides, and the helpers they share."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from pyspark.sql import Column
from pyspark.sql import functions as F

from gluestack.local.data_quality.conditions import metric_holds
from gluestack.local.data_quality.metric_plan import MetricRequest
from gluestack.local.data_quality.outcomes import RuleResult
from gluestack.spec.dqdl.syntax import Condition, Number, Rule

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

Lookup = Callable[[str], float | None]  # a metric of this rule's where filter, by name


@dataclass(frozen=True)
class Dataset:
    """The frame a ruleset is evaluated on, with what rules need to know about it."""

    frame: "DataFrame"
    now: datetime
    references: dict[str, "DataFrame"] = field(default_factory=dict)

    @cached_property
    def columns(self) -> dict[str, str]:
        """Column name -> Spark type name (e.g. `int`, `string`, `date`); read once."""
        return {f.name: f.dataType.simpleString() for f in self.frame.schema.fields}


@dataclass(frozen=True)
class Verdict:
    result: RuleResult
    message: str = ""
    metrics: dict[str, float] = field(default_factory=dict)


class RuleKind(Protocol):
    """One rule type: the metrics it needs, its verdict on them, and which rows pass it."""

    def requests(self, rule: Rule, data: Dataset) -> list[MetricRequest]: ...

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict: ...

    def passing_rows(self, rule: Rule, data: Dataset) -> Column | None: ...


class OwnPass:
    """A rule that shares no metric with others (its own query, or the schema alone) and has no
    row-level outcome; subclasses give judge()."""

    def requests(self, rule: Rule, data: Dataset) -> list[MetricRequest]:
        return []

    def passing_rows(self, rule: Rule, data: Dataset) -> Column | None:
        return None


def column(name: str) -> Column:
    return F.col(f"`{name}`")


def missing_column(names: list[str], data: Dataset) -> Verdict | None:
    """FAIL as Glue reports a rule on a column the data lacks (dqdl.html, Labels example)."""
    for name in names:
        if name not in data.columns:
            return Verdict("FAIL", f"Input data does not include column {name}!")
    return None


def unmet(value: float, *, whole: bool = False) -> str:
    """Glue's message for a metric that fails its condition: whole numbers (counts, lengths) as
    "Value: 10", the rest as doubles ("Value: 11.0"), the two forms of AWS's tutorials."""
    printed = str(int(value)) if whole and value.is_integer() else repr(value)
    return f"Value: {printed} does not meet the constraint requirement!"


def compared(
    metrics: dict[str, float | None], shown_metric: str, condition: Condition, now: datetime
) -> Verdict:
    """PASS when the metric meets the condition; Glue's message when it does not."""
    value = metrics[shown_metric]
    known = {name: v for name, v in metrics.items() if v is not None}
    if value is None:
        return Verdict("FAIL", f"Empty state for {shown_metric}: no rows to compute it on", known)
    if metric_holds(condition, value, now):
        return Verdict("PASS", "", known)
    return Verdict("FAIL", unmet(value, whole=shown_metric.endswith("Count")), known)


EQUALS_ONE = Condition("=", (Number(1.0),))  # the implied condition of IsComplete, IsUnique...
