"""Register partitions in the Data Catalog: those of the given values not registered yet."""

from collections.abc import Mapping, Sequence
from typing import Any


def add_partitions(
    glue: Any,
    database: str,
    table: str,
    location: str,
    keys: Sequence[str],
    storage: dict[str, Any],
    values: Sequence[Sequence[str]],
    columns: Mapping[tuple[str, ...], list[dict[str, str]]] | None = None,
) -> list[list[str]]:
    """Create the partitions of values the table lacks, at location/k=v/...; return them.

    Each has the table's storage, with its own Columns where columns holds them (by values).
    """
    existing = {
        tuple(p["Values"])
        for page in glue.get_paginator("get_partitions").paginate(
            DatabaseName=database, TableName=table
        )
        for p in page["Partitions"]
    }
    new = sorted({tuple(v) for v in values} - existing)
    for start in range(0, len(new), 100):  # BatchCreatePartition takes at most 100
        inputs = [
            {
                "Values": list(item),
                "StorageDescriptor": {
                    **storage,
                    **({"Columns": columns[item]} if columns and item in columns else {}),
                    "Location": partition_location(location, keys, item),
                },
            }
            for item in new[start : start + 100]
        ]
        glue.batch_create_partition(
            DatabaseName=database, TableName=table, PartitionInputList=inputs
        )
    return [list(item) for item in new]


def partition_location(location: str, keys: Sequence[str], values: Sequence[str]) -> str:
    """Hive-style folder of one partition under the table's location."""
    folders = "/".join(f"{k}={v}" for k, v in zip(keys, values, strict=True))
    return f"{location.rstrip('/')}/{folders}/"
