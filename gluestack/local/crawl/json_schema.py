"""The schema Spark 3.5 infers for JSON-lines files (JsonInferSchema), in Python, with fields in
the order the records hold them (as infer._in_appearance_order orders Spark's).

Whole numbers are bigint (decimal(p,0) beyond 64 bits), fractions double, strings string,
nulls-only (and "") and empty arrays' elements string; disagreeing kinds widen as Spark widens them
(bigint and double to double, anything else to string). What Spark reads differently (a line
that is not one JSON object: Spark adds _corrupt_record; single quotes; duplicate keys; empty
objects, which Spark drops) returns None.
"""

import json
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from pyspark.sql import types as T

from gluestack.local.crawl.text_files import OPEN_COST_BYTES, text_lines
from gluestack.local.glue_compat.json_choices import Kinds, walk_kinds
from gluestack.local.glue_compat.json_order import ordered_type

_LONG_BITS = 63
_MAX_PRECISION = 38
_JSON_BLANKS = " \t\r\n"


class _NotModelled(Exception):
    pass


def json_schema(files: Sequence[Path]) -> T.StructType | None:
    """The schema of the JSON-lines files, or None when Spark must infer it."""
    root: T.DataType = T.NullType()
    orders: list[tuple[int, Kinds]] = []
    try:
        for path in files:
            lines = text_lines(path)
            if lines is None:
                return None
            kinds: Kinds = {}
            for line in lines:
                if line.strip(_JSON_BLANKS):
                    record = _record(line)
                    walk_kinds(record, kinds)
                    root = _merged(root, _spark_type(record))
            orders.append((path.stat().st_size, kinds))
        order = _read_order(orders)
    except _NotModelled:
        return None
    if not isinstance(root, T.StructType):
        return None
    ordered = ordered_type(_canonical(root), order)
    assert isinstance(ordered, T.StructType)
    return ordered


def _record(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line, object_pairs_hook=_object)
    except ValueError as error:
        raise _NotModelled from error
    if not isinstance(record, dict):
        raise _NotModelled
    return record


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    names = [name for name, _ in pairs]
    # Field paths join names with '.' and '[]', which such names would make ambiguous.
    if not names or any(not n or "." in n or "[" in n for n in names):
        raise _NotModelled
    if len({n.lower() for n in names}) != len(names):
        raise _NotModelled
    return dict(pairs)


def _read_order(orders: list[tuple[int, Kinds]]) -> Kinds:
    """The field paths in the order Spark's text read of the files meets them.

    Spark reads files largest first (ties in an order of its own), splitting none of at most
    openCostInBytes when there are several; equal-sized files must agree on their order.
    """
    if len(orders) > 1 and any(size > OPEN_COST_BYTES for size, _ in orders):
        raise _NotModelled
    merged: Kinds = {}
    ranked = sorted(orders, key=lambda item: -item[0])
    for _, same_size in groupby(ranked, key=lambda item: item[0]):
        group = [kinds for _, kinds in same_size]
        if any(list(kinds) != list(group[0]) for kinds in group):
            raise _NotModelled
        for kinds in group:
            for path, found in kinds.items():
                merged.setdefault(path, set()).update(found)
    return merged


def _spark_type(value: Any) -> T.DataType:
    if value is None:
        return T.NullType()
    if isinstance(value, bool):
        return T.BooleanType()
    if isinstance(value, int):
        if -(2**_LONG_BITS) <= value < 2**_LONG_BITS:
            return T.LongType()
        digits = len(str(abs(value)))
        return T.DecimalType(digits, 0) if digits <= _MAX_PRECISION else T.DoubleType()
    if isinstance(value, float):
        return T.DoubleType()
    if isinstance(value, str):  # Spark takes "" for a null, as some writers mean it
        return T.StringType() if value else T.NullType()
    if isinstance(value, list):
        element: T.DataType = T.NullType()
        for item in value:
            element = _merged(element, _spark_type(item))
        return T.ArrayType(element)
    fields = [T.StructField(k, _spark_type(v)) for k, v in sorted(value.items())]
    return T.StructType(fields)


def _merged(t1: T.DataType, t2: T.DataType) -> T.DataType:
    """JsonInferSchema.compatibleType."""
    if t1 == t2 or isinstance(t2, T.NullType):
        return t1
    if isinstance(t1, T.NullType):
        return t2
    numbers = (T.LongType, T.DoubleType, T.DecimalType)
    if isinstance(t1, numbers) and isinstance(t2, numbers):
        return _merged_numbers(t1, t2)
    if isinstance(t1, T.StructType) and isinstance(t2, T.StructType):
        fields = {f.name: f.dataType for f in t1.fields}
        for f in t2.fields:
            fields[f.name] = _merged(fields[f.name], f.dataType) if f.name in fields else f.dataType
        return T.StructType([T.StructField(n, t) for n, t in sorted(fields.items())])
    if isinstance(t1, T.ArrayType) and isinstance(t2, T.ArrayType):
        return T.ArrayType(_merged(t1.elementType, t2.elementType))
    return T.StringType()


def _merged_numbers(t1: T.DataType, t2: T.DataType) -> T.DataType:
    if T.DoubleType() in (t1, t2):
        return T.DoubleType()
    d1, d2 = (t if isinstance(t, T.DecimalType) else T.DecimalType(20, 0) for t in (t1, t2))
    scale = max(d1.scale, d2.scale)
    whole = max(d1.precision - d1.scale, d2.precision - d2.scale)
    return T.DoubleType() if whole + scale > _MAX_PRECISION else T.DecimalType(whole + scale, scale)


def _canonical(data_type: T.DataType) -> T.DataType:
    """Spark's canonicalizeType: what is still null (never seen with a value) is a string."""
    if isinstance(data_type, T.NullType):
        return T.StringType()
    if isinstance(data_type, T.ArrayType):
        return T.ArrayType(_canonical(data_type.elementType))
    if isinstance(data_type, T.StructType):
        return T.StructType([T.StructField(f.name, _canonical(f.dataType)) for f in data_type])
    return data_type
