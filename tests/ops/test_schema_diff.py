"""Schema changes between table versions: columns added, removed, retyped; partition keys."""

from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from gluestack.ops import ResourceNotFound
from gluestack.ops.catalog import Column
from gluestack.ops.schema_diff import TypeChange, table_schema_diff
from tests.ops.catalog_tables import DAY_AND_HOUR, create_table, table_input

V1 = (("carrier", "string"), ("dep_delay", "int"), ("origin", "string"))
V2 = (("carrier", "string"), ("dep_delay", "bigint"), ("dest", "string"))


@pytest.fixture
def glue(aws: boto3.Session) -> Any:
    glue = aws.client("glue")
    create_table(glue, "flights", "clean", columns=V1)
    return glue


def _update(glue: Any, columns: Any, partition_keys: Any = DAY_AND_HOUR) -> None:
    table = table_input("clean", columns, partition_keys)
    glue.update_table(DatabaseName="flights", TableInput=table)


def test_the_latest_version_is_compared_with_the_previous_one(glue: Any) -> None:
    _update(glue, V2)
    diff = table_schema_diff(glue, "flights", "clean")
    assert (diff.from_version, diff.to_version) == ("1", "2")
    assert diff.columns.added == (Column("dest", "string", "", partition_key=False),)
    assert diff.columns.removed == (Column("origin", "string", "", partition_key=False),)
    assert diff.columns.type_changed == (TypeChange("dep_delay", "int", "bigint"),)
    assert not diff.partition_keys.changed


def test_partition_key_changes_are_reported_apart_from_columns(glue: Any) -> None:
    _update(glue, V1, partition_keys=[("day", "date"), ("carrier_group", "string")])
    diff = table_schema_diff(glue, "flights", "clean")
    assert [key.name for key in diff.partition_keys.added] == ["carrier_group"]
    assert [key.name for key in diff.partition_keys.removed] == ["hour"]
    assert diff.partition_keys.type_changed == (TypeChange("day", "string", "date"),)
    assert not diff.columns.changed


def test_any_two_versions_can_be_compared(glue: Any) -> None:
    _update(glue, V2)
    _update(glue, (*V2, ("origin", "string")))
    latest = table_schema_diff(glue, "flights", "clean")
    assert [c.name for c in latest.columns.added] == ["origin"]
    assert not latest.columns.removed
    first_to_last = table_schema_diff(glue, "flights", "clean", from_version="1", to_version="3")
    assert [c.name for c in first_to_last.columns.added] == ["dest"]
    assert not first_to_last.columns.removed
    before_second = table_schema_diff(glue, "flights", "clean", to_version="2")
    assert before_second.from_version == "1"


def test_a_table_never_updated_shows_no_change(glue: Any) -> None:
    diff = table_schema_diff(glue, "flights", "clean")
    assert (diff.from_version, diff.to_version, diff.changed) == ("1", "1", False)


def test_a_missing_version_or_table_raises_resource_not_found(glue: Any) -> None:
    with pytest.raises(ResourceNotFound, match="version 7"):
        table_schema_diff(glue, "flights", "clean", from_version="1", to_version="7")
    with pytest.raises(ResourceNotFound, match="version 7"):
        table_schema_diff(glue, "flights", "clean", to_version="7")
    with pytest.raises(ResourceNotFound, match=r"flights\.nope"):
        table_schema_diff(glue, "flights", "nope")


def test_versions_are_ordered_as_numbers_across_pages(stubbed_glue: tuple[Any, Stubber]) -> None:
    glue, stubber = stubbed_glue

    def version(number: int, *columns: str) -> dict[str, Any]:
        table = {"Name": "clean", "StorageDescriptor": {"Columns": [{"Name": c} for c in columns]}}
        return {"VersionId": str(number), "Table": table}

    request = {"DatabaseName": "flights", "TableName": "clean"}
    first = {"TableVersions": [version(9, "a"), version(10, "a", "b")], "NextToken": "next"}
    stubber.add_response("get_table_versions", first, request)
    last = {"TableVersions": [version(8)]}
    stubber.add_response("get_table_versions", last, {**request, "NextToken": "next"})
    diff = table_schema_diff(glue, "flights", "clean")
    assert (diff.from_version, diff.to_version) == ("9", "10")
    assert [c.name for c in diff.columns.added] == ["b"]
