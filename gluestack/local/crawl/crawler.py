"""Run one crawler offline: infer each S3 target's table and write it to the catalog."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.infer import InferredTable, infer_table
from gluestack.local.workspace import Workspace

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


@dataclass
class CrawlSummary:
    """Tables the crawl created and updated, by name."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def emulate_crawl(
    glue: Any, spark: "SparkSession", workspace: Workspace, name: str
) -> CrawlSummary:
    """Each S3 target folder becomes one table (named after the folder, with TablePrefix)."""
    crawler = glue.get_crawler(Name=name)["Crawler"]
    database = crawler["DatabaseName"]
    prefix = crawler.get("TablePrefix", "")
    summary = CrawlSummary()
    for target in crawler["Targets"].get("S3Targets", []):
        location = target["Path"].rstrip("/") + "/"
        table_name = prefix + location.rstrip("/").rsplit("/", 1)[-1]
        table = infer_table(spark, table_name, location, workspace.local_path(location))
        if table is None:
            continue
        created = _write_table(glue, database, table)
        (summary.created if created else summary.updated).append(table_name)
    return summary


def _write_table(glue: Any, database: str, table: InferredTable) -> bool:
    """Create or update the table and add new partitions; True when it was created."""
    try:
        glue.get_table(DatabaseName=database, Name=table.name)
        glue.update_table(DatabaseName=database, TableInput=table.table_input())
        created = False
    except glue.exceptions.EntityNotFoundException:
        glue.create_table(DatabaseName=database, TableInput=table.table_input())
        created = True
    _add_partitions(glue, database, table)
    return created


def _add_partitions(glue: Any, database: str, table: InferredTable) -> None:
    existing = {
        tuple(p["Values"])
        for page in glue.get_paginator("get_partitions").paginate(
            DatabaseName=database, TableName=table.name
        )
        for p in page["Partitions"]
    }
    storage = table.table_input()["StorageDescriptor"]
    new = [values for values in table.partitions if tuple(values) not in existing]
    for start in range(0, len(new), 100):  # BatchCreatePartition takes at most 100
        inputs = [
            {
                "Values": values,
                "StorageDescriptor": {
                    **storage,
                    "Location": table.location
                    + "/".join(
                        f"{k}={v}" for k, v in zip(table.partition_keys, values, strict=True)
                    )
                    + "/",
                },
            }
            for values in new[start : start + 100]
        ]
        glue.batch_create_partition(
            DatabaseName=database, TableName=table.name, PartitionInputList=inputs
        )
