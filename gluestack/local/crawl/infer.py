"""Infer one table from the files under its folder: format, typed columns, partitions."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.classify import csv_dialect, file_format
from gluestack.local.crawl.column_names import catalog_column_name
from gluestack.local.crawl.exclusions import excluded

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
    spark: "SparkSession",
    name: str,
    location: str,
    folder: Path,
    exclusions: Sequence[str] = (),
) -> InferredTable | None:
    """The table under folder (s3 location), or None when it holds no recognised data files.

    Files matching an exclusion pattern are not read, as Glue's crawler skips them.
    """
    files = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not _hidden(p, folder)
        and not excluded(p.relative_to(folder).as_posix(), exclusions)
    ]
    formats = [f for f in (file_format(p) for p in files) if f]
    if not formats:
        return None
    fmt = max(set(formats), key=formats.count)
    data_files = [p for p in files if file_format(p) == fmt]
    partition_keys = _partition_keys(data_files[0].relative_to(folder))
    parameters: dict[str, str] = {}
    serde: dict[str, str] = {}
    reader = spark.read.format(fmt)
    if fmt == "csv":
        delimiter, header = csv_dialect(data_files[0])
        reader = reader.options(sep=delimiter, header=str(header).lower(), inferSchema="true")
        serde["field.delim"] = delimiter
        if header:
            parameters["skip.header.line.count"] = "1"
    if exclusions:
        paths = [location + p.relative_to(folder).as_posix() for p in data_files]
        frame = reader.option("basePath", location).load(paths)
    else:
        frame = reader.load(location)
    if fmt == "csv" and parameters.get("skip.header.line.count") != "1":
        frame = frame.toDF(*[f"col{i}" for i in range(len(frame.columns))])
    schema = frame.schema
    if fmt == "json":
        schema = _in_appearance_order(spark, frame)
    columns = [
        (catalog_column_name(f.name), _glue_type(f.dataType.simpleString(), fmt))
        for f in schema
        if f.name not in partition_keys
    ]
    partitions = sorted({tuple(_partition_values(p.relative_to(folder))) for p in data_files})
    return InferredTable(
        name=name,
        location=location,
        format=fmt,
        columns=columns,
        partition_keys=partition_keys,
        partitions=[list(p) for p in partitions if p],
        parameters=parameters,
        serde_parameters=serde,
    )


def _in_appearance_order(spark: "SparkSession", frame: "DataFrame") -> "StructType":
    """The JSON frame's schema with fields in the order the records hold them, as Glue's."""
    from pyspark.sql.types import StructType

    from gluestack.local.glue_compat.json_choices import field_kinds, json_texts
    from gluestack.local.glue_compat.json_order import ordered_type

    kinds = field_kinds(json_texts(spark, frame.inputFiles(), multiline=False))
    ordered = ordered_type(frame.schema, kinds)
    assert isinstance(ordered, StructType)
    return ordered


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(("_", ".")) for part in path.relative_to(folder).parts)


def _partition_keys(relative: Path) -> list[str]:
    return [part.split("=", 1)[0] for part in relative.parts[:-1] if "=" in part]


def _partition_values(relative: Path) -> list[str]:
    return [part.split("=", 1)[1] for part in relative.parts[:-1] if "=" in part]


def _glue_type(spark_type: str, fmt: str) -> str:
    """Spark's simple type names are Hive's, but for timestamp_ntz and CSV's whole numbers.

    Glue's CSV classifier types a column of whole numbers bigint where Spark's inference says
    int: AWS's medicaid sample crawls "provider zip code" and "total discharges" as bigint
    (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html).
    Parquet and ORC columns keep the type their files declare.
    """
    glue_type = spark_type.replace("timestamp_ntz", "timestamp")
    return "bigint" if fmt == "csv" and glue_type == "int" else glue_type
