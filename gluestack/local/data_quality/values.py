"""DQDL values (numbers, strings, durations, now() arithmetic) as Python values."""

from datetime import datetime, timedelta

from gluestack.spec.dqdl.syntax import (
    Arithmetic,
    Call,
    Duration,
    Negative,
    Number,
    Special,
    Text,
    Value,
)

Resolved = float | str | datetime | timedelta | Special


class NotEmulated(Exception):
    """A rule or value gluestack cannot evaluate offline; its result is ERROR, never PASS."""


def resolve(value: Value, now: datetime) -> Resolved:
    """A value as Python sees it; now() is the evaluation's time."""
    match value:
        case Number(value=number):
            return number
        case Text(value=text):
            return text
        case Special():
            return value
        case Duration(amount=amount, unit=unit):
            return timedelta(**{unit: amount})
        case Negative(operand=operand):
            inner = resolve(operand, now)
            if isinstance(inner, float | timedelta):
                return -inner
            raise NotEmulated(f"cannot negate {inner!r}")
        case Call(name="now", arguments=()):
            return now
        case Call(name=name):
            raise NotEmulated(
                f"{name}(...) compares with metrics of earlier runs (a dynamic rule); "
                "offline keeps no metric history"
            )
        case Arithmetic(operator=operator, left=left, right=right):
            return _arithmetic(operator, resolve(left, now), resolve(right, now))
    raise NotEmulated(f"the value {value!r}")


def _arithmetic(operator: str, left: Resolved, right: Resolved) -> Resolved:
    try:
        if operator == "+":
            return left + right  # type: ignore[operator]
        if operator == "-":
            return left - right  # type: ignore[operator]
        if operator == "*":
            return left * right  # type: ignore[operator]
        return left / right  # type: ignore[operator]
    except TypeError:
        raise NotEmulated(f"{left!r} {operator} {right!r}") from None
