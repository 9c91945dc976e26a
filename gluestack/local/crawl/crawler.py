"""Run one crawler offline: infer each S3 target's table and write it to the catalog; re-crawl
the existing tables its catalog targets name."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from gluestack.local.crawl.configuration import CrawlConfiguration, crawl_configuration
from gluestack.local.crawl.infer import InferredTable, infer_table
from gluestack.local.crawl.jdbc_target import crawl_jdbc_target
from gluestack.local.crawl.lazy_spark import LazySpark, SparkSource
from gluestack.local.crawl.partitions import add_partitions
from gluestack.local.crawl.table_files import hidden
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.records.workspace import Workspace
from gluestack.spec.crawler import GLUE_DEFAULT_SCHEMA_CHANGE_POLICY

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
    glue: Any, spark: SparkSource, workspace: Workspace, name: str, secrets: Any = None
) -> CrawlSummary:
    """Each S3 target folder becomes one table (named after the folder, with TablePrefix).

    The crawler's SchemaChangePolicy applies to tables that exist already: UpdateBehavior LOG
    keeps their schema (new partitions are still added); DeleteBehavior decides what happens
    to a table whose folder no longer holds data (LOG keeps it, DEPRECATE_IN_DATABASE marks
    it, DELETE_FROM_DATABASE deletes it). New tables are always created, as in Glue. JDBC
    targets' tables and views (see jdbc_target) follow the same policy; secrets reads their
    connections' secrets (the default session's Secrets Manager when not given). New partitions
    take their table's columns when the Configuration says InheritFromTable, else the columns
    of their own files (see configuration, which refuses the settings crawls do not emulate).

    Catalog targets re-crawl existing tables (see _crawl_catalog_target).

    spark is a session or a factory of one, called only when a table needs Spark: JDBC
    targets, and files whose schema Python cannot infer as Spark would (see file_schema).
    """
    crawler = glue.get_crawler(Name=name)["Crawler"]
    _refuse_other_targets(crawler["Targets"])
    if crawler.get("Classifiers"):
        # Custom classifiers (an imported crawler's unmodeled Classifiers) run before the
        # built-in ones in Glue; a crawl ignoring them could type the files differently.
        raise UnsupportedGlueFeature(
            f"crawler classifiers {', '.join(crawler['Classifiers'])}: offline crawls type "
            "files as Glue's built-in classifiers do"
        )
    configuration = crawl_configuration(crawler.get("Configuration"))
    # Optional for a crawler of catalog targets, whose targets name their database.
    database = crawler.get("DatabaseName", "")
    prefix = crawler.get("TablePrefix", "")
    policy = {**GLUE_DEFAULT_SCHEMA_CHANGE_POLICY, **crawler.get("SchemaChangePolicy", {})}
    summary = CrawlSummary()
    lazy = LazySpark(spark)
    for target in crawler["Targets"].get("S3Targets", []):
        location = target["Path"].rstrip("/") + "/"
        table_name = prefix + location.rstrip("/").rsplit("/", 1)[-1]
        table = infer_table(
            lazy.session,
            table_name,
            location,
            workspace.local_path(location),
            target.get("Exclusions", []),
            own_partition_schemas=configuration.partition_schema == "own",
        )
        existing = existing_table(glue, database, table_name)
        if table is None:
            summary.empty.append(location)
            if existing is not None:
                _retire_table(glue, database, existing, policy["DeleteBehavior"], summary)
            continue
        _keep(glue, database, table_name, table.table_input(), policy, summary)
        _add_partitions(glue, database, table)
    for target in crawler["Targets"].get("JdbcTargets", []):
        secrets = secrets or boto3.Session().client(
            "secretsmanager", region_name=glue.meta.region_name
        )
        found = crawl_jdbc_target(lazy.session(), glue, secrets, name, target, prefix)
        for jdbc in found:
            _keep(glue, database, jdbc.name, jdbc.table_input(), policy, summary)
        _retire_vanished(glue, database, name, target, {t.name for t in found}, policy, summary)
    for target in crawler["Targets"].get("CatalogTargets", []):
        _crawl_catalog_target(glue, lazy, workspace, target, configuration, policy, summary)
    return summary


def _crawl_catalog_target(
    glue: Any, spark: LazySpark, workspace: Workspace, target: dict[str, Any],
    configuration: CrawlConfiguration, policy: dict[str, str], summary: CrawlSummary,
) -> None:  # fmt: skip
    """Each listed table, re-crawled from its own Location as its S3 folder would be.

    As https://docs.aws.amazon.com/glue/latest/dg/define-crawler-choose-data-sources.html says,
    no table is created and none deleted: a table whose location holds no data is kept as it is.
    """
    unsupported = sorted(set(target) & _CATALOG_TARGET_OPTIONS)
    if unsupported:
        raise UnsupportedGlueFeature(
            f"crawler catalog target field(s) {', '.join(unsupported)}: offline crawls read "
            "the tables' S3 locations directly"
        )
    database = target["DatabaseName"]
    for name in target["Tables"]:
        existing = existing_table(glue, database, name)
        if existing is None:
            raise CrawlTargetError(
                f"catalog target table {database}.{name} does not exist: a crawl of catalog "
                "tables creates none"
            )
        location = _s3_location(database, existing)
        table = infer_table(
            spark.session, name, location, workspace.local_path(location),
            own_partition_schemas=configuration.partition_schema == "own",
        )  # fmt: skip
        if table is None:
            _refuse_unread_files(database, name, workspace.local_path(location))
            summary.empty.append(location)
            continue
        table_input = {**table.table_input(), **_kept_fields(existing, table.partition_keys)}
        table_input["Parameters"] = {**existing.get("Parameters", {}), **table_input["Parameters"]}
        _keep(glue, database, name, table_input, policy, summary)
        _add_partitions(glue, database, table)


# CatalogTarget members offline crawls do not emulate: a network connection and S3 event queues.
_CATALOG_TARGET_OPTIONS = {"ConnectionName", "EventQueueArn", "DlqEventQueueArn"}
# Open table formats are crawled by their own target kinds; their files are not a Hive table's.
_OPEN_TABLE_TYPES = {"DELTA", "ICEBERG", "HUDI"}


class CrawlTargetError(ValueError):
    """A crawler target the crawl cannot crawl: the crawl fails naming it."""


def _s3_location(database: str, table: dict[str, Any]) -> str:
    """The table's folder; refused when offline crawls cannot read it as Glue would."""
    location = str(table.get("StorageDescriptor", {}).get("Location", ""))
    table_type = table.get("Parameters", {}).get("table_type", "").upper()
    if table_type in _OPEN_TABLE_TYPES:
        raise UnsupportedGlueFeature(
            f"catalog target table {database}.{table['Name']} is a {table_type} table: offline "
            "crawls of catalog tables read Hive-style S3 tables only"
        )
    if not location.startswith("s3://"):
        raise UnsupportedGlueFeature(
            f"catalog target table {database}.{table['Name']} has location {location!r}: "
            "offline crawls of catalog tables read S3 locations only"
        )
    return location.rstrip("/") + "/"


