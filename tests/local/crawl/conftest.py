"""A moto catalog with database `db` for crawls, and how to read a crawled table's columns."""

from typing import Any

import boto3
import pytest


@pytest.fixture
def glue(aws: boto3.Session) -> Any:
    client = aws.client("glue")
    client.create_database(DatabaseInput={"Name": "db"})
    return client


def table_columns(glue: Any, table: str) -> list[tuple[str, str]]:
    """(name, type) of each column the catalog holds for db.table."""
    found = glue.get_table(DatabaseName="db", Name=table)["Table"]
    return [(c["Name"], c["Type"]) for c in found["StorageDescriptor"]["Columns"]]
