"""A crawler's catalog targets re-crawl existing tables from their own S3 locations.

https://docs.aws.amazon.com/glue/latest/dg/define-crawler-choose-data-sources.html: "If the
crawler uses existing catalog tables, it crawls the data stores that are specified by those
catalog tables." and, when existing tables are the source: "Database name is optional.", "No
new catalog tables are created when the crawler runs. Existing tables are updated as needed,
including adding new partitions." and "Deleted objects found in the data stores are ignored; no
catalog tables are deleted. Instead, the crawler writes a log message.
(SchemaChangePolicy.DeleteBehavior=LOG)".
https://docs.aws.amazon.com/glue/latest/dg/tables-described.html#update-manual-tables: "The
crawler then crawls the data stores specified by the catalog tables. In this case, no new tables
are created; instead, your manually created tables are updated."
AWS documents no outcome for a listed table that does not exist: the offline crawl fails naming
it rather than succeed having crawled less.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from pyspark.sql import SparkSession

from gluestack.local.crawl import emulate_crawl
from gluestack.local.crawl.crawler import CrawlTargetError
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.records.workspace import Workspace
from tests.local.crawl.conftest import table_columns
from tests.local.glue_compat.conftest import put


def _no_spark() -> SparkSession:
    raise AssertionError("CSV files are typed without Spark")


def _old_table(glue: Any, name: str, location: str, **table: Any) -> None:
    glue.create_table(
        DatabaseName="db",
        TableInput={
            "Name": name,
            "Description": "kept by hand",
            "Parameters": {"owner_team": "sales"},
            **table,
            "StorageDescriptor": {
                "Location": location,
                "Columns": [{"Name": "old", "Type": "string"}],
            },
        },
    )


def _crawler(glue: Any, *tables: str, **target: str) -> str:
    # No DatabaseName: "Database name is optional" for a crawler of existing tables.
    glue.create_crawler(
        Name="c",
        Role="arn:aws:iam::123456789012:role/r",
        Targets={"CatalogTargets": [{"DatabaseName": "db", "Tables": list(tables), **target}]},
        SchemaChangePolicy={"UpdateBehavior": "UPDATE_IN_DATABASE", "DeleteBehavior": "LOG"},
    )
    return "c"


def test_a_catalog_target_updates_the_tables_columns_and_adds_its_partitions(
    glue: Any, tmp_path: Path
) -> None:
    s3_root = Workspace(tmp_path).s3_root
    for day in ("1", "2"):
        put(s3_root, f"raw/sales/day={day}/a.csv", "id,amount\n1,2.5\n")
    _old_table(glue, "orders", "s3://raw/sales", PartitionKeys=[{"Name": "day", "Type": "int"}])
    summary = emulate_crawl(glue, _no_spark, Workspace(tmp_path), _crawler(glue, "orders"))
    assert (summary.created, summary.updated) == ([], ["orders"])
    assert table_columns(glue, "orders") == [("id", "bigint"), ("amount", "double")]
    table = glue.get_table(DatabaseName="db", Name="orders")["Table"]
    assert table["PartitionKeys"] == [{"Name": "day", "Type": "int"}]  # as the table declared it
    assert table["Description"] == "kept by hand"
    assert table["Parameters"]["owner_team"] == "sales"
    assert table["Parameters"]["classification"] == "csv"
    partitions = glue.get_partitions(DatabaseName="db", TableName="orders")["Partitions"]
    assert sorted(p["Values"] for p in partitions) == [["1"], ["2"]]


def test_a_missing_table_fails_the_crawl_naming_it(glue: Any, tmp_path: Path) -> None:
    with pytest.raises(CrawlTargetError, match=r"db\.gone does not exist"):
        emulate_crawl(glue, _no_spark, Workspace(tmp_path), _crawler(glue, "gone"))
    assert glue.get_tables(DatabaseName="db")["TableList"] == []


def test_an_empty_location_keeps_the_table(glue: Any, tmp_path: Path) -> None:
    _old_table(glue, "orders", "s3://raw/sales/")
    summary = emulate_crawl(glue, _no_spark, Workspace(tmp_path), _crawler(glue, "orders"))
    assert (summary.updated, summary.deleted, summary.empty) == ([], [], ["s3://raw/sales/"])
    assert table_columns(glue, "orders") == [("old", "string")]


@pytest.mark.parametrize(
    ("location", "files", "refusal"),
    [
        ("jdbc:postgresql://h/db", {}, "has location 'jdbc:postgresql://h/db'"),
        ("s3://raw/logs/", {"raw/logs/a.bin": "\x00\x01"}, "no file under its location"),
    ],
)
def test_a_table_the_offline_crawl_cannot_read_is_refused_by_name(
    glue: Any, tmp_path: Path, location: str, files: dict[str, str], refusal: str
) -> None:
    for key, text in files.items():
        put(Workspace(tmp_path).s3_root, key, text)
    _old_table(glue, "orders", location)
    with pytest.raises(UnsupportedGlueFeature, match=rf"db\.orders.*{re.escape(refusal)}"):
        emulate_crawl(glue, _no_spark, Workspace(tmp_path), _crawler(glue, "orders"))


def test_a_catalog_targets_event_queue_is_refused_by_name(glue: Any, tmp_path: Path) -> None:
    _old_table(glue, "orders", "s3://raw/sales/")
    crawler = _crawler(glue, "orders", EventQueueArn="arn:aws:sqs:us-east-1:123456789012:q")
    with pytest.raises(UnsupportedGlueFeature, match="EventQueueArn"):
        emulate_crawl(glue, _no_spark, Workspace(tmp_path), crawler)
