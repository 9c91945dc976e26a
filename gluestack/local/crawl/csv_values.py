"""Spark 3.5's CSV schema inference (CSVInferSchema) for one column, in Python.

Spark types each value by trying parsers in a chain (int, long, decimal, double, date,
timestamp, boolean, else string) that starts at the type the column has so far, and merges the
result into it. The rules below were checked value by value against Spark (tests/local/crawl/
test_file_schema.py): Java's number parsing ('+1', '1d', ' 1.5 ', 'NaN', 'Infinity', '5.' is
decimal(1,0), '1e5' is double), a date only as yyyy-MM-dd untrimmed, and Spark's lenient
timestamp cast ('2013', '2013-1-1', ' 2013-01-01', '10:30', with zones). A value whose
outcome is not modelled raises Uncertain, and the caller lets Spark type the file.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache, reduce

MAX_PRECISION = 38


class Uncertain(Exception):
    """Spark's type for this value is not modelled here."""


@dataclass(frozen=True)
class CsvType:
    """One of the types Spark's CSV inference yields: name, and precision/scale for decimal."""

    name: str
    precision: int = 0
    scale: int = 0

    @property
    def simple_string(self) -> str:
        if self.name == "decimal":
            return f"decimal({self.precision},{self.scale})"
        return "string" if self.name == "null" else self.name


NULL, INT, BIGINT, DOUBLE = CsvType("null"), CsvType("int"), CsvType("bigint"), CsvType("double")
DATE, TIMESTAMP = CsvType("date"), CsvType("timestamp")
BOOLEAN, STRING = CsvType("boolean"), CsvType("string")
_NUMERIC_RANK = {INT: 0, BIGINT: 1, DOUBLE: 2}
_DATETIME = (DATE, TIMESTAMP)


def decimal(precision: int, scale: int) -> CsvType:
    return CsvType("decimal", precision, scale)


def merged(t1: CsvType, t2: CsvType) -> CsvType:
    """TypeCoercion.findTightestCommonType, then CSVInferSchema's own rules; else string."""
    if t1 == t2 or t2 == NULL:
        return t1
    if t1 == NULL:
        return t2
    if STRING in (t1, t2):
        return STRING
    if t1 in _NUMERIC_RANK and t2 in _NUMERIC_RANK:
        return max(t1, t2, key=_NUMERIC_RANK.__getitem__)
    if t1 in _DATETIME and t2 in _DATETIME:
        return TIMESTAMP
    if t1.name == "decimal" or t2.name == "decimal":
        if DOUBLE in (t1, t2):
            return DOUBLE
        if {t1.name, t2.name} <= {"decimal", "int", "bigint"}:
            return _merged_decimals(_as_decimal(t1), _as_decimal(t2))
    return STRING


def _as_decimal(t: CsvType) -> CsvType:
    return {INT: decimal(10, 0), BIGINT: decimal(20, 0)}.get(t, t)


def _merged_decimals(d1: CsvType, d2: CsvType) -> CsvType:
    scale = max(d1.scale, d2.scale)
    whole = max(d1.precision - d1.scale, d2.precision - d2.scale)
    return DOUBLE if whole + scale > MAX_PRECISION else decimal(whole + scale, scale)


def value_type(so_far: CsvType, value: str) -> CsvType:
    """The column's type after value (CSVInferSchema.inferField); "" is null."""
    if value == "":
        return so_far
    parsed = _Value.of(value)
    start = {
        NULL: parsed.as_int, INT: parsed.as_int, BIGINT: parsed.as_long, DOUBLE: parsed.as_double,
        DATE: parsed.as_date, TIMESTAMP: parsed.as_timestamp, BOOLEAN: parsed.as_boolean,
        STRING: lambda: STRING,
    }  # fmt: skip
    chain = parsed.as_decimal if so_far.name == "decimal" else start[so_far]
    return merged(so_far, chain())


def column_type(values: Iterable[str], one_partition: bool) -> CsvType:
    """The type Spark infers for a column of these values, whatever order it reads them in.

    Spark folds each partition's values in order and merges the partitions' types. The fold
    depends on order when a value parses differently in a chain started later (after
    '2013-01-01 05:00:00', '2013' is a timestamp; first, an int that then merges to string);
    such columns raise Uncertain. Partitions whose types do not merge (int and boolean) make
    Spark drop to null, not string, so a string merged from those needs one partition.
    """
    finals = {v: value_type(NULL, v) for v in set(values)}
    kinds = set(finals.values())
    result = reduce(merged, kinds, NULL)
    for so_far in _reachable(kinds) - {NULL, INT, BIGINT, DOUBLE, STRING}:
        if any(value_type(so_far, v) != merged(so_far, t) for v, t in finals.items()):
            raise Uncertain(f"the type depends on the order of the values after {so_far}")
    if result == STRING and STRING not in kinds and not one_partition:
        raise Uncertain("types that do not merge, read in several partitions")
    return result


