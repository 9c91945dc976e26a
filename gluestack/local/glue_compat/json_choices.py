"""Refuse JSON whose records disagree on a field's kind: Glue reads such a field as a choice.

A DynamicFrame takes each field's type from its records and encodes disagreements as choice
types (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html);
Spark's JSON inference instead widens them to string, silently. Local frames have no choice
types, so a field that is text in one record and a number, boolean, object or array in another
is refused by name. Whole and decimal numbers are one kind here (Spark reads both as double).
"""

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

Kinds = dict[str, set[str]]


def refuse_json_choices(spark: "SparkSession", frame: "DataFrame", multiline: bool) -> None:
    """Check the JSON files frame reads, record by record (one pass, in Python)."""
    files = frame.inputFiles()
    if not files:
        return
    if multiline:
        texts = spark.sparkContext.wholeTextFiles(",".join(files)).values()
    else:
        texts = spark.read.text(files).rdd.map(lambda row: row.value)
    merged: Kinds = {}
    for path, kinds in texts.mapPartitions(_partition_kinds).collect():
        merged.setdefault(path, set()).update(kinds)
    for path, kinds in sorted(merged.items()):
        if len(kinds) > 1:
            raise UnsupportedGlueFeature(
                f"a choice type: JSON field '{path}' is {' and '.join(sorted(kinds))} in "
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
            _walk(record, "", kinds)
    yield from kinds.items()


def _walk(value: Any, path: str, kinds: Kinds) -> None:
    if isinstance(value, dict):
        if path:
            kinds.setdefault(path, set()).add("object")
        for key, child in value.items():
            _walk(child, f"{path}.{key}" if path else key, kinds)
    elif isinstance(value, list):
        kinds.setdefault(path, set()).add("array")
        for item in value:
            _walk(item, f"{path}[]", kinds)
    elif value is not None:
        kinds.setdefault(path, set()).add(_kind(value))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "text"
