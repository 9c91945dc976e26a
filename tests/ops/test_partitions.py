"""Partitions: filtered listing, batched add and delete with per-item errors, waiting for one."""

from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from gluestack.ops import ResourceNotFound, WaitDeadlineExceeded
from gluestack.ops.errors import PartitionBatchFailed
from gluestack.ops.partitions import (
    add_partitions,
    delete_partitions,
    list_partitions,
    wait_for_partition,
)
from tests.ops.catalog_tables import PARQUET_SERDE, create_table
from tests.ops.conftest import FakeClock


@pytest.fixture
def glue(aws: boto3.Session) -> Any:
    glue = aws.client("glue")
    create_table(glue, "flights", "clean")
    return glue


def _calls(glue: Any, operation: str) -> list[dict[str, Any]]:
    """The parameters of every call of operation from now on."""
    calls: list[dict[str, Any]] = []
    glue.meta.events.register(
        f"provide-client-params.glue.{operation}", lambda params, **_: calls.append(params)
    )
    return calls


def _days(count: int) -> list[tuple[str, str]]:
    return [(f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}", str(n % 24)) for n in range(count)]


def test_250_partitions_are_added_in_three_calls(glue: Any) -> None:
    calls = _calls(glue, "BatchCreatePartition")
    assert add_partitions(glue, "flights", "clean", _days(250)) == 250
    assert [len(call["PartitionInputList"]) for call in calls] == [100, 100, 50]
    listed = list_partitions(glue, "flights", "clean")
    assert sorted(p.values for p in listed) == sorted(_days(250))


def test_added_partitions_get_the_tables_format_and_hive_style_locations(glue: Any) -> None:
    add_partitions(glue, "flights", "clean", [("2024-01-01", "7")])
    partition = glue.get_partition(
        DatabaseName="flights", TableName="clean", PartitionValues=["2024-01-01", "7"]
    )["Partition"]
    storage = partition["StorageDescriptor"]
    assert storage["Location"] == "s3://lake/flights/clean/day=2024-01-01/hour=7/"
    assert storage["SerdeInfo"]["SerializationLibrary"] == PARQUET_SERDE
    assert [column["Name"] for column in storage["Columns"]] == ["carrier", "dep_delay", "origin"]


def test_a_custom_layout_places_partitions_where_the_files_are(glue: Any) -> None:
    def dated(values: tuple[str, ...]) -> str:
        return f"s3://landing/{values[0].replace('-', '/')}/{values[1]}/"

    add_partitions(glue, "flights", "clean", [("2024-01-01", "7")], location_of=dated)
    [partition] = list_partitions(glue, "flights", "clean")
    assert partition.location == "s3://landing/2024/01/01/7/"


def test_rejected_partitions_are_named_and_the_others_still_added(glue: Any) -> None:
    add_partitions(glue, "flights", "clean", [("2024-01-01", "1"), ("2024-01-02", "2")])
    with pytest.raises(PartitionBatchFailed) as raised:
        add_partitions(
            glue,
            "flights",
            "clean",
            [("2024-01-01", "1"), ("2024-01-03", "3"), ("2024-01-02", "2")],
        )
    assert raised.value.failures == [
        (("2024-01-01", "1"), "AlreadyExistsException", "Partition already exists."),
        (("2024-01-02", "2"), "AlreadyExistsException", "Partition already exists."),
    ]
    assert "BatchCreatePartition on Glue table 'flights.clean' failed for 2 of 3" in str(
        raised.value
    )
    assert "[2024-01-01, 1] AlreadyExistsException" in str(raised.value)
    assert len(list_partitions(glue, "flights", "clean")) == 3


def test_a_partition_needs_one_value_per_partition_key(glue: Any) -> None:
    calls = _calls(glue, "BatchCreatePartition")
    with pytest.raises(ValueError, match=r"needs one value per partition key \['day', 'hour'\]"):
        add_partitions(glue, "flights", "clean", [("2024-01-01", "1"), ("2024-01-02",)])
    assert calls == []


def test_partitions_are_deleted_25_a_call(glue: Any) -> None:
    add_partitions(glue, "flights", "clean", _days(70))
    calls = _calls(glue, "BatchDeletePartition")
    assert delete_partitions(glue, "flights", "clean", _days(60)) == 60
    assert [len(call["PartitionsToDelete"]) for call in calls] == [25, 25, 10]
    remaining = list_partitions(glue, "flights", "clean")
    assert sorted(p.values for p in remaining) == sorted(_days(70)[60:])


def test_deleting_a_missing_partition_names_it(glue: Any) -> None:
    add_partitions(glue, "flights", "clean", [("2024-01-01", "1")])
    with pytest.raises(PartitionBatchFailed, match="BatchDeletePartition") as raised:
        delete_partitions(glue, "flights", "clean", [("2024-01-01", "1"), ("1999-01-01", "0")])
    [(values, code, _)] = raised.value.failures
    assert (values, code) == (("1999-01-01", "0"), "EntityNotFoundException")
    assert list_partitions(glue, "flights", "clean") == []


def test_batches_on_a_missing_table_raise_resource_not_found(glue: Any) -> None:
    with pytest.raises(ResourceNotFound, match=r"'flights\.nope'"):
        add_partitions(glue, "flights", "nope", [("2024-01-01", "1")])
    with pytest.raises(ResourceNotFound, match=r"'flights\.nope'"):
        delete_partitions(glue, "flights", "nope", [("2024-01-01", "1")])


def test_an_expression_selects_partitions_in_moto(glue: Any) -> None:
    add_partitions(
        glue,
        "flights",
        "clean",
        [(day, str(h)) for day in ("2024-01-01", "2024-01-02") for h in range(24)],
    )
    found = list_partitions(
        glue, "flights", "clean", expression="day = '2024-01-02' AND hour BETWEEN 6 AND 8"
    )
    assert [p.values for p in found] == [
        ("2024-01-02", "6"),
        ("2024-01-02", "7"),
        ("2024-01-02", "8"),
    ]
    assert len(list_partitions(glue, "flights", "clean", limit=5)) == 5


def test_listing_sends_the_filter_without_columns_and_follows_pages(
    stubbed_glue: tuple[Any, Stubber],
) -> None:
    glue, stubber = stubbed_glue
    expected = {
        "DatabaseName": "flights",
        "TableName": "clean",
        "Expression": "hour > 6",
        "ExcludeColumnSchema": True,
    }
    first = {"Partitions": [{"Values": ["2024-01-01", "7"]}], "NextToken": "next"}
    last = {"Partitions": [{"Values": ["2024-01-01", "8"]}]}
    stubber.add_response("get_partitions", first, expected)
    stubber.add_response("get_partitions", last, {**expected, "NextToken": "next"})
    found = list_partitions(glue, "flights", "clean", expression="hour > 6")
    assert [p.values for p in found] == [("2024-01-01", "7"), ("2024-01-01", "8")]


class ClockThatAddsPartition(FakeClock):
    """A fake clock that runs an action (e.g. a job writing a partition) at its nth sleep."""

    def __init__(self, at_sleep: int, action: Callable[[], object]) -> None:
        super().__init__()
        self.at_sleep = at_sleep
        self.action = action

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if len(self.sleeps) == self.at_sleep:
            self.action()


def test_waiting_returns_the_partition_once_it_appears(glue: Any) -> None:
    clock = ClockThatAddsPartition(
        3, lambda: add_partitions(glue, "flights", "clean", [("2024-01-01", "5")])
    )
    found = wait_for_partition(
        glue, "flights", "clean", ["2024-01-01", "5"], deadline_seconds=600, clock=clock
    )
    assert found.values == ("2024-01-01", "5")
    assert found.location == "s3://lake/flights/clean/day=2024-01-01/hour=5/"
    assert len(clock.sleeps) == 3


def test_a_partition_that_never_appears_passes_the_deadline(glue: Any, clock: FakeClock) -> None:
    with pytest.raises(WaitDeadlineExceeded) as raised:
        wait_for_partition(
            glue, "flights", "clean", ["2024-01-01", "5"], deadline_seconds=45, clock=clock
        )
    assert raised.value.waited_seconds == pytest.approx(45)
    assert sum(clock.sleeps) == pytest.approx(45)
    assert "Glue partition 'flights.clean [2024-01-01, 5]' was still absent" in str(raised.value)


def test_waiting_on_a_missing_table_fails_at_once(glue: Any, clock: FakeClock) -> None:
    with pytest.raises(ResourceNotFound):
        wait_for_partition(glue, "flights", "nope", ["x", "1"], deadline_seconds=60, clock=clock)
    assert clock.sleeps == []