def _reachable(kinds: set[CsvType]) -> set[CsvType]:
    """Every type a fold over some of the kinds can reach."""
    reached = {NULL}
    while True:
        more = {merged(r, k) for r in reached for k in kinds} - reached
        if not more:
            return reached
        reached |= more


_ASCII_INTEGER = re.compile(r"[+-]?[0-9]+")
_BIG_DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,6})?")
_JAVA_DOUBLE = re.compile(
    r"[+-]?(NaN|Infinity|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?)"
)
_JAVA_HEX = re.compile(r"[+-]?0[xX]")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Spark's timestamp cast of a string: a date with 1-2 digit month and day, a time, a zone.
_TIMESTAMP = re.compile(
    r"(?P<year>[0-9]{4})(-(?P<month>[0-9]{1,2})(-(?P<day>[0-9]{1,2})"
    r"([ T](?P<hour>[0-9]{1,2})(:(?P<minute>[0-9]{1,2})(:(?P<second>[0-9]{1,2})(\.[0-9]{1,9})?"
    r"(Z| ?UTC|[+-](0[0-9]|1[0-4]):?[0-5][0-9])?)?)?)?)?)?"
)
_TIME_ONLY = re.compile(
    r"T?(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{1,2})(:(?P<second>[0-9]{1,2})(\.[0-9]{1,6})?)?"
)
# What could start a value Spark's timestamp cast accepts; anything else it refuses.
_TIMESTAMP_LIKE = re.compile(r"[+-]?[0-9]{4,}([-T ]|$)|T?[0-9]{1,2}:")
_INFINITIES_AND_NAN = ("NaN", "Inf", "-Inf")  # CSV's nanValue, positiveInf, negativeInf


@dataclass(frozen=True)
class _Value:
    text: str

    @staticmethod
    @cache
    def of(text: str) -> "_Value":
        if any(ord(c) > 127 and unicodedata.category(c) == "Nd" for c in text):
            raise Uncertain(text)  # Java's number parsers accept non-ASCII digits
        return _Value(text)

    def as_int(self) -> CsvType:
        return INT if self._integer_within(31) else self.as_long()

    def as_long(self) -> CsvType:
        return BIGINT if self._integer_within(63) else self.as_decimal()

    def as_decimal(self) -> CsvType:
        if _BIG_DECIMAL.fullmatch(self.text):
            _, digits, exponent = Decimal(self.text).as_tuple()
            assert isinstance(exponent, int)
            precision, scale = len(digits), -exponent
            # A positive scale is left to double; a negative one Spark refuses as a decimal.
            if scale == 0 and precision <= MAX_PRECISION:
                return decimal(precision, 0)
        return self.as_double()

    def as_double(self) -> CsvType:
        trimmed = _java_trim(self.text)
        if _JAVA_DOUBLE.fullmatch(trimmed) or self.text in _INFINITIES_AND_NAN:
            return DOUBLE
        if _JAVA_HEX.match(trimmed):
            raise Uncertain(self.text)
        return self.as_date()

    def as_date(self) -> CsvType:
        found = _DATE.fullmatch(self.text)
        if found and _valid_date(*map(int, found.groups())):
            return DATE
        return self.as_timestamp()

    def as_timestamp(self) -> CsvType:
        return TIMESTAMP if self._timestamp() else self.as_boolean()

    def as_boolean(self) -> CsvType:
        return BOOLEAN if self.text.lower() in ("true", "false") and self.text.isascii() else STRING

    def _integer_within(self, bits: int) -> bool:
        return bool(_ASCII_INTEGER.fullmatch(self.text)) and -(2**bits) <= int(self.text) < 2**bits

    def _timestamp(self) -> bool:
        trimmed = _trim_all(self.text)
        found = _TIMESTAMP.fullmatch(trimmed) or _TIME_ONLY.fullmatch(trimmed)
        if found is None:
            if _TIMESTAMP_LIKE.match(trimmed):
                raise Uncertain(self.text)
            return False
        parts = {k: int(v) for k, v in found.groupdict().items() if v is not None}
        year = parts.get("year", 2000)  # a time alone is today's
        day_ok = _valid_date(year, parts.get("month", 1), parts.get("day", 1))
        clock = (parts.get("hour", 0), parts.get("minute", 0), parts.get("second", 0))
        return day_ok and _valid_time(*clock)


def _valid_date(year: int, month: int, day: int) -> bool:
    if year == 0:
        raise Uncertain("year 0")  # Spark's proleptic calendar has it, Python's has not
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _valid_time(hour: int, minute: int, second: int) -> bool:
    return hour < 24 and minute < 60 and second < 60


def _java_trim(text: str) -> str:
    """String.trim: what Double.parseDouble ignores around a number."""
    return text.strip("".join(map(chr, range(33))))


def _trim_all(text: str) -> str:
    """UTF8String.trimAll, which Spark's timestamp cast applies: whitespace and controls."""
    start, end = 0, len(text)
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    return text[start:end]


def _blank(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cc"
