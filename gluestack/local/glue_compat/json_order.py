"""Glue's field order for JSON: the order fields first appear in the records, at every level.

AWS's legislators sample prints a crawled JSON table's schema in the records' order, not sorted
(identifiers: scheme, identifier; other_names: note, name, lang —
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-legislators.html).
Spark's JSON inference sorts fields by name, so its schemas are reordered here.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pyspark.sql.types import ArrayType, DataType, StructField, StructType

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

_LAST = float("inf")


def ordered_type(data_type: DataType, order: Mapping[str, Any], path: str = "") -> DataType:
    """data_type with every struct's fields in the order their paths appear in order."""
    positions = {p: i for i, p in enumerate(order)}
    return _ordered(data_type, positions, path)


def in_appearance_order(frame: "DataFrame", order: Mapping[str, Any]) -> "DataFrame":
    """frame with its columns and nested struct fields in the order the records hold them."""
    positions = {p: i for i, p in enumerate(order)}
    wanted = _ordered(frame.schema, positions, "")
    if wanted == frame.schema:
        return frame
    assert isinstance(wanted, StructType)
    from pyspark.sql import functions as F

    columns = [
        _rebuilt(F.col(f"`{f.name}`"), frame.schema[f.name].dataType, f.dataType).alias(f.name)
        for f in wanted.fields
    ]
    return frame.select(*columns)


def _ordered(data_type: DataType, positions: Mapping[str, int], path: str) -> DataType:
    if isinstance(data_type, StructType):
        children = [(f, f"{path}.{f.name}" if path else f.name) for f in data_type.fields]
        children.sort(key=lambda pair: positions.get(pair[1], _LAST))
        return StructType(
            [
                StructField(f.name, _ordered(f.dataType, positions, child), f.nullable, f.metadata)
                for f, child in children
            ]
        )
    if isinstance(data_type, ArrayType):
        element = _ordered(data_type.elementType, positions, f"{path}[]")
        return ArrayType(element, data_type.containsNull)
    return data_type


def _rebuilt(column: "Column", have: DataType, want: DataType) -> "Column":
    """column (of type have) as type want: the same fields, in want's order."""
    if have == want:
        return column
    from pyspark.sql import functions as F

    if isinstance(have, StructType) and isinstance(want, StructType):
        fields = [
            _rebuilt(column.getField(f.name), have[f.name].dataType, f.dataType).alias(f.name)
            for f in want.fields
        ]
        return F.when(column.isNull(), F.lit(None)).otherwise(F.struct(*fields))
    assert isinstance(have, ArrayType) and isinstance(want, ArrayType)
    return F.transform(column, lambda item: _rebuilt(item, have.elementType, want.elementType))
