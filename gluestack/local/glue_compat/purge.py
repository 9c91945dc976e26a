"""purge_s3_path and purge_table: delete files older than the retention period.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-glue-context.html
(purge_table, purge_s3_path): retentionPeriod is in hours, 168 (7 days) by default, and files
newer than it are kept; purge_table also deletes a partition from the catalog once all its files
are gone.
"""

import time
from typing import Any

from gluestack.local.glue_compat.catalog import catalog_table
from gluestack.local.glue_compat.formats import delete_files, list_files
from gluestack.local.glue_compat.options import check_options, json_list
from gluestack.local.glue_compat.runtime import GlueRuntime

_PURGE_OPTIONS = frozenset({"retentionPeriod", "excludeStorageClasses"})
_TABLE_PURGE_OPTIONS = _PURGE_OPTIONS | {"partitionPredicate"}
DEFAULT_RETENTION_HOURS = 168


def purge_s3_path(runtime: GlueRuntime, s3_path: str, options: dict[str, Any]) -> list[str]:
    """Delete the files under s3_path older than the retention period; return their paths.

    excludeStorageClasses has nothing to exclude locally: every local object is STANDARD.
    """
    check_options("purge_s3_path", options, _PURGE_OPTIONS)
    json_list(options.get("excludeStorageClasses", []))
    return _purge(runtime, [s3_path], _retention_hours(options))


def purge_table(
    runtime: GlueRuntime, database: str, table_name: str, options: dict[str, Any]
) -> None:
    """Purge the table's files (those of the partitions partitionPredicate keeps, if given)."""
    check_options("purge_table", options, _TABLE_PURGE_OPTIONS)
    glue = runtime.glue_client()
    table = catalog_table(glue, database, table_name)
    if not table.partition_keys:
        _purge(runtime, [table.location], _retention_hours(options))
        return
    from gluestack.local.glue_compat.catalog import partition_paths, registered_partitions

    partitions = registered_partitions(glue, table, "")
    predicate = str(options.get("partitionPredicate", ""))
    chosen = set(partition_paths(runtime.spark, table, partitions, predicate))
    _purge(runtime, sorted(chosen), _retention_hours(options))
    emptied = [
        p.values
        for p in partitions
        if p.location in chosen and not list_files(runtime.spark, [p.location])
    ]
    for start in range(0, len(emptied), 25):  # BatchDeletePartition takes at most 25
        glue.batch_delete_partition(
            DatabaseName=database,
            TableName=table_name,
            PartitionsToDelete=[{"Values": list(v)} for v in emptied[start : start + 25]],
        )


def _retention_hours(options: dict[str, Any]) -> float:
    return float(options.get("retentionPeriod", DEFAULT_RETENTION_HOURS))


def _purge(runtime: GlueRuntime, paths: list[str], retention_hours: float) -> list[str]:
    cutoff_ms = (time.time() - retention_hours * 3600) * 1000
    old = [name for name, mtime in list_files(runtime.spark, paths) if mtime < cutoff_ms]
    delete_files(runtime.spark, old)
    return old
