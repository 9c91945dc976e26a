"""Glue sinks over local files: append to S3 folders, and update the Data Catalog on request.

Catalog updates follow https://docs.aws.amazon.com/glue/latest/dg/update-from-job.html: with
enableUpdateCatalog a write creates the table when it does not exist, adds the partitions it
wrote, and (updateBehavior UPDATE_IN_DATABASE, the default) updates the table's schema; LOG
keeps the schema and still adds partitions.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.crawler import existing_table
from gluestack.local.crawl.infer import InferredTable
from gluestack.local.crawl.partitions import add_partitions
from gluestack.local.glue_compat.formats import (
    delete_files,
    list_files,
    read_files,
    spark_format,
    write_frame,
)
from gluestack.local.glue_compat.options import UPDATE_BEHAVIORS
from gluestack.local.glue_compat.runtime import GlueRuntime
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from pyspark.sql import DataFrame


@dataclass(frozen=True)
class S3Target:
    """Where and how a sink writes."""

    path: str
    format: str
    format_options: dict[str, Any] = field(default_factory=dict)
    partition_keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CatalogUpdate:
    """The table a sink keeps in step with what it writes."""

    database: str
    table: str
    behavior: str = "UPDATE_IN_DATABASE"

    def __post_init__(self) -> None:
        if self.behavior not in UPDATE_BEHAVIORS:
            raise UnsupportedGlueFeature(f"updateBehavior '{self.behavior}'")


def write_s3(runtime: GlueRuntime, frame: "DataFrame", target: S3Target) -> None:
    """Append frame under target.path, counting the rows written when the run report asks.

    A frame without records writes no file: a DynamicFrame's schema comes from its records, so
    Glue's sinks have nothing to write (a bookmarked rerun with no new data writes nothing).
    Spark writes one schema-only file for an empty frame, so that file is removed afterwards,
    rather than computing the frame once more beforehand to see whether it is empty.
    """
    if not frame.columns:
        return
    missing = [key for key in target.partition_keys if key not in frame.columns]
    if missing:
        raise ValueError(f"partitionKeys {missing} are not fields of the frame: {frame.columns}")
    before = {n for n, _ in list_files(runtime.spark, [target.path])}
    write_frame(frame, target.path, target.format, target.format_options, target.partition_keys)
    added = [n for n, _ in list_files(runtime.spark, [target.path]) if n not in before]
    if not added or not (runtime.count_rows or len(added) == 1):
        return
    # Only the files this write added are read back (Parquet and ORC counts come from their
    # footers), rather than computing the frame a second time.
    options = _read_back_options(target.format, target.format_options)
    rows = read_files(runtime.spark, added, target.format, options, target.path).count()
    if rows == 0:
        delete_files(runtime.spark, added)
    if runtime.count_rows:
        runtime.rows_written += rows


def update_catalog(
    runtime: GlueRuntime, frame: "DataFrame", target: S3Target, update: CatalogUpdate
) -> None:
    """Create or update update.table for what write_s3 wrote, and add its new partitions."""
    glue = runtime.glue_client()
    types = {f.name: f.dataType.simpleString() for f in frame.schema}
    columns = [(name, kind) for name, kind in types.items() if name not in target.partition_keys]
    keys = [{"Name": key, "Type": types[key]} for key in target.partition_keys]
    table_input = InferredTable(
        name=update.table,
        location=target.path.rstrip("/") + "/",
        format=spark_format(target.format),
        columns=columns,
    ).table_input()
    table_input["PartitionKeys"] = keys
    existing = existing_table(glue, update.database, update.table)
    if existing is None:
        glue.create_table(DatabaseName=update.database, TableInput=table_input)
    elif update.behavior == "UPDATE_IN_DATABASE":
        storage = {
            **existing["StorageDescriptor"],
            "Columns": table_input["StorageDescriptor"]["Columns"],
        }
        glue.update_table(
            DatabaseName=update.database,
            TableInput={
                **_updatable(existing),
                "StorageDescriptor": storage,
                "PartitionKeys": keys,
            },
        )
    if target.partition_keys:
        _add_partitions(glue, update, frame, target, table_input["StorageDescriptor"])


def _add_partitions(
    glue: "GlueClient",
    update: CatalogUpdate,
    frame: "DataFrame",
    target: S3Target,
    storage: dict[str, Any],
) -> None:
    rows = frame.select(*target.partition_keys).distinct().collect()
    values = [[str(row[k]) for k in target.partition_keys] for row in rows]
    add_partitions(
        glue, update.database, update.table, target.path, target.partition_keys, storage, values
    )


def _updatable(table: dict[str, Any]) -> dict[str, Any]:
    """The TableInput fields of a GetTable answer."""
    fields = ("Name", "Description", "Owner", "Retention", "TableType", "Parameters")
    return {k: table[k] for k in fields if k in table}


def _read_back_options(fmt: str, write_options: dict[str, Any]) -> dict[str, Any]:
    """How to read what a write with write_options produced (csv: its header and separator)."""
    if spark_format(fmt) != "csv":
        return {}
    header = str(write_options.get("writeHeader", True)).lower() == "true"
    kept = {k: v for k, v in write_options.items() if k in ("separator", "quoteChar")}
    return {"withHeader": header, **kept}
