"""Databases, tables and columns of the Data Catalog: every page, filtered, typed errors."""

from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from gluestack.ops import ResourceNotFound
from gluestack.ops.catalog import (
    Column,
    describe_table,
    list_databases,
    list_tables,
    table_exists,
)
from tests.ops.catalog_tables import create_table


@pytest.fixture
def glue(aws: boto3.Session) -> Any:
    return aws.client("glue")


def test_every_table_of_a_large_database_is_listed_with_its_shape(glue: Any) -> None:
    for number in range(130):
        create_table(glue, "flights", f"day_{number:03d}")
    tables = list_tables(glue, "flights")
    assert [table.name for table in tables] == [f"day_{n:03d}" for n in range(130)]
    first = tables[0]
    assert (first.format, first.column_count, first.partition_keys) == (
        "parquet",
        3,
        ("day", "hour"),
    )
    assert first.location == "s3://lake/flights/day_000/"


def test_listing_follows_next_token_across_pages(stubbed_glue: tuple[Any, Stubber]) -> None:
    glue, stubber = stubbed_glue
    page = {"TableList": [{"Name": "a", "DatabaseName": "db"}], "NextToken": "page-2"}
    stubber.add_response("get_tables", page, {"DatabaseName": "db"})
    last = {"TableList": [{"Name": "b", "DatabaseName": "db"}]}
    stubber.add_response("get_tables", last, {"DatabaseName": "db", "NextToken": "page-2"})
    databases = {"DatabaseList": [{"Name": "db"}], "NextToken": "more"}
    stubber.add_response("get_databases", databases, {})
    stubber.add_response(
        "get_databases", {"DatabaseList": [{"Name": "raw"}]}, {"NextToken": "more"}
    )
    assert [table.name for table in list_tables(glue, "db")] == ["a", "b"]
    assert [database.name for database in list_databases(glue)] == ["db", "raw"]


def test_a_name_pattern_matches_whole_names_case_insensitively(glue: Any) -> None:
    for name in ("flights_raw", "flights_clean", "airports", "raw_flights"):
        create_table(glue, "lake", name)
    assert [t.name for t in list_tables(glue, "lake", pattern="FLIGHTS_*")] == [
        "flights_raw",
        "flights_clean",
    ]
    assert [t.name for t in list_tables(glue, "lake", pattern="*_raw")] == ["flights_raw"]


def test_glue_expression_filters_on_the_server(glue: Any) -> None:
    for name in ("flights_raw", "flights_clean", "airports"):
        create_table(glue, "lake", name)
    calls: list[dict[str, Any]] = []
    glue.meta.events.register(
        "provide-client-params.glue.GetTables", lambda params, **_: calls.append(params)
    )
    found = list_tables(glue, "lake", expression="flights_clean|airports")
    assert [table.name for table in found] == ["flights_clean", "airports"]
    assert calls[0]["Expression"] == "flights_clean|airports"


def test_databases_are_listed_and_filtered(glue: Any) -> None:
    for database in ("raw", "curated", "raw_archive"):
        create_table(glue, database, "t")
    assert [d.name for d in list_databases(glue)] == ["raw", "curated", "raw_archive"]
    raw = list_databases(glue, "raw*")
    assert [d.name for d in raw] == ["raw", "raw_archive"]
    assert raw[0].location == "s3://lake/raw/"


def test_table_exists_both_ways(glue: Any) -> None:
    create_table(glue, "flights", "clean")
    assert table_exists(glue, "flights", "clean")
    assert not table_exists(glue, "flights", "dirty")
    assert not table_exists(glue, "no_such_db", "clean")


def test_a_table_is_described_with_its_columns_then_its_partition_keys(glue: Any) -> None:
    create_table(glue, "flights", "clean", columns=[("carrier", "string"), ("delay", "int")])
    detail = describe_table(glue, "flights", "clean")
    assert detail.columns == (
        Column("carrier", "string", "", partition_key=False),
        Column("delay", "int", "", partition_key=False),
        Column("day", "string", "", partition_key=True),
        Column("hour", "int", "", partition_key=True),
    )
    assert (detail.table.table_type, detail.table.format) == ("EXTERNAL_TABLE", "parquet")


def test_without_a_classification_the_format_comes_from_the_serde(glue: Any) -> None:
    create_table(glue, "flights", "hand_made", classification=None)
    assert describe_table(glue, "flights", "hand_made").table.format == "parquet"


def test_a_missing_table_or_database_raises_resource_not_found(glue: Any) -> None:
    create_table(glue, "flights", "clean")
    with pytest.raises(ResourceNotFound, match=r"Glue table 'flights\.nope' not found"):
        describe_table(glue, "flights", "nope")
    with pytest.raises(ResourceNotFound, match="Glue database 'nope' not found"):
        list_tables(glue, "nope")