def _refuse_unread_files(database: str, name: str, folder: Path) -> None:
    """A location holding files none of which the inference types is not an empty one."""
    if folder.is_dir() and any(
        p.is_file() and not hidden(p.relative_to(folder)) for p in folder.rglob("*")
    ):
        raise UnsupportedGlueFeature(
            f"catalog target table {database}.{name}: no file under its location is CSV, JSON, "
            "Parquet or ORC, the formats offline crawls type"
        )


def _kept_fields(table: dict[str, Any], partition_keys: list[str]) -> dict[str, Any]:
    """What a re-crawl leaves of the existing table: its own, not the crawler's; its partition
    keys' declared types where the folders hold those keys."""
    kept: dict[str, Any] = {
        key: table[key] for key in ("Description", "Owner", "Retention") if key in table
    }
    if [k["Name"] for k in table.get("PartitionKeys", [])] == partition_keys:
        kept["PartitionKeys"] = table["PartitionKeys"]
    return kept


def _keep(
    glue: Any, database: str, name: str, table_input: dict[str, Any], policy: dict[str, str],
    summary: CrawlSummary,
) -> None:  # fmt: skip
    """Create the table, or update it as the policy's UpdateBehavior says."""
    if existing_table(glue, database, name) is None:
        glue.create_table(DatabaseName=database, TableInput=table_input)
        summary.created.append(name)
    elif policy["UpdateBehavior"] == "UPDATE_IN_DATABASE":
        glue.update_table(DatabaseName=database, TableInput=table_input)
        summary.updated.append(name)
    else:
        summary.unchanged.append(name)


def _retire_vanished(
    glue: Any, database: str, crawler: str, target: dict[str, Any], kept: set[str],
    policy: dict[str, str], summary: CrawlSummary,
) -> None:  # fmt: skip
    """Tables an earlier crawl of this connection made whose objects the database lost."""
    for page in glue.get_paginator("get_tables").paginate(DatabaseName=database):
        for table in page["TableList"]:
            parameters = table.get("Parameters", {})
            mine = (
                parameters.get("UPDATED_BY_CRAWLER") == crawler
                and parameters.get("connectionName") == target["ConnectionName"]
            )
            if mine and table["Name"] not in kept:
                _retire_table(glue, database, table, policy["DeleteBehavior"], summary)


_CRAWLED_TARGETS = ("S3Targets", "JdbcTargets", "CatalogTargets")


def _refuse_other_targets(targets: dict[str, Any]) -> None:
    """Only S3, JDBC and catalog targets are crawled offline: a crawl that skipped the others
    would succeed having cataloged less than Glue's."""
    others = sorted(
        kind for kind, listed in targets.items() if listed and kind not in _CRAWLED_TARGETS
    )
    if others:
        raise UnsupportedGlueFeature(
            f"crawler targets {', '.join(others)}: offline crawls read S3, JDBC and catalog "
            "targets only"
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
    columns = {
        values: [{"Name": n, "Type": t} for n, t in own]
        for values, own in table.partition_columns.items()
    }
    add_partitions(
        glue, database, table.name, table.location, table.partition_keys, storage,
        table.partitions, columns,
    )  # fmt: skip
