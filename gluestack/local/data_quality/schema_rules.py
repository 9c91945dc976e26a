"""Rules on the dataset's shape (ColumnCount, ColumnExists, ColumnNamesMatchPattern) and
IsPrimaryKey, which combines uniqueness with completeness."""

import re

from pyspark.sql import Column

from gluestack.local.data_quality.column_statistics import completeness, unique_rows, uniqueness
from gluestack.local.data_quality.metric_plan import MetricRequest
from gluestack.local.data_quality.rule_kind import (
    EQUALS_ONE,
    Dataset,
    Lookup,
    OwnPass,
    Verdict,
    compared,
    missing_column,
)
from gluestack.spec.dqdl.syntax import Rule


class ColumnCount(OwnPass):
    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        assert rule.condition is not None
        metrics: dict[str, float | None] = {"Dataset.*.ColumnCount": float(len(data.columns))}
        return compared(metrics, "Dataset.*.ColumnCount", rule.condition, data.now)


class ColumnExists(OwnPass):
    # AWS's example output shows no metric for ColumnExists (aws-glue-api-crawler-pyspark-
    # transforms-EvaluateDataQuality.html).
    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        return missing_column(list(rule.parameters), data) or Verdict("PASS")


class ColumnNamesMatchPattern(OwnPass):
    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        pattern = re.compile(rule.parameters[0])
        names = list(data.columns)
        ratio = sum(bool(pattern.fullmatch(n)) for n in names) / len(names) if names else 1.0
        metrics: dict[str, float | None] = {"Dataset.*.ColumnNamesPatternMatchRatio": ratio}
        return compared(metrics, "Dataset.*.ColumnNamesPatternMatchRatio", EQUALS_ONE, data.now)


class IsPrimaryKey:
    """Every key column complete, and the key's combined values unique."""

    def requests(self, rule: Rule, data: Dataset) -> list[MetricRequest]:
        if missing_column(list(rule.parameters), data):
            return []
        unique = MetricRequest(_uniqueness(rule), uniqueness(), rule.where, rule.parameters)
        return [unique] + [
            MetricRequest(f"Column.{name}.Completeness", completeness(name), rule.where)
            for name in rule.parameters
        ]

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        if missing := missing_column(list(rule.parameters), data):
            return missing
        names = [_uniqueness(rule)] + [f"Column.{n}.Completeness" for n in rule.parameters]
        metrics = {name: metric(name) for name in names}
        for name in names:
            verdict = compared(metrics, name, EQUALS_ONE, data.now)
            if verdict.result != "PASS":
                return verdict
        return verdict

    def passing_rows(self, rule: Rule, data: Dataset) -> Column | None:
        return None if missing_column(list(rule.parameters), data) else unique_rows(rule.parameters)


def _uniqueness(rule: Rule) -> str:
    if len(rule.parameters) == 1:
        return f"Column.{rule.parameters[0]}.Uniqueness"
    return f"Multicolumn.{','.join(rule.parameters)}.Uniqueness"


KINDS = {
    "ColumnCount": ColumnCount(),
    "ColumnExists": ColumnExists(),
    "ColumnNamesMatchPattern": ColumnNamesMatchPattern(),
    "IsPrimaryKey": IsPrimaryKey(),
}
