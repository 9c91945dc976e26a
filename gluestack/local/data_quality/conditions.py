"""A rule's condition checked against one metric, or against every row of a column.

Semantics from AWS's DQDL reference (https://docs.aws.amazon.com/glue/latest/dg/dqdl.html,
"Expressions"): `between x and y` is exclusive and `not between` its complement (a bound
is "not between"); ColumnValues rows that are NULL fail every condition except `!=` and
`not in` (dqdl-rule-types-ColumnValues.html, "Null behavior"); NULL, EMPTY and
WHITESPACES_ONLY name null, "" and whitespace-only strings.
"""

import operator
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from pyspark.sql import Column
from pyspark.sql import functions as F

from gluestack.local.data_quality.values import NotEmulated, Resolved, resolve
from gluestack.spec.dqdl.syntax import Condition, Special

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}


def metric_holds(condition: Condition, metric: float | None, now: datetime) -> bool:
    """Whether a rule's metric (a row count, a ratio, a mean...) satisfies its condition."""
    if metric is None:
        return False
    values = [_number(resolve(v, now)) for v in condition.values]
    if condition.operator == "between":
        low, high = values
        inside = low < metric < high
        return not inside if condition.negated else inside
    if condition.operator == "in":
        return (metric in values) != condition.negated
    if condition.operator == "matches":
        raise NotEmulated("'matches' compares strings; this rule's value is a number")
    return _COMPARE[condition.operator](metric, values[0])


def rows_holding(condition: Condition, column: Column, now: datetime) -> Column:
    """A never-null boolean column: whether each row's value satisfies the condition."""
    values = [resolve(v, now) for v in condition.values]
    specials = [v.keyword for v in values if isinstance(v, Special)]
    plain = [_literal(v) for v in values if not isinstance(v, Special)]
    if condition.operator == "in":
        found = column.isin(plain) if plain else F.lit(False)
        for keyword in specials:
            found = found | _special(keyword, column)
        held = ~found if condition.negated else found
        return F.coalesce(held, F.lit(condition.negated and "NULL" not in specials))
    if condition.operator in ("=", "!=") and specials:
        same = F.coalesce(_special(specials[0], column), F.lit(False))
        return same if condition.operator == "=" else ~same
    if condition.operator == "matches":
        # A whole-value match, as AWS's engine anchors it (awslabs/deequ ColumnValuesRule.scala).
        pattern = f"^(?:{values[0]})$"
        found = column.cast("string").rlike(pattern)
        return F.coalesce(~found if condition.negated else found, F.lit(False))
    if condition.operator == "between":
        low, high = plain
        inside = (column > low) & (column < high)
        held = ~inside if condition.negated else inside
        return F.coalesce(held, F.lit(False))
    compared = _COMPARE[condition.operator](column, plain[0])
    return F.coalesce(compared, F.lit(condition.operator == "!="))  # type: ignore[arg-type]


def _special(keyword: str, column: Column) -> Column:
    if keyword == "NULL":
        return column.isNull()
    text = column.cast("string")
    if keyword == "EMPTY":
        return text == F.lit("")
    return (F.length(text) > 0) & (F.trim(text) == F.lit(""))


def _number(value: Resolved) -> float:
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise NotEmulated(f"{value!r} where the rule's value is a number")


def _literal(value: Resolved) -> Column:
    if isinstance(value, timedelta):
        raise NotEmulated("a duration alone where a value is expected; write (now() - 3 days)")
    return F.lit(value)
