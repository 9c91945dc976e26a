"""Run one crawler offline: infer each S3 target's table and write it to the catalog."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.infer import InferredTable, infer_table
from gluestack.local.crawl.partitions import add_partitions
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.records.workspace import Workspace

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

# What Glue uses when a crawler sets no SchemaChangePolicy.
DEFAULT_POLICY = {"UpdateBehavior": "UPDATE_IN_DATABASE", "DeleteBehavior": "DEPRECATE_IN_DATABASE"}
DEPRECATED_PARAMETER = "DEPRECATED_BY_CRAWLER"


# How a crawl's report names its targets that held no data files (read back by run summaries).
NO_FILES_UNDER = "no files under "


@dataclass
class CrawlSummary:
    """Tables the crawl created, updated and deleted, by name; unchanged ones (policy LOG) too."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # Targets that held no data files: Glue's crawl succeeds and makes no table for them.
    empty: list[str] = field(default_factory=list)


def emulate_crawl(
    glue: Any, spark: "SparkSession", workspace: Workspace, name: str
) -> CrawlSummary:
    """Each S3 target folder becomes one table (named after the folder, with TablePrefix).

    The crawler's SchemaChangePolicy applies to tables that exist already: UpdateBehavior LOG
    keeps their schema (new partitions are still added); DeleteBehavior decides what happens
    to a table whose folder no longer holds data (LOG keeps it, DEPRECATE_IN_DATABASE marks
    it, DELETE_FROM_DATABASE deletes it). New tables are always created, as in Glue.
    """
    crawler = glue.get_crawler(Name=name)["Crawler"]
    _refuse_other_targets(crawler["Targets"])
    database = crawler["DatabaseName"]
    prefix = crawler.get("TablePrefix", "")
    policy = {**DEFAULT_POLICY, **crawler.get("SchemaChangePolicy", {})}
    summary = CrawlSummary()
    for target in crawler["Targets"].get("S3Targets", []):
        location = target["Path"].rstrip("/") + "/"
        table_name = prefix + location.rstrip("/").rsplit("/", 1)[-1]
        table = infer_table(
            spark,
            table_name,
            location,
            workspace.local_path(location),
            target.get("Exclusions", []),
        )
        existing = existing_table(glue, database, table_name)
        if table is None:
            summary.empty.append(location)
            if existing is not None:
                _retire_table(glue, database, existing, policy["DeleteBehavior"], summary)
            continue
        if existing is None:
            glue.create_table(DatabaseName=database, TableInput=table.table_input())
            summary.created.append(table_name)
        elif policy["UpdateBehavior"] == "UPDATE_IN_DATABASE":
            glue.update_table(DatabaseName=database, TableInput=table.table_input())
            summary.updated.append(table_name)
        else:
            summary.unchanged.append(table_name)
        _add_partitions(glue, database, table)
    return summary


def _refuse_other_targets(targets: dict[str, Any]) -> None:
    """Only S3 targets are crawled offline: a crawl that skipped the others would succeed
    having cataloged less than Glue's."""
    others = sorted(kind for kind, listed in targets.items() if listed and kind != "S3Targets")
    if others:
        raise UnsupportedGlueFeature(
            f"crawler targets {', '.join(others)}: offline crawls read S3 targets only"
        )


def existing_table(glue: Any, database: str, name: str) -> dict[str, Any] | None:
    """The catalog table as GetTable returns it, or None when there is none."""
    try:
        table: dict[str, Any] = glue.get_table(DatabaseName=database, Name=name)["Table"]
    except glue.exceptions.EntityNotFoundException:
        return None
    return table


def _retire_table(
    glue: Any, database: str, table: dict[str, Any], behavior: str, summary: CrawlSummary
) -> None:
    """A table whose folder holds no data any more, per the policy's DeleteBehavior."""
    if behavior == "DELETE_FROM_DATABASE":
        glue.delete_table(DatabaseName=database, Name=table["Name"])
        summary.deleted.append(table["Name"])
    elif behavior == "DEPRECATE_IN_DATABASE":
        parameters: dict[str, str] = {**table.get("Parameters", {}), DEPRECATED_PARAMETER: "1"}
        table_input: dict[str, Any] = {
            key: table[key]
            for key in ("Name", "StorageDescriptor", "PartitionKeys", "TableType")
            if key in table
        }
        table_input["Parameters"] = parameters
        glue.update_table(DatabaseName=database, TableInput=table_input)
        summary.updated.append(table["Name"])


def _add_partitions(glue: Any, database: str, table: InferredTable) -> None:
    storage = table.table_input()["StorageDescriptor"]
    add_partitions(
        glue, database, table.name, table.location, table.partition_keys, storage, table.partitions
    )
