"""Rules every row must satisfy: ColumnValues, ColumnLength, DataFreshness, ColumnDataType.

Each row passes or fails; the rule passes when every row (after `where`) passes, or when the
share that passes meets `with threshold`. A filter that leaves no rows passes the rule.
Semantics: https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types-ColumnValues.html (NULL
fails all but != and not in), dqdl-rule-types-ColumnLength.html (NULL has length 0),
dqdl-rule-types-DataFreshness.html (NULL fails; "80.00 % of rows passed the threshold"),
dqdl-rule-types-ColumnDataType.html (the share of values Spark can cast to the type).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from pyspark.sql import Column
from pyspark.sql import functions as F

from gluestack.local.data_quality.conditions import metric_holds, rows_holding
from gluestack.local.data_quality.metric_plan import MetricRequest
from gluestack.local.data_quality.rule_kind import (
    Dataset,
    Lookup,
    Verdict,
    column,
    missing_column,
    unmet,
)
from gluestack.local.data_quality.values import NotEmulated, resolve
from gluestack.spec.dqdl.syntax import Condition, Number, Rule, Text

# DQDL type names (dqdl-rule-types-ColumnDataType.html) -> Spark SQL types.
DATA_TYPES = {
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "INTEGER": "int",
    "DOUBLE": "double",
    "FLOAT": "float",
    "LONG": "bigint",
}
_EXTREMES = {">": ("Minimum",), ">=": ("Minimum",), "<": ("Maximum",), "<=": ("Maximum",)}


@dataclass(frozen=True)
class RowRule:
    """compliance(rule) names the share-of-rows metric; passing(rule, data) tests one row."""

    compliance: Callable[[Rule], str]
    passing: Callable[[Rule, Dataset], Column]
    extremes: Callable[[Rule, Dataset], dict[str, Column]] = lambda rule, data: {}
    failure: Callable[[float], str] = unmet

    def requests(self, rule: Rule, data: Dataset) -> list[MetricRequest]:
        if missing_column([rule.parameters[0]], data):
            return []
        share = F.avg(F.when(self.passing(rule, data), 1.0).otherwise(0.0))
        extra = self.extremes(rule, data) if rule.threshold is None else {}
        return [MetricRequest(self._share_key(rule), share, rule.where)] + [
            MetricRequest(name, aggregate, rule.where) for name, aggregate in extra.items()
        ]

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        if missing := missing_column([rule.parameters[0]], data):
            return missing
        share = metric(self._share_key(rule))
        if share is None:
            return Verdict("PASS", "No rows matched the filter")
        extremes = {n: metric(n) for n in self.extremes(rule, data)} if not rule.threshold else {}
        known = {n: v for n, v in extremes.items() if v is not None}
        if rule.threshold is not None:
            passed = metric_holds(rule.threshold, share, data.now)
        else:
            passed = share >= 1.0
        shown_metrics = known or {self.compliance(rule): share}
        if passed:
            return Verdict("PASS", "", shown_metrics)
        return Verdict("FAIL", self._why(rule, data, share, known), shown_metrics)

    def passing_rows(self, rule: Rule, data: Dataset) -> Column | None:
        return None if missing_column([rule.parameters[0]], data) else self.passing(rule, data)

    def _share_key(self, rule: Rule) -> str:
        """The share depends on the condition too: two rules on one column are two metrics."""
        return f"{self.compliance(rule)}|{rule.text}"

    def _why(self, rule: Rule, data: Dataset, share: float, extremes: dict[str, float]) -> str:
        condition = rule.condition
        for name, value in extremes.items():
            if condition is not None and not metric_holds(condition, value, data.now):
                return unmet(value, whole=name.endswith("Length"))
        if extremes:
            return "Value: NULL does not meet the constraint requirement!"
        return self.failure(share)


def _condition(rule: Rule) -> Condition:
    assert rule.condition is not None, "the parser requires a condition"
    return rule.condition


def _value_rows(rule: Rule, data: Dataset) -> Column:
    return rows_holding(_condition(rule), column(rule.parameters[0]), data.now)


def _value_extremes(rule: Rule, data: Dataset) -> dict[str, Column]:
    """Glue reports Minimum / Maximum for numeric comparisons (AWS's notebook tutorial shows
    `Column. Total Discharges .Minimum -> 11.0` for `ColumnValues " Total Discharges " > 15`)."""
    condition = _condition(rule)
    numbers = [v for v in condition.values if isinstance(v, Number)]
    if condition.operator not in (*_EXTREMES, "=") or len(numbers) != len(condition.values):
        return {}
    target = column(rule.parameters[0])
    wanted = _EXTREMES.get(condition.operator, ("Minimum", "Maximum"))
    functions = {"Minimum": F.min, "Maximum": F.max}
    return {f"Column.{rule.parameters[0]}.{w}": functions[w](target) for w in wanted}


def _length(rule: Rule) -> Column:
    return F.coalesce(F.length(column(rule.parameters[0])), F.lit(0))


def _length_extremes(rule: Rule, data: Dataset) -> dict[str, Column]:
    name = rule.parameters[0]
    return {
        f"Column.{name}.MinimumLength": F.min(_length(rule)),
        f"Column.{name}.MaximumLength": F.max(_length(rule)),
    }


def _fresh_rows(rule: Rule, data: Dataset) -> Column:
    """The row's age (now minus its value) meets the condition's durations."""
    condition = _condition(rule)
    seconds: list[Number] = []
    for value in condition.values:
        resolved = resolve(value, data.now)
        if not isinstance(resolved, timedelta):
            raise NotEmulated(f"DataFreshness compares ages with durations, not {resolved!r}")
        seconds.append(Number(resolved.total_seconds()))
    age = F.lit(data.now).cast("long") - column(rule.parameters[0]).cast("timestamp").cast("long")
    return rows_holding(Condition(condition.operator, tuple(seconds)), age, data.now)


def _typed_rows(rule: Rule, data: Dataset) -> Column:
    condition = _condition(rule)
    if condition.operator not in ("=", "!=") or not isinstance(condition.values[0], Text):
        raise NotEmulated("ColumnDataType takes = or != and a quoted type name")
    wanted = condition.values[0].value.upper()
    if wanted not in DATA_TYPES:
        known = ", ".join(t.title() for t in DATA_TYPES)
        raise NotEmulated(f"ColumnDataType type {wanted!r}: gluestack evaluates {known}")
    name = rule.parameters[0].replace("`", "``")
    castable = F.expr(f"try_cast(`{name}` AS {DATA_TYPES[wanted]})").isNotNull()
    return castable if condition.operator == "=" else F.coalesce(~castable, F.lit(False))


def _compliance(metric: str) -> Callable[[Rule], str]:
    return lambda rule: f"Column.{rule.parameters[0]}.{metric}"


KINDS = {
    "ColumnValues": RowRule(_compliance("ColumnValues.Compliance"), _value_rows, _value_extremes),
    "ColumnLength": RowRule(
        _compliance("LengthCompliance"),
        lambda rule, data: rows_holding(_condition(rule), _length(rule), data.now),
        _length_extremes,
    ),
    "DataFreshness": RowRule(
        _compliance("DataFreshness.Compliance"),
        _fresh_rows,
        failure=lambda share: f"{share * 100:.2f} % of rows passed the threshold",
    ),
    "ColumnDataType": RowRule(_compliance("ColumnDataType.Compliance"), _typed_rows),
}
