"""Glue cron schedules, `cron(minutes hours day-of-month month day-of-week year)`, checked early."""

import re
from datetime import datetime
from typing import Annotated

from croniter import croniter
from pydantic import AfterValidator, Field

_CRON = re.compile(r"^cron\((?P<fields>[^()]*)\)$")
_YEAR = re.compile(r"^(\*|\d{4}(-\d{4})?(/\d+)?(,\d{4}(-\d{4})?)*)$")
_WEEKDAY_NUMBER = re.compile(r"\d+")
_FORMAT = "cron(minutes hours day-of-month month day-of-week year), e.g. cron(15 12 * * ? *)"


def check_glue_cron(expression: str) -> str:
    """Return expression when Glue accepts it; raise ValueError saying what is wrong."""
    match = _CRON.match(expression.strip())
    if not match:
        raise ValueError(f"'{expression}' is not a Glue schedule; write {_FORMAT}")
    fields = match["fields"].split()
    if len(fields) != 6:
        raise ValueError(f"'{expression}' has {len(fields)} fields, Glue needs 6: {_FORMAT}")
    day_of_month, day_of_week, year = fields[2], fields[4], fields[5]
    if (day_of_month == "?") == (day_of_week == "?"):
        raise ValueError(f"'{expression}': exactly one of day-of-month and day-of-week must be '?'")
    if not _YEAR.match(year):
        raise ValueError(f"'{expression}': year '{year}' must be '*' or years such as 2026-2030")
    if not croniter.is_valid(_five_fields(fields)):
        raise ValueError(f"'{expression}' is not a valid cron expression: {_FORMAT}")
    return expression.strip()


def next_run(expression: str, after: datetime) -> datetime:
    """The first time after `after` that a checked expression fires (Glue schedules are UTC)."""
    match = _CRON.match(check_glue_cron(expression))
    assert match is not None
    result: datetime = croniter(_five_fields(match["fields"].split()), after).get_next(datetime)
    return result


def fire_times(
    expression: str, after: datetime, until: datetime, limit: int = 1000
) -> list[datetime]:
    """Every time in (after, until] a checked expression fires, its year field included."""
    match = _CRON.match(check_glue_cron(expression))
    assert match is not None
    fields = match["fields"].split()
    times = croniter(_five_fields(fields), after)
    found: list[datetime] = []
    while len(found) < limit:
        moment: datetime = times.get_next(datetime)
        if moment > until:
            break
        if _year_matches(fields[5], moment.year):
            found.append(moment)
    return found


def _year_matches(field: str, year: int) -> bool:
    """Glue's year field: '*', years, ranges and steps (2026, 2026-2030, 2026/2), listed."""
    for part in field.split(","):
        span, _, step = part.partition("/")
        if span == "*":
            first, last = 0, 9999
        else:
            start, _, end = span.partition("-")
            first, last = int(start), int(end or (9999 if step else start))
        if first <= year <= last and (year - first) % int(step or 1) == 0:
            return True
    return False


def _five_fields(fields: list[str]) -> str:
    """croniter's form: Glue's fields without the year, '?' as '*', weekdays from 0."""
    minutes, hours, day_of_month, month, day_of_week = fields[:5]
    return " ".join(
        [minutes, hours, _any(day_of_month), month, _weekday_from_sunday_zero(day_of_week)]
    )


def _any(field: str) -> str:
    return "*" if field == "?" else field


def _weekday_from_sunday_zero(field: str) -> str:
    """Glue numbers weekdays 1-7 from Sunday, croniter 0-6; '#n' (nth weekday) is kept as is."""
    if field == "?":
        return "*"
    days, hash_sign, nth = field.partition("#")
    return _WEEKDAY_NUMBER.sub(lambda m: str(int(m.group()) - 1), days) + hash_sign + nth


GlueCron = Annotated[
    str,
    AfterValidator(check_glue_cron),
    Field(description=_FORMAT + "; times are UTC"),
]
