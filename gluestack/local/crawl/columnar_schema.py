"""The schema Spark 3.5 reads from Parquet and ORC footers, in Python (pyarrow).

Spark reads one file's footer (it does not merge schemas), so files whose schemas differ return
None. Parquet that Spark wrote carries Spark's own schema in its footer, which Spark prefers to
the Parquet types; other Parquet is typed from its flat columns as ParquetToSparkSchemaConverter
types them; ORC from its type tree, but timestamps, whose ORC attributes pyarrow does not show
(Spark marks timestamp_ntz with one), are left to Spark.
"""

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
from pyspark.sql import types as T

SPARK_SCHEMA_KEY = b"org.apache.spark.sql.parquet.row.metadata"


class _NotModelled(Exception):
    pass


def parquet_schema(files: Sequence[Path]) -> T.StructType | None:
    return _common_schema(files, _parquet_file_schema)


def orc_schema(files: Sequence[Path]) -> T.StructType | None:
    return _common_schema(files, _orc_file_schema)


def _common_schema(
    files: Sequence[Path], read: Callable[[Path], T.StructType]
) -> T.StructType | None:
    try:
        schemas = [read(path) for path in files]
    except (_NotModelled, OSError, pa.ArrowException, ValueError, KeyError):
        return None
    if any(s.simpleString() != schemas[0].simpleString() for s in schemas):
        return None
    return schemas[0]


def _parquet_file_schema(path: Path) -> T.StructType:
    import pyarrow.parquet as pq

    footer = pq.ParquetFile(path)
    spark_schema = (footer.metadata.metadata or {}).get(SPARK_SCHEMA_KEY)
    if spark_schema is not None:
        schema = T.StructType.fromJson(json.loads(spark_schema))
        if _has_user_type(schema):
            raise _NotModelled
        return schema
    fields = []
    for index in range(len(footer.schema)):
        column = footer.schema.column(index)
        if column.max_repetition_level > 0 or column.path != column.name:
            raise _NotModelled  # nested columns: left to Spark
        fields.append(T.StructField(column.name, _parquet_type(column)))
    return T.StructType(fields)


def _parquet_type(column: Any) -> T.DataType:
    physical, logical = column.physical_type, json.loads(column.logical_type.to_json())
    kind = logical["Type"]
    if kind == "Decimal":
        return T.DecimalType(logical["precision"], logical["scale"])
    if kind == "Int":
        return _parquet_integer(logical["bitWidth"], logical["isSigned"])
    if kind == "Timestamp" and logical["timeUnit"] in ("milliseconds", "microseconds"):
        return T.TimestampType() if logical["isAdjustedToUTC"] else T.TimestampNTZType()
    plain: dict[tuple[str, str], T.DataType] = {
        ("BOOLEAN", "None"): T.BooleanType(), ("INT32", "None"): T.IntegerType(),
        ("INT64", "None"): T.LongType(), ("INT96", "None"): T.TimestampType(),
        ("FLOAT", "None"): T.FloatType(), ("DOUBLE", "None"): T.DoubleType(),
        ("INT32", "Date"): T.DateType(), ("BYTE_ARRAY", "None"): T.BinaryType(),
        ("BYTE_ARRAY", "String"): T.StringType(), ("BYTE_ARRAY", "Enum"): T.StringType(),
        ("BYTE_ARRAY", "JSON"): T.StringType(), ("FIXED_LEN_BYTE_ARRAY", "None"): T.BinaryType(),
    }  # fmt: skip
    if (physical, kind) not in plain:
        raise _NotModelled
    return plain[physical, kind]


def _parquet_integer(bits: int, signed: bool) -> T.DataType:
    signed_types = {8: T.ByteType(), 16: T.ShortType(), 32: T.IntegerType(), 64: T.LongType()}
    unsigned_types = {8: T.ShortType(), 16: T.IntegerType(), 32: T.LongType()}
    if signed:
        return signed_types[bits]
    return unsigned_types.get(bits, T.DecimalType(20, 0))


def _orc_file_schema(path: Path) -> T.StructType:
    from pyarrow import orc

    schema = orc.ORCFile(str(path)).schema
    return T.StructType([T.StructField(f.name, _arrow_type(f.type)) for f in schema])


def _arrow_type(arrow: pa.DataType) -> T.DataType:
    """The Spark type of a column pyarrow reads from ORC."""
    types = pa.types
    if types.is_struct(arrow):
        return T.StructType(
            [T.StructField(arrow.field(i).name, _arrow_type(arrow.field(i).type))
             for i in range(arrow.num_fields)]
        )  # fmt: skip
    if types.is_map(arrow):
        return T.MapType(_arrow_type(arrow.key_type), _arrow_type(arrow.item_type))
    if types.is_list(arrow) or types.is_large_list(arrow):
        return T.ArrayType(_arrow_type(arrow.value_type))
    if types.is_decimal(arrow):
        return T.DecimalType(arrow.precision, arrow.scale)
    plain = {
        pa.bool_(): T.BooleanType(), pa.int8(): T.ByteType(), pa.int16(): T.ShortType(),
        pa.int32(): T.IntegerType(), pa.int64(): T.LongType(), pa.float32(): T.FloatType(),
        pa.float64(): T.DoubleType(), pa.string(): T.StringType(),
        pa.large_string(): T.StringType(), pa.binary(): T.BinaryType(),
        pa.large_binary(): T.BinaryType(), pa.date32(): T.DateType(),
    }  # fmt: skip
    if arrow not in plain:
        raise _NotModelled
    return plain[arrow]


def _has_user_type(data_type: T.DataType) -> bool:
    if isinstance(data_type, T.UserDefinedType):
        return True
    if isinstance(data_type, T.StructType):
        return any(_has_user_type(f.dataType) for f in data_type)
    if isinstance(data_type, T.ArrayType):
        return _has_user_type(data_type.elementType)
    if isinstance(data_type, T.MapType):
        return _has_user_type(data_type.keyType) or _has_user_type(data_type.valueType)
    return False
