"""Filter and Map functions over records, with Glue's error-record rules.

From awsglue/dynamicframe.py (awslabs/aws-glue-libs) and
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-filter.html:
- filter: a predicate raising KeyError, ValueError or TypeError drops the record; any other
  exception turns it into an error record (out of the data, counted by errorsCount()).
- map: a function that raises, or returns None, turns the record into an error record.
The function gets a DynamicRecord: a dict whose nested structs are DynamicRecords too, fields
readable as attributes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pyspark import RDD
from pyspark.sql import DataFrame

_DROPPING_ERRORS = (KeyError, ValueError, TypeError)


class DynamicRecord(dict[str, Any]):
    """A record as Glue hands it to Filter and Map functions."""

    def __getattr__(self, attr: str) -> Any:
        return self[attr]

    def __setattr__(self, attr: str, value: Any) -> None:
        self[attr] = value


@dataclass(frozen=True)
class RecordErrors:
    """Error records a frame's transforms produced: (info, message) pairs, computed lazily."""

    parts: tuple[RDD[tuple[str, str]], ...] = field(default_factory=tuple)

    def plus(self, other: "RecordErrors") -> "RecordErrors":
        return RecordErrors(self.parts + other.parts)

    def count(self) -> int:
        return sum(part.count() for part in self.parts)


def apply_to_records(
    frame: DataFrame, f: Callable[[Any], Any], *, keep: bool, info: str
) -> tuple[Any, RecordErrors]:
    """keep=True: (frame of the records f keeps, errors); else (RDD of f's dicts, errors)."""
    outcomes = frame.rdd.map(lambda row: _outcome(f, row.asDict(recursive=True), keep)).cache()
    errors = outcomes.filter(lambda o: o[0] == "error").map(lambda o: (info, str(o[1])))
    values = outcomes.filter(lambda o: o[0] == "value").map(lambda o: o[1])
    if keep:
        kept = frame.sparkSession.createDataFrame(values, frame.schema)
        return kept, RecordErrors((errors,))
    return values, RecordErrors((errors,))


def _outcome(f: Callable[[Any], Any], record: dict[str, Any], keep: bool) -> tuple[str, Any]:
    """("value", row or dict), ("dropped", None) or ("error", message) for one record."""
    wrapped = _dynamic_record(record)
    try:
        result = f(wrapped)
    except _DROPPING_ERRORS as error:
        if keep:
            return ("dropped", None)
        return ("error", f"{type(error).__name__}: {error}")
    except Exception as error:
        return ("error", f"{type(error).__name__}: {error}")
    if keep:
        return ("value", tuple(record.values())) if result else ("dropped", None)
    if not result:
        return ("error", "User-specified function returned None instead of DynamicRecord")
    return ("value", _plain(result))


def _dynamic_record(record: dict[str, Any]) -> DynamicRecord:
    return DynamicRecord({k: DynamicRecord(v) if type(v) is dict else v for k, v in record.items()})


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
