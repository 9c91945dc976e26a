"""RowCount, Completeness, uniqueness, distinct values, entropy and the numeric statistics.

Metric names and definitions as AWS's DQDL engine reports them (awslabs/deequ,
src/main/scala/com/amazon/deequ/dqdl/translation/rules/*Rule.scala); the reference pages are
https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types-<RuleType>.html.
"""

from collections.abc import Callable

from pyspark.sql import Column, Window
from pyspark.sql import functions as F

from gluestack.local.data_quality.metric_plan import COUNT
from gluestack.local.data_quality.rule_kind import Dataset, column
from gluestack.local.data_quality.single_metric import SingleMetric
from gluestack.spec.dqdl.syntax import Rule


def _first(rule: Rule) -> Column:
    return column(rule.parameters[0])


def _named(metric: str) -> Callable[[Rule], str]:
    return lambda rule: f"Column.{rule.parameters[0]}.{metric}"


def _complete_rows(rule: Rule, data: Dataset) -> Column:
    return _first(rule).isNotNull()


def _unique_rows(rule: Rule, data: Dataset) -> Column:
    value = _first(rule)
    occurrences = F.count(F.lit(1)).over(Window.partitionBy(value))
    return value.isNotNull() & (occurrences == 1)


def _once() -> Column:
    """Over a frequency table: how many values occur exactly once."""
    return F.sum(F.when(F.col(COUNT) == 1, 1).otherwise(0))


_COMPLETENESS = SingleMetric(
    _named("Completeness"),
    lambda rule: F.avg(F.when(_first(rule).isNotNull(), 1.0).otherwise(0.0)),
    rows=_complete_rows,
)
_UNIQUENESS = SingleMetric(
    _named("Uniqueness"),
    lambda rule: _once() / F.sum(COUNT),
    grouping=lambda rule: rule.parameters,
    rows=_unique_rows,
)

KINDS = {
    "RowCount": SingleMetric(lambda rule: "Dataset.*.RowCount", lambda rule: F.count(F.lit(1))),
    "Completeness": _COMPLETENESS,
    "IsComplete": _COMPLETENESS,
    "Uniqueness": _UNIQUENESS,
    "IsUnique": _UNIQUENESS,
    "UniqueValueRatio": SingleMetric(
        _named("UniqueValueRatio"),
        lambda rule: _once() / F.count(F.lit(1)),
        grouping=lambda rule: rule.parameters,
        rows=_unique_rows,
    ),
    # AWS's engine counts NULL as one distinct value here (a histogram bin), unlike Uniqueness.
    "DistinctValuesCount": SingleMetric(
        _named("DistinctValuesCount"),
        lambda rule: (
            F.countDistinct(_first(rule))
            + F.coalesce(F.max(F.when(_first(rule).isNull(), 1).otherwise(0)), F.lit(0))
        ),
    ),
    "Entropy": SingleMetric(  # natural logarithm, over the non-null values' frequencies
        _named("Entropy"),
        lambda rule: F.log(F.sum(COUNT)) - F.sum(F.col(COUNT) * F.log(COUNT)) / F.sum(COUNT),
        grouping=lambda rule: rule.parameters,
    ),
    "Mean": SingleMetric(_named("Mean"), lambda rule: F.avg(_first(rule)), numeric=True),
    "Sum": SingleMetric(_named("Sum"), lambda rule: F.sum(_first(rule)), numeric=True),
    "StandardDeviation": SingleMetric(  # the population's: AWS's worked example gives 16.33
        _named("StandardDeviation"), lambda rule: F.stddev_pop(_first(rule)), numeric=True
    ),
    "ColumnCorrelation": SingleMetric(
        lambda rule: f"Multicolumn.{rule.parameters[0]},{rule.parameters[1]}.ColumnCorrelation",
        lambda rule: F.corr(column(rule.parameters[0]), column(rule.parameters[1])),
        numeric=True,
    ),
}
