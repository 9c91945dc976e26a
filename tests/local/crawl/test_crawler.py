"""Crawls of crafted folders write the tables Glue's classifiers would into moto's catalog."""

from pathlib import Path
from typing import Any

import pytest
from pyspark.sql import SparkSession

from gluestack.local.crawl import emulate_crawl
from gluestack.local.records.workspace import Workspace
from tests.local.crawl.conftest import table_columns
from tests.local.glue_compat.conftest import put


def _crawler(
    glue: Any,
    *paths: str,
    prefix: str = "",
    exclusions: list[str] | None = None,
    policy: dict[str, str] | None = None,
) -> str:
    glue.create_crawler(
        Name="c",
        Role="arn:aws:iam::123456789012:role/r",
        DatabaseName="db",
        TablePrefix=prefix,
        Targets={"S3Targets": [{"Path": p, "Exclusions": exclusions or []} for p in paths]},
        **({"SchemaChangePolicy": policy} if policy else {}),
    )
    return "c"


# Whole numbers are bigint, as Glue's CSV classifier types them (AWS's medicaid sample crawls
# "total discharges" as bigint where Spark infers integer):
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html
def test_csv_with_header_and_na_markers(
    glue: Any, spark: SparkSession, s3_root: Path, tmp_path: Path
) -> None:
    put(s3_root, "raw/flights/a.csv", "year,carrier,delay,dist\n2013,UA,5,1.5\n2013,AA,NA,2\n")
    summary = emulate_crawl(
        glue, spark, Workspace(s3_root.parent), _crawler(glue, "s3://raw/flights/")
    )
    assert summary.created == ["flights"]
    assert table_columns(glue, "flights") == [
        ("year", "bigint"), ("carrier", "string"), ("delay", "string"), ("dist", "double"),
    ]  # fmt: skip
    table = glue.get_table(DatabaseName="db", Name="flights")["Table"]
    assert table["Parameters"]["skip.header.line.count"] == "1"
    assert table["StorageDescriptor"]["Location"] == "s3://raw/flights/"


def test_hive_partitions_become_partition_keys(
    glue: Any, spark: SparkSession, s3_root: Path
) -> None:
    for month in (1, 2):
        spark.createDataFrame([(month * 10, "x")], "n int, s string").write.parquet(
            f"s3://cur/t/year=2013/month={month}/"
        )
    emulate_crawl(glue, spark, Workspace(s3_root.parent), _crawler(glue, "s3://cur/t", prefix="p_"))
    table = glue.get_table(DatabaseName="db", Name="p_t")["Table"]
    assert [k["Name"] for k in table["PartitionKeys"]] == ["year", "month"]
    assert table_columns(glue, "p_t") == [("n", "int"), ("s", "string")]
    partitions = glue.get_partitions(DatabaseName="db", TableName="p_t")["Partitions"]
    assert sorted(tuple(p["Values"]) for p in partitions) == [("2013", "1"), ("2013", "2")]


def test_nested_json_keeps_its_structure(glue: Any, spark: SparkSession, s3_root: Path) -> None:
    put(s3_root, "raw/ev/a.json", '{"id": 1, "geo": {"lat": 1.5, "tags": ["a"]}}\n')
    emulate_crawl(glue, spark, Workspace(s3_root.parent), _crawler(glue, "s3://raw/ev/"))
    assert table_columns(glue, "ev") == [
        ("id", "bigint"), ("geo", "struct<lat:double,tags:array<string>>"),
    ]  # fmt: skip


# AWS's legislators sample prints its crawled JSON table in the records' field order, nested
# fields too (identifiers: scheme, identifier), where Spark would sort them by name:
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-legislators.html
def test_json_columns_keep_the_order_of_the_records(
    glue: Any, spark: SparkSession, s3_root: Path
) -> None:
    put(
        s3_root,
        "raw/persons/a.json",
        '{"family_name": "Doe", "name": "J", "identifiers": [{"scheme": "s", "identifier": "1"}]}\n'
        '{"family_name": "Roe", "gender": "f", "name": "K"}\n',
    )
    emulate_crawl(glue, spark, Workspace(s3_root.parent), _crawler(glue, "s3://raw/persons/"))
    assert table_columns(glue, "persons") == [
        ("family_name", "string"), ("name", "string"),
        ("identifiers", "array<struct<scheme:string,identifier:string>>"), ("gender", "string"),
    ]  # fmt: skip


