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


def completeness(name: str) -> Column:
    """The share of rows whose value is not null."""
    return F.avg(F.when(column(name).isNotNull(), 1.0).otherwise(0.0))


def _once() -> Column:
    """Over a frequency table: how many values occur exactly once."""
    return F.sum(F.when(F.col(COUNT) == 1, 1).otherwise(0))


def uniqueness() -> Column:
    """Over a frequency table: values seen once over the (non-null) rows."""
    return _once() / F.sum(COUNT)


def unique_rows(names: tuple[str, ...]) -> Column:
    """Rows whose values of names are all present and occur in no other row."""
    keys = [column(name) for name in names]
    present = F.lit(True)
    for key in keys:
        present = present & key.isNotNull()
    return present & (F.count(F.lit(1)).over(Window.partitionBy(*keys)) == 1)


def _unique_rows(rule: Rule, data: Dataset) -> Column:
    return unique_rows(rule.parameters)


_COMPLETENESS = SingleMetric(
    _named("Completeness"),
    lambda rule: completeness(rule.parameters[0]),
    rows=lambda rule, data: _first(rule).isNotNull(),
)
_UNIQUENESS = SingleMetric(
    _named("Uniqueness"),
    lambda rule: uniqueness(),
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
