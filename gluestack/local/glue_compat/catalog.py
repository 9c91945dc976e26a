"""A Data Catalog table as from_catalog reads it: format, reader options, columns, partitions."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.column_names import catalog_column_name
from gluestack.local.glue_compat.field_paths import quote_name
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from pyspark.sql import Column, DataFrame, SparkSession

_SERDE_FORMATS = {
    "LazySimpleSerDe": "csv",
    "OpenCSVSerde": "csv",
    "JsonSerDe": "json",
    "ParquetHiveSerDe": "parquet",
    "OrcSerde": "orc",
}
# OpenCSVSerde's properties, the gluestack format_options they become, and Hive's defaults.
_OPEN_CSV = {
    "separatorChar": ("separator", ","),
    "quoteChar": ("quoteChar", '"'),
    "escapeChar": ("escaper", "\\"),
}
# Table parameters that change which rows a read returns, which the local reader cannot apply.
_UNHONOURED_PARAMETERS = ("boundedFiles", "boundedSize")
_UNESCAPE = "org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils"
_INDEX = "__gluestack_partition__"


@dataclass(frozen=True)
class CatalogTable:
    """A table's location, format, reader options, typed columns and raw catalog metadata."""

    database: str
    name: str
    location: str
    format: str
    format_options: dict[str, Any]
    columns: list[tuple[str, str]]
    partition_keys: list[tuple[str, str]]
    serde: str = ""
    parameters: dict[str, str] = field(default_factory=dict)

    @property
    def positional(self) -> bool:
        """Whether data columns map onto the catalog's by position (csv with no header)."""
        return self.format == "csv" and not self.format_options.get("withHeader", False)


@dataclass(frozen=True)
class Partition:
    """A registered partition: its values in partition-key order and the folder of its files."""

    values: tuple[str, ...]
    location: str


def catalog_table(glue: "GlueClient", database: str, name: str) -> CatalogTable:
    """Look the table up through the Glue API (moto offline, AWS online)."""
    return described_table(database, name, table_description(glue, database, name))


def table_description(glue: "GlueClient", database: str, name: str) -> dict[str, Any]:
    """GetTable's Table."""
    if glue is None:
        raise UnsupportedGlueFeature("from_catalog without a Glue client in the local runtime")
    table: dict[str, Any] = {**glue.get_table(DatabaseName=database, Name=name)["Table"]}
    return table


def described_table(database: str, name: str, table: dict[str, Any]) -> CatalogTable:
    """A table GetTable described, as the readers use it."""
    storage = table["StorageDescriptor"]
    parameters = {**storage.get("Parameters", {}), **table.get("Parameters", {})}
    serde = storage.get("SerdeInfo", {})
    library = serde.get("SerializationLibrary", "")
    fmt = (parameters.get("classification") or _format_from_serde(library)).lower()
    _refuse_unhonoured(parameters)
    return CatalogTable(
        database=database,
        name=name,
        location=storage["Location"],
        format=fmt,
        format_options=_format_options(fmt, library, serde.get("Parameters", {}), parameters),
        columns=[(c["Name"], c["Type"]) for c in storage.get("Columns", [])],
        partition_keys=[(c["Name"], c["Type"]) for c in table.get("PartitionKeys", [])],
        serde=library,
        parameters=parameters,
    )


def conform_to_catalog(frame: "DataFrame", table: CatalogTable) -> "DataFrame":
    """The frame read from the table's files as its catalog columns, then its partition keys.

    Call it on the frame straight from the file scan: partition values come from file paths.
    """
    from pyspark.sql import functions as F

    keys = {key.lower() for key, _ in table.partition_keys}
    data = [name for name in frame.columns if name.lower() not in keys]
    if table.positional:
        sources = [data[i] if i < len(data) else None for i in range(len(table.columns))]
    else:
        sources = [_matching_column(data, name) for name, _ in table.columns]
    raw = [F.lit(None) if s is None else F.col(quote_name(s)) for s in sources]
    path = F.expr("url_decode(replace(input_file_name(), '+', '%2B'))")
    raw += [_folder_value(path, key) for key, _ in table.partition_keys]
    typed = table.columns + table.partition_keys
    staged = frame.select(*[column.alias(f"_{i}") for i, column in enumerate(raw)])
    _refuse_choice_columns(staged, table)
    return staged.select(*[_try_cast(f"_{i}", t).alias(n) for i, (n, t) in enumerate(typed)])


