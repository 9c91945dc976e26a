"""Infer one table from the files under its folder: format, typed columns, partitions."""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.column_names import catalog_column_name
from gluestack.local.crawl.file_schema import python_schema
from gluestack.local.crawl.lazy_spark import LazySpark, SparkSource
from gluestack.local.crawl.partitions import partition_location
from gluestack.local.crawl.table_files import TableFiles, partition_values, table_files

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

_STORAGE = {
    "csv": ("org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"),
    "json": ("org.apache.hadoop.mapred.TextInputFormat",
             "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
             "org.openx.data.jsonserde.JsonSerDe"),
    "parquet": ("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"),
    "orc": ("org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
            "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat",
            "org.apache.hadoop.hive.ql.io.orc.OrcSerde"),
}  # fmt: skip


@dataclass(frozen=True)
class InferredTable:
    """A table as the crawler would write it to the Data Catalog."""

    name: str
    location: str
    format: str
    columns: list[tuple[str, str]]
    partition_keys: list[str] = field(default_factory=list)
    partitions: list[list[str]] = field(default_factory=list)
    parameters: dict[str, str] = field(default_factory=dict)
    serde_parameters: dict[str, str] = field(default_factory=dict)
    # Each partition's columns from its own files (by its values), when they are asked for.
    partition_columns: dict[tuple[str, ...], list[tuple[str, str]]] = field(default_factory=dict)

    def table_input(self) -> dict[str, Any]:
        """The Glue API's TableInput for this table."""
        input_format, output_format, serde = _STORAGE[self.format]
        return {
            "Name": self.name,
            "TableType": "EXTERNAL_TABLE",
            "Parameters": {"classification": self.format, **self.parameters},
            "PartitionKeys": [{"Name": k, "Type": "string"} for k in self.partition_keys],
            "StorageDescriptor": {
                "Location": self.location,
                "Columns": [{"Name": n, "Type": t} for n, t in self.columns],
                "InputFormat": input_format,
                "OutputFormat": output_format,
                "SerdeInfo": {"SerializationLibrary": serde, "Parameters": self.serde_parameters},
                "Parameters": {"classification": self.format, **self.parameters},
            },
        }


def infer_table(
    spark: SparkSource,
    name: str,
    location: str,
    folder: Path,
    exclusions: Sequence[str] = (),
    *,
    own_partition_schemas: bool = False,
) -> InferredTable | None:
    """The table under folder (s3 location), or None when it holds no recognised data files.

    Files matching an exclusion pattern are not read, as Glue's crawler skips them. The columns
    come from Python (file_schema) when it can type the files as Spark would, else from Spark:
    spark (a session or a factory of one) is started only then. own_partition_schemas: also
    infer each partition's columns from its own files (partition_columns).
    """
    files = table_files(folder, location, exclusions)
    if files is None:
        return None
    lazy = LazySpark(spark)
    columns = _columns(lazy, files)
    parameters: dict[str, str] = {}
    serde: dict[str, str] = {}
    if files.format == "csv":
        serde["field.delim"] = files.delimiter
        if files.header:
            parameters["skip.header.line.count"] = "1"
    partitions = sorted({tuple(partition_values(files.relative(p))) for p in files.data_files})
    partitions = [p for p in partitions if p]
    partition_columns = (
        {p: _columns(lazy, _partition_files(files, p)) for p in partitions}
        if own_partition_schemas
        else {}
    )
    return InferredTable(
        name=name,
        location=location,
        format=files.format,
        columns=columns,
        partition_keys=files.partition_keys,
        partitions=[list(p) for p in partitions],
        parameters=parameters,
        serde_parameters=serde,
        partition_columns=partition_columns,
    )


def _columns(spark: LazySpark, files: TableFiles) -> list[tuple[str, str]]:
    columns = python_columns(files)
    return columns if columns is not None else spark_columns(spark.session(), files)


def _partition_files(files: TableFiles, values: tuple[str, ...]) -> TableFiles:
    """The table's files under one partition's folder, as a table of that folder's own."""
    keys = files.partition_keys
    folder = files.folder.joinpath(*(f"{k}={v}" for k, v in zip(keys, values, strict=True)))

    def under(paths: list[Path]) -> list[Path]:
        return [p for p in paths if p.is_relative_to(folder)]

    return replace(
        files,
        folder=folder,
        location=partition_location(files.location, keys, values),
        listed=under(files.listed),
        data_files=under(files.data_files),
    )


def python_columns(files: TableFiles) -> list[tuple[str, str]] | None:
    """The catalog columns typed in Python, or None when only Spark can type these files."""
    schema = python_schema(files)
    return None if schema is None else _catalog_columns(schema, files)


def spark_columns(spark: "SparkSession", files: TableFiles) -> list[tuple[str, str]]:
    """The catalog columns of the schema Spark infers reading the files."""
    return _catalog_columns(_spark_schema(spark, files), files)


def _spark_schema(spark: "SparkSession", files: TableFiles) -> "StructType":
    fmt, location = files.format, files.location
    reader = spark.read.format(fmt)
    if fmt == "csv":
        header = str(files.header).lower()
        reader = reader.options(sep=files.delimiter, header=header, inferSchema="true")
    if files.exclusions:
        paths = [location + files.relative(p).as_posix() for p in files.data_files]
        frame = reader.option("basePath", location).load(paths)
    else:
        frame = reader.load(location)
    if fmt == "csv" and not files.header:
        frame = frame.toDF(*[f"col{i}" for i in range(len(frame.columns))])
    if fmt == "json":
        return _in_appearance_order(spark, frame)
    return frame.schema


def _catalog_columns(schema: "StructType", files: TableFiles) -> list[tuple[str, str]]:
    keys = files.partition_keys
    return [
        (catalog_column_name(f.name), _glue_type(f.dataType.simpleString(), files.format))
        for f in schema
        if f.name not in keys
    ]


def _in_appearance_order(spark: "SparkSession", frame: "DataFrame") -> "StructType":
    """The JSON frame's schema with fields in the order the records hold them, as Glue's."""
    from pyspark.sql.types import StructType

    from gluestack.local.glue_compat.json_choices import field_kinds, json_texts
    from gluestack.local.glue_compat.json_order import ordered_type

    kinds = field_kinds(json_texts(spark, frame.inputFiles(), multiline=False))
    ordered = ordered_type(frame.schema, kinds)
    assert isinstance(ordered, StructType)
    return ordered


def _glue_type(spark_type: str, fmt: str) -> str:
    """Spark's simple type names are Hive's, but for timestamp_ntz and CSV's whole numbers.

    Glue's CSV classifier types a column of whole numbers bigint where Spark's inference says
    int: AWS's medicaid sample crawls "provider zip code" and "total discharges" as bigint
    (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html).
    Parquet and ORC columns keep the type their files declare.
    """
    glue_type = spark_type.replace("timestamp_ntz", "timestamp")
    return "bigint" if fmt == "csv" and glue_type == "int" else glue_type
