"""Rules that compare one metric with their condition (or with 1.0 when they have none)."""

from collections.abc import Callable
from dataclasses import dataclass

from pyspark.sql import Column

from gluestack.local.data_quality.metric_plan import MetricRequest
from gluestack.local.data_quality.rule_kind import (
    EQUALS_ONE,
    Dataset,
    Lookup,
    Verdict,
    compared,
    missing_column,
)
from gluestack.spec.dqdl.syntax import Rule


def _no_rows(rule: Rule, data: Dataset) -> Column | None:
    return None


@dataclass(frozen=True)
class SingleMetric:
    """metric(rule) names the metric (Glue's `Column.<col>.Completeness`, ...)."""

    metric: Callable[[Rule], str]
    aggregate: Callable[[Rule], Column]
    grouping: Callable[[Rule], tuple[str, ...]] = lambda rule: ()
    numeric: bool = False
    rows: Callable[[Rule, Dataset], Column | None] = _no_rows

    def requests(self, rule: Rule, data: Dataset) -> list[MetricRequest]:
        if self._unfit(rule, data):
            return []
        return [
            MetricRequest(self.metric(rule), self.aggregate(rule), rule.where, self.grouping(rule))
        ]

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        if unfit := self._unfit(rule, data):
            return unfit
        name = self.metric(rule)
        return compared({name: metric(name)}, name, rule.condition or EQUALS_ONE, data.now)

    def passing_rows(self, rule: Rule, data: Dataset) -> Column | None:
        return None if self._unfit(rule, data) else self.rows(rule, data)

    def _unfit(self, rule: Rule, data: Dataset) -> Verdict | None:
        if missing := missing_column(list(rule.parameters), data):
            return missing
        if self.numeric:
            for name in rule.parameters:
                kind = data.columns[name]
                if not kind.startswith(NUMERIC_TYPES):
                    return Verdict("FAIL", f"{rule.type} needs a numeric column; {name} is {kind}")
        return None


NUMERIC_TYPES = ("tinyint", "smallint", "int", "bigint", "float", "double", "decimal")
