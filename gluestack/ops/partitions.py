"""Partitions of a catalog table: list with a filter, add and delete in batches, wait for one."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from gluestack.ops.catalog import table_definition
from gluestack.ops.errors import PartitionBatchFailed, WaitDeadlineExceeded, typed_refusals
from gluestack.ops.polling import DEFAULT_SCHEDULE, Clock, Deadline, PollSchedule, SystemClock

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import GetPartitionsRequestPaginateTypeDef, PartitionTypeDef

# Glue's limits per BatchCreatePartition and BatchDeletePartition call.
CREATE_BATCH = 100
DELETE_BATCH = 25

# Where a new partition's files are, from its values (default: Hive-style key=value folders).
LocationOf = Callable[[tuple[str, ...]], str]


@dataclass(frozen=True)
class PartitionInfo:
    """A partition: its values (in partition-key order) and where its files are."""

    values: tuple[str, ...]
    location: str
    created_on: datetime | None


def list_partitions(
    glue: "GlueClient",
    database: str,
    table: str,
    *,
    expression: str | None = None,
    limit: int | None = None,
) -> list[PartitionInfo]:
    """The table's partitions (all pages, or the first limit) matching Glue's Expression.

    expression is Glue's partition predicate, e.g. "year = '2024' AND month > '06'".
    """
    request: GetPartitionsRequestPaginateTypeDef = {
        "DatabaseName": database,
        "TableName": table,
        # Every partition repeats the table's columns; leaving them out keeps pages small.
        "ExcludeColumnSchema": True,
    }
    if expression:
        request["Expression"] = expression
    partitions: list[PartitionInfo] = []
    with typed_refusals("Glue table", f"{database}.{table}"):
        for page in glue.get_paginator("get_partitions").paginate(**request):
            for partition in page["Partitions"]:
                partitions.append(_partition_info(partition))
                if len(partitions) == limit:
                    return partitions
    return partitions


def add_partitions(
    glue: "GlueClient",
    database: str,
    table: str,
    partitions: Iterable[Sequence[str]],
    *,
    location_of: LocationOf | None = None,
) -> int:
    """Register partitions (BatchCreatePartition, 100 a call); returns how many were added.

    Each partition gets the table's storage descriptor (format, SerDe, columns) and a location
    from location_of, by default <table location>/key=value/... Raises PartitionBatchFailed
    naming every partition Glue rejected (e.g. AlreadyExistsException); the others are added.
    """
    definition = table_definition(glue, database, table)
    keys = [key["Name"] for key in definition.get("PartitionKeys", [])]
    storage = definition.get("StorageDescriptor", {})
    location_of = location_of or _hive_location(storage.get("Location", ""), keys)
    inputs = []
    for values in map(tuple, partitions):
        if len(values) != len(keys):
            raise ValueError(
                f"partition {list(values)} of '{database}.{table}' needs one value per "
                f"partition key {keys}"
            )
        located = storage | {"Location": location_of(values)}
        inputs.append({"Values": list(values), "StorageDescriptor": located})
    batches = _chunks(inputs, CREATE_BATCH)
    return _apply(glue, "batch_create_partition", "PartitionInputList", database, table, batches)


def delete_partitions(
    glue: "GlueClient", database: str, table: str, partitions: Iterable[Sequence[str]]
) -> int:
    """Deregister partitions (BatchDeletePartition, 25 a call); returns how many were deleted.

    Raises PartitionBatchFailed naming every partition Glue could not delete (e.g. one that
    does not exist); the others are deleted.
    """
    entries = [{"Values": list(values)} for values in partitions]
    batches = _chunks(entries, DELETE_BATCH)
    return _apply(glue, "batch_delete_partition", "PartitionsToDelete", database, table, batches)


def wait_for_partition(
    glue: "GlueClient",
    database: str,
    table: str,
    values: Sequence[str],
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
) -> PartitionInfo:
    """Poll GetPartition until the partition exists; WaitDeadlineExceeded when it never does."""
    table_definition(glue, database, table)  # a missing table fails now, not at the deadline
    deadline = Deadline(clock or SystemClock(), deadline_seconds)
    intervals = schedule.intervals()
    while True:
        partition = _partition_or_none(glue, database, table, values)
        if partition:
            return partition
        if deadline.remaining <= 0:
            identifier = f"{database}.{table} [{', '.join(values)}]"
            raise WaitDeadlineExceeded("Glue partition", identifier, "absent", deadline.elapsed)
        deadline.sleep(next(intervals))


def _partition_or_none(
    glue: "GlueClient", database: str, table: str, values: Sequence[str]
) -> PartitionInfo | None:
    try:
        response = glue.get_partition(
            DatabaseName=database, TableName=table, PartitionValues=list(values)
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "EntityNotFoundException":
            return None
        raise
    return _partition_info(response["Partition"])


def _apply(
    glue: "GlueClient",
    operation: str,
    request_key: str,
    database: str,
    table: str,
    batches: list[list[dict[str, Any]]],
) -> int:
    """Call operation once per batch; raise for the items Glue rejected after all batches ran."""
    failures: list[tuple[tuple[str, ...], str, str]] = []
    with typed_refusals("Glue table", f"{database}.{table}"):
        for batch in batches:
            response = getattr(glue, operation)(
                DatabaseName=database, TableName=table, **{request_key: batch}
            )
            failures += [_failure(error) for error in response.get("Errors", [])]
    attempted = sum(map(len, batches))
    if failures:
        api_name = glue.meta.method_to_api_mapping.get(operation, operation)
        raise PartitionBatchFailed(api_name, f"{database}.{table}", failures, attempted)
    return attempted


def _failure(error: dict[str, Any]) -> tuple[tuple[str, ...], str, str]:
    detail = error.get("ErrorDetail", {})
    return (
        tuple(error.get("PartitionValues", [])),
        detail.get("ErrorCode", ""),
        detail.get("ErrorMessage", ""),
    )


def _chunks(entries: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [entries[start : start + size] for start in range(0, len(entries), size)]


def _hive_location(table_location: str, keys: list[str]) -> LocationOf:
    def location(values: tuple[str, ...]) -> str:
        folders = "/".join(f"{key}={value}" for key, value in zip(keys, values, strict=True))
        return f"{table_location.rstrip('/')}/{folders}/"

    return location


def _partition_info(partition: "PartitionTypeDef") -> PartitionInfo:
    return PartitionInfo(
        values=tuple(partition["Values"]),
        location=partition.get("StorageDescriptor", {}).get("Location", ""),
        created_on=partition.get("CreationTime"),
    )
