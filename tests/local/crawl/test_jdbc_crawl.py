"""A crawler's JDBC target, crawled offline from a real, throwaway PostgreSQL.

Include paths `<database>/<schema>/<table>` with `%`, exclusions relative to the include path,
classification postgresql and the connectionName / typeOfData table properties as
https://docs.aws.amazon.com/glue/latest/dg/define-crawler-choose-data-sources.html,
add-classifier.html and table-properties-crawler.html describe; tables named
`<database>_<schema>_<table>` as Glue's crawlers are seen naming them.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from pyspark.sql import SparkSession

from gluestack.local.crawl import emulate_crawl
from gluestack.local.glue_compat import BookmarkStore, GlueRuntime, activated, runtime_scope
from gluestack.local.jdbc.throwaway_postgres import RunningPostgres, throwaway_postgres
from gluestack.local.records.workspace import Workspace
from tests.local.crawl.conftest import table_columns


@pytest.fixture(scope="module")
def postgres() -> Iterator[RunningPostgres]:
    with throwaway_postgres(database="shop") as server:
        server.run_sql(
            "CREATE SCHEMA sales; CREATE SCHEMA hr;"
            "CREATE TABLE sales.orders (id integer PRIMARY KEY, customer varchar(40) NOT NULL, "
            "total numeric(10,2), placed timestamp, paid boolean, lines bigint, "
            "score double precision, note text, day date);"
            "CREATE VIEW sales.big_orders AS SELECT id, total FROM sales.orders WHERE total > 100;"
            "CREATE TABLE sales.tmp_scratch (x integer);"
            "CREATE TABLE hr.people (id integer);"
            "INSERT INTO sales.orders (id, customer, total) VALUES (1, 'ann', 250), (2, 'bob', 5)"
        )
        yield server


def _crawler(glue: Any, aws: boto3.Session, server: RunningPostgres, path: str) -> str:
    aws.client("secretsmanager").create_secret(
        Name="shop-db",
        SecretString=json.dumps({"username": server.user, "password": server.password}),
    )
    glue.create_connection(
        ConnectionInput={
            "Name": "shop",
            "ConnectionType": "JDBC",
            "ConnectionProperties": {
                "JDBC_CONNECTION_URL": server.jdbc_url,
                "SECRET_ID": "shop-db",
            },
        }
    )
    glue.create_crawler(
        Name="shop-crawler",
        Role="arn:aws:iam::123456789012:role/glue",
        DatabaseName="db",
        Targets={"JdbcTargets": [{"ConnectionName": "shop", "Path": path,
                                  "Exclusions": ["tmp_*"]}]},
    )  # fmt: skip
    return "shop-crawler"


def test_a_schemas_tables_and_views_are_cataloged_with_their_columns(
    glue: Any, aws: boto3.Session, spark: SparkSession, postgres: RunningPostgres, s3_root: Path
) -> None:
    name = _crawler(glue, aws, postgres, "shop/sales/%")
    summary = emulate_crawl(glue, spark, Workspace(s3_root.parent), name)
    assert sorted(summary.created) == ["shop_sales_big_orders", "shop_sales_orders"]
    assert table_columns(glue, "shop_sales_orders") == [
        ("id", "int"), ("customer", "string"), ("total", "decimal(10,2)"),
        ("placed", "timestamp"), ("paid", "boolean"), ("lines", "bigint"), ("score", "double"),
        ("note", "string"), ("day", "date"),
    ]  # fmt: skip
    orders = glue.get_table(DatabaseName="db", Name="shop_sales_orders")["Table"]
    assert orders["StorageDescriptor"]["Location"] == "shop.sales.orders"
    properties = ("classification", "connectionName", "typeOfData")
    assert {k: orders["Parameters"][k] for k in properties} == {
        "classification": "postgresql", "connectionName": "shop", "typeOfData": "table",
    }  # fmt: skip
    view = glue.get_table(DatabaseName="db", Name="shop_sales_big_orders")["Table"]
    assert view["Parameters"]["typeOfData"] == "view"
    assert table_columns(glue, "shop_sales_big_orders") == [
        ("id", "int"),
        ("total", "decimal(10,2)"),
    ]


def test_a_cataloged_jdbc_table_is_read_from_catalog_through_its_connection(
    glue: Any, aws: boto3.Session, spark: SparkSession, postgres: RunningPostgres, s3_root: Path,
    tmp_path: Path,
) -> None:  # fmt: skip
    emulate_crawl(
        glue, spark, Workspace(s3_root.parent), _crawler(glue, aws, postgres, "shop/%/orders")
    )
    assert [t["Name"] for t in glue.get_tables(DatabaseName="db")["TableList"]] == [
        "shop_sales_orders"
    ]
    runtime = GlueRuntime(spark=spark, bookmarks=BookmarkStore(tmp_path / "b"), glue=glue)
    with activated(), runtime_scope(runtime):
        from awsglue.context import GlueContext

        context = GlueContext(spark.sparkContext)
        frame = context.create_dynamic_frame.from_catalog(
            database="db", table_name="shop_sales_orders", additional_options={"hashfield": "id"}
        )
        rows = sorted((r["id"], r["customer"]) for r in frame.toDF().collect())
    assert rows == [(1, "ann"), (2, "bob")]


def test_a_recrawl_applies_the_schema_change_policy_to_dropped_objects(
    glue: Any, aws: boto3.Session, spark: SparkSession, postgres: RunningPostgres, s3_root: Path
) -> None:
    # DeleteBehavior defaults to DEPRECATE_IN_DATABASE, as for S3 tables whose data is gone.
    postgres.run_sql("CREATE TABLE hr.leavers (id integer)")
    name = _crawler(glue, aws, postgres, "shop/hr/%")
    workspace = Workspace(s3_root.parent)
    assert sorted(emulate_crawl(glue, spark, workspace, name).created) == [
        "shop_hr_leavers", "shop_hr_people",
    ]  # fmt: skip
    postgres.run_sql("DROP TABLE hr.leavers")
    again = emulate_crawl(glue, spark, workspace, name)
    assert (again.created, sorted(again.updated)) == ([], ["shop_hr_leavers", "shop_hr_people"])
    gone = glue.get_table(DatabaseName="db", Name="shop_hr_leavers")["Table"]
    assert gone["Parameters"]["DEPRECATED_BY_CRAWLER"] == "1"
