"""A crawler's Configuration decides whose schema a new partition gets: its table's or its own.

https://docs.aws.amazon.com/glue/latest/dg/crawler-schema-changes-prevent.html: "You can also set
a configuration option to Update all new and existing partitions with metadata from the table.
This sets partition schemas to inherit from the table." That option is the Configuration
{"Version": 1.0, "CrawlerOutput": {"Partitions": {"AddOrUpdateBehavior": "InheritFromTable"}}}.
Without it each partition keeps the schema crawled from its own files,
https://docs.aws.amazon.com/athena/latest/ug/updates-and-partitions.html: "The AWS Glue Crawler
allows you to discover data in partitions with different schemas. This means that if you create a
table in Athena with AWS Glue, after the crawler finishes processing, the schemas for the table
and its partitions may be different." A setting offline crawls do not emulate fails the crawl
naming it.
"""

import json
from pathlib import Path
from typing import Any

import pytest
from pyspark.sql import SparkSession

from gluestack.local.crawl import emulate_crawl
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.records.workspace import Workspace
from tests.local.glue_compat.conftest import put

INHERIT = {
    "Version": 1.0,
    "CrawlerOutput": {"Partitions": {"AddOrUpdateBehavior": "InheritFromTable"}},
}


def _no_spark() -> SparkSession:
    raise AssertionError("JSON lines are typed without Spark")


def _crawl(glue: Any, s3_root: Path, configuration: dict[str, Any] | None) -> None:
    glue.create_crawler(
        Name="c",
        Role="arn:aws:iam::123456789012:role/r",
        DatabaseName="db",
        Targets={"S3Targets": [{"Path": "s3://raw/events/"}]},
        **({"Configuration": json.dumps(configuration)} if configuration else {}),
    )
    emulate_crawl(glue, _no_spark, Workspace(s3_root.parent), "c")


def _partition_columns(glue: Any) -> dict[str, list[str]]:
    partitions = glue.get_partitions(DatabaseName="db", TableName="events")["Partitions"]
    return {
        p["Values"][0]: [c["Name"] for c in p["StorageDescriptor"]["Columns"]] for p in partitions
    }


@pytest.mark.parametrize(
    ("configuration", "day_1", "day_2"),
    [
        pytest.param(INHERIT, ["id", "name", "extra"], ["id", "name", "extra"], id="from_table"),
        pytest.param(None, ["id", "name"], ["id", "name", "extra"], id="own"),
    ],
)
def test_a_new_partition_has_its_table_schema_only_when_inheriting(
    glue: Any, s3_root: Path, configuration: dict[str, Any] | None, day_1: list[str],
    day_2: list[str],
) -> None:  # fmt: skip
    put(s3_root, "raw/events/day=1/a.json", '{"id": 1, "name": "a"}\n')
    put(s3_root, "raw/events/day=2/b.json", '{"id": 2, "name": "b", "extra": 1.5}\n')
    _crawl(glue, s3_root, configuration)

    table = glue.get_table(DatabaseName="db", Name="events")["Table"]
    assert [c["Name"] for c in table["StorageDescriptor"]["Columns"]] == ["id", "name", "extra"]
    assert _partition_columns(glue) == {"1": day_1, "2": day_2}


@pytest.mark.parametrize(
    ("configuration", "named"),
    [
        ({"Version": 1.0, "CrawlerOutput": {"Tables": {"AddOrUpdateBehavior": "MergeNewColumns"}}},
         "CrawlerOutput.Tables.AddOrUpdateBehavior=MergeNewColumns"),
        ({"Version": 1.0, "CreatePartitionIndex": True}, "CreatePartitionIndex=true"),
        ({"Version": 1.0, "Grouping": {"TableLevelConfiguration": 2}},
         "Grouping.TableLevelConfiguration=2"),
    ],
)  # fmt: skip
def test_a_setting_offline_crawls_do_not_emulate_is_refused_by_name(
    glue: Any, s3_root: Path, configuration: dict[str, Any], named: str
) -> None:
    put(s3_root, "raw/events/day=1/a.json", '{"id": 1}\n')
    with pytest.raises(UnsupportedGlueFeature, match=f"crawler Configuration {named}"):
        _crawl(glue, s3_root, configuration)
    assert glue.get_tables(DatabaseName="db")["TableList"] == []
