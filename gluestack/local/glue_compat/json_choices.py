"""The fields of JSON records, in the order they first appear, and Glue's choice-type refusal.

A DynamicFrame takes each field's type from its records and encodes disagreements as choice
types (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html);
Spark's JSON inference instead widens them to string, silently. Local frames have no choice
types, so a field that is text in one record and a number, boolean, object or array in another
is refused by name. Whole and decimal numbers are one kind here (Spark reads both as double).
The same pass records where each field first appears: Glue keeps that order (json_order).
"""

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

# Field path ("a", "a.b", "a[]" for an array's elements) -> the kinds its values have, in the
# order the paths first appear in the records.
Kinds = dict[str, set[str]]


def refuse_json_choices(spark: "SparkSession", frame: "DataFrame", multiline: bool) -> Kinds:
    """Check the JSON files frame reads, record by record (one pass, in Python); their kinds."""
    files = frame.inputFiles()
    if not files:
        return {}
    kinds = field_kinds(json_texts(spark, files, multiline))
    refuse_choices(kinds, "JSON field")
    return kinds


def json_texts(spark: "SparkSession", files: list[str], multiline: bool) -> "RDD[str]":
    """The JSON documents in files: one per line, or one per file when multiline."""
    if multiline:
        return spark.sparkContext.wholeTextFiles(",".join(files)).values()
    return spark.read.text(files).rdd.map(lambda row: row.value)


def field_kinds(texts: "RDD[str]") -> Kinds:
    """Every field path of the JSON documents texts holds, first appearance first."""
    merged: Kinds = {}
    for path, kinds in texts.mapPartitions(_partition_kinds).collect():
        merged.setdefault(path, set()).update(kinds)
    return merged


def refuse_choices(kinds: Kinds, what: str) -> None:
    for path, found in sorted(kinds.items()):
        if len(found) > 1:
            raise UnsupportedGlueFeature(
                f"a choice type: {what} '{path}' is {' and '.join(sorted(found))} in "
                "different records, which Glue reads as a choice of types (Spark would make it "
                "a string); make the records agree or read the field as text in every record"
            )


def _partition_kinds(texts: Iterable[str]) -> Iterator[tuple[str, set[str]]]:
    kinds: Kinds = {}
    for text in texts:
        if not text.strip():
            continue
        value = json.loads(text)
        for record in value if isinstance(value, list) else [value]:
            walk_kinds(record, kinds)
    yield from kinds.items()


def walk_kinds(record: Any, kinds: Kinds) -> None:
    """Add the field paths of one JSON record to kinds, after those already there."""
    _walk(record, "", kinds)


def _walk(value: Any, path: str, kinds: Kinds) -> None:
    found = kinds.setdefault(path, set()) if path else set()
    if isinstance(value, dict):
        if path:
            found.add("object")
        for key, child in value.items():
            _walk(child, f"{path}.{key}" if path else key, kinds)
    elif isinstance(value, list):
        found.add("array")
        for item in value:
            _walk(item, f"{path}[]", kinds)
    elif value is not None:
        found.add(_kind(value))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "text"