def _refuse_choice_columns(staged: "DataFrame", table: CatalogTable) -> None:
    """Refuse text data in a column the catalog types otherwise: Glue would make it a choice.

    A DynamicFrame takes its schema from the records, not the catalog: AWS's medicaid sample
    reads a CSV column catalogued bigint whose values are digits and text as
    choice<long,string> (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html).
    gluestack has no choice types, and casting would turn the text into nulls silently.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    checked = [
        (f"_{i}", name, kind)
        for i, (name, kind) in enumerate(table.columns)
        if kind.lower() not in ("string", "varchar", "char")
        and not kind.lower().startswith(("varchar(", "char("))
        and isinstance(staged.schema[f"_{i}"].dataType, StringType)
    ]
    if not checked:
        return
    probes = [
        F.max(F.when(F.col(c).isNotNull() & _try_cast(c, kind).isNull(), F.col(c))).alias(c)
        for c, _, kind in checked
    ]
    found = staged.select(*probes).first()
    for column, name, kind in checked:
        example = found[column] if found else None
        if example is not None:
            raise UnsupportedGlueFeature(
                f"a choice type: column '{name}' of {table.database}.{table.name} is catalogued "
                f"{kind} but holds text such as {example!r}, which Glue reads as "
                f"choice<{kind},string> (catalogue the column as string and cast it in the "
                "script)"
            )


def registered_partitions(
    glue: "GlueClient", table: CatalogTable, expression: str = ""
) -> list[Partition]:
    """The table's registered partitions, filtered by Glue's GetPartitions expression if given."""
    if not table.partition_keys:
        return []
    request: dict[str, Any] = {
        "DatabaseName": table.database,
        "TableName": table.name,
        "ExcludeColumnSchema": True,
        **({"Expression": expression} if expression else {}),
    }
    pages = glue.get_paginator("get_partitions").paginate(**request)
    return [_partition(raw) for page in pages for raw in page["Partitions"]]


def partition_paths(
    spark: "SparkSession",
    table: CatalogTable,
    partitions: Sequence[Partition],
    push_down_predicate: str = "",
) -> list[str]:
    """The folders from_catalog reads: the table's, or its partitions' that pass the predicate."""
    if not table.partition_keys:
        if push_down_predicate:
            raise UnsupportedGlueFeature("push_down_predicate on a table without partition keys")
        return [table.location]
    for partition in partitions:
        _check_folders(table, partition)
    if push_down_predicate and partitions:
        partitions = _passing(spark, table, partitions, push_down_predicate)
    return list(dict.fromkeys(partition.location for partition in partitions))


def _format_from_serde(library: str) -> str:
    for suffix, fmt in _SERDE_FORMATS.items():
        if library.endswith(suffix):
            return fmt
    raise UnsupportedGlueFeature(f"catalog table with SerDe '{library or 'none'}'")


def _refuse_unhonoured(parameters: Mapping[str, str]) -> None:
    for key in _UNHONOURED_PARAMETERS:
        if key in parameters:
            raise UnsupportedGlueFeature(f"table parameter {key}={parameters[key]!r}")
    if _line_count(parameters, "skip.footer.line.count") != 0:
        raise UnsupportedGlueFeature("table parameter skip.footer.line.count other than 0")


def _format_options(
    fmt: str, library: str, serde: Mapping[str, str], parameters: Mapping[str, str]
) -> dict[str, Any]:
    if fmt != "csv":
        return {}
    header = _line_count(parameters, "skip.header.line.count")
    if header not in (0, 1):
        raise UnsupportedGlueFeature(f"table parameter skip.header.line.count={header}")
    options: dict[str, Any] = {"withHeader": header == 1}
    if library.endswith("OpenCSVSerde"):
        # Hive's OpenCSVSerde uses the first character of each property.
        for key, (name, default) in _OPEN_CSV.items():
            options[name] = (serde.get(key) or default)[0]
        return options
    delimiter = serde.get("field.delim") or serde.get("serialization.format") or ","
    options["separator"] = _hive_byte(delimiter)
    if serde.get("escape.delim"):
        options["escaper"] = _hive_byte(serde["escape.delim"])
    return options


def _line_count(parameters: Mapping[str, str], key: str) -> int:
    raw = str(parameters.get(key, "0")).strip() or "0"
    if not re.fullmatch(r"[+-]?\d+", raw):
        raise UnsupportedGlueFeature(f"table parameter {key}={raw!r} (not a whole number)")
    return int(raw)


def _hive_byte(value: str) -> str:
    """A LazySimpleSerDe delimiter as Hive reads it: a byte number, else its first character."""
    if re.fullmatch(r"[+-]?\d+", value) and -128 <= int(value) <= 127:
        return chr(int(value) & 0xFF)
    return value[0]


def _matching_column(data: list[str], name: str) -> str | None:
    if name in data:
        return name
    candidates = [column for column in data if catalog_column_name(column) == name.lower()]
    if len(candidates) > 1:
        raise UnsupportedGlueFeature(f"data columns {candidates} all matching catalog '{name}'")
    return candidates[0] if candidates else None


def _folder_value(path: "Column", key: str) -> "Column":
    """key's value in the last key=value folder of path, unescaped as Hive writes folders."""
    from pyspark.sql import functions as F

    found = F.regexp_extract(path, f"(?i)^.*/{re.escape(key)}=([^/]*)/", 1)
    unescaped = F.reflect(F.lit(_UNESCAPE), F.lit("unescapePathName"), found)
    return F.when(found == "", None).otherwise(unescaped)