def test_a_recrawl_adds_a_new_column(glue: Any, spark: SparkSession, s3_root: Path) -> None:
    name = _crawler(glue, "s3://raw/ev/")
    workspace = Workspace(s3_root.parent)
    put(s3_root, "raw/ev/a.json", '{"id": 1}\n')
    emulate_crawl(glue, spark, workspace, name)
    put(s3_root, "raw/ev/b.json", '{"id": 2, "late": true}\n')
    summary = emulate_crawl(glue, spark, workspace, name)
    assert summary.updated == ["ev"]
    assert table_columns(glue, "ev") == [("id", "bigint"), ("late", "boolean")]


def test_an_empty_target_creates_no_table(glue: Any, spark: SparkSession, s3_root: Path) -> None:
    (s3_root / "raw" / "empty").mkdir(parents=True)
    summary = emulate_crawl(
        glue, spark, Workspace(s3_root.parent), _crawler(glue, "s3://raw/empty/")
    )
    assert (summary.created, summary.updated) == ([], [])


def test_excluded_files_are_not_read(glue: Any, spark: SparkSession, s3_root: Path) -> None:
    put(s3_root, "raw/ev/2013/a.json", '{"id": 1}\n')
    put(s3_root, "raw/ev/2013/broken.json", '{"id": 2, "debug": "x"}\n')
    put(s3_root, "raw/ev/tmp/b.json", '{"id": 3, "scratch": 1}\n')
    crawler = _crawler(glue, "s3://raw/ev/", exclusions=["**/broken.json", "tmp/**"])
    emulate_crawl(glue, spark, Workspace(s3_root.parent), crawler)
    assert table_columns(glue, "ev") == [("id", "bigint")]


@pytest.mark.parametrize(
    ("update_behavior", "columns"),
    [
        ("UPDATE_IN_DATABASE", [("id", "bigint"), ("late", "boolean")]),
        ("LOG", [("id", "bigint")]),
    ],
)
def test_update_behavior_decides_whether_a_changed_schema_is_written(
    glue: Any,
    spark: SparkSession,
    s3_root: Path,
    update_behavior: str,
    columns: list[tuple[str, str]],
) -> None:
    policy = {"UpdateBehavior": update_behavior, "DeleteBehavior": "LOG"}
    name = _crawler(glue, "s3://raw/ev/", policy=policy)
    workspace = Workspace(s3_root.parent)
    put(s3_root, "raw/ev/a.json", '{"id": 1}\n')
    emulate_crawl(glue, spark, workspace, name)
    put(s3_root, "raw/ev/b.json", '{"id": 2, "late": true}\n')
    emulate_crawl(glue, spark, workspace, name)
    assert table_columns(glue, "ev") == columns


@pytest.mark.parametrize(
    ("delete_behavior", "deprecated"),
    [("DEPRECATE_IN_DATABASE", "1"), ("LOG", None), ("DELETE_FROM_DATABASE", "gone")],
)
def test_delete_behavior_decides_what_happens_to_a_table_whose_data_is_gone(
    glue: Any, spark: SparkSession, s3_root: Path, delete_behavior: str, deprecated: str | None
) -> None:
    policy = {"UpdateBehavior": "UPDATE_IN_DATABASE", "DeleteBehavior": delete_behavior}
    name = _crawler(glue, "s3://raw/ev/", policy=policy)
    workspace = Workspace(s3_root.parent)
    put(s3_root, "raw/ev/a.json", '{"id": 1}\n')
    emulate_crawl(glue, spark, workspace, name)
    (s3_root / "raw/ev/a.json").unlink()
    summary = emulate_crawl(glue, spark, workspace, name)
    tables = {t["Name"]: t for t in glue.get_tables(DatabaseName="db")["TableList"]}
    if deprecated == "gone":
        assert (summary.deleted, tables) == (["ev"], {})
    else:
        assert tables["ev"].get("Parameters", {}).get("DEPRECATED_BY_CRAWLER") == deprecated