def _try_cast(column: str, type_: str) -> "Column":
    from pyspark.sql import functions as F

    return F.expr(f"try_cast({quote_name(column)} as {type_})")


def _partition(raw: Mapping[str, Any]) -> Partition:
    values = tuple(raw["Values"])
    location = raw.get("StorageDescriptor", {}).get("Location")
    if not location:
        raise UnsupportedGlueFeature(f"partition {list(values)} without a Location")
    return Partition(values=values, location=location)


def _check_folders(table: CatalogTable, partition: Partition) -> None:
    """Refuse a partition whose folders do not spell its values (conform_to_catalog reads them)."""
    keys = [key for key, _ in table.partition_keys]
    pairs = "/".join(f"{k}={v}" for k, v in zip(keys, partition.values, strict=False))
    folders = partition.location.rstrip("/").split("/")[-len(keys) :]
    if len(partition.values) != len(keys) or len(folders) != len(keys):
        raise UnsupportedGlueFeature(f"partition {list(partition.values)} for keys {keys}")
    spelled = [_unescape_folder(folder).partition("=") for folder in folders]
    if not all(
        sep == "=" and name.lower() == key.lower() and value == expected
        for (name, sep, value), key, expected in zip(spelled, keys, partition.values, strict=True)
    ):
        raise UnsupportedGlueFeature(
            f"partition {list(partition.values)} at {partition.location} (folders not {pairs})"
        )


def _unescape_folder(folder: str) -> str:
    return re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), folder)


def _passing(
    spark: "SparkSession", table: CatalogTable, partitions: Sequence[Partition], predicate: str
) -> list[Partition]:
    """The partitions whose values, typed as their keys, satisfy the Spark SQL predicate."""
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    keys = table.partition_keys
    schema = StructType(
        [StructField(_INDEX, IntegerType()), *[StructField(k, StringType()) for k, _ in keys]]
    )
    values = spark.createDataFrame([(i, *p.values) for i, p in enumerate(partitions)], schema)
    typed = values.select(_INDEX, *[_try_cast(k, t).alias(k) for k, t in keys])
    kept = {row[0] for row in typed.where(predicate).select(_INDEX).collect()}
    return [partition for i, partition in enumerate(partitions) if i in kept]
