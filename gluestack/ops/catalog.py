"""Data Catalog databases, tables and columns: listed across pages, filtered by name."""

from dataclasses import dataclass
from datetime import datetime
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

from gluestack.ops.errors import ResourceNotFound, typed_refusals

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import (
        ColumnOutputTypeDef,
        GetTablesRequestPaginateTypeDef,
        TablePaginatorTypeDef,
        TableTypeDef,
    )

    # Glue's Table structure: GetTable's, or a page's (GetTables, GetTableVersions), which
    # differ only in their Status.
    Table = TableTypeDef | TablePaginatorTypeDef

# Substrings of a SerDe or input format class that name the data format, checked in order.
_FORMAT_HINTS = (
    ("parquet", "parquet"),
    ("orc", "orc"),
    ("avro", "avro"),
    ("json", "json"),
    ("csv", "csv"),
    ("lazysimpleserde", "csv"),
)


@dataclass(frozen=True)
class DatabaseInfo:
    """A Data Catalog database."""

    name: str
    description: str
    location: str
    created_on: datetime | None


@dataclass(frozen=True)
class TableInfo:
    """A table's shape at a glance: where its data is, in what format, how it is partitioned."""

    database: str
    name: str
    table_type: str
    format: str
    location: str
    column_count: int
    partition_keys: tuple[str, ...]
    created_on: datetime | None
    updated_on: datetime | None


@dataclass(frozen=True)
class Column:
    """A column of a table; partition keys are columns too (partition_key=True)."""

    name: str
    type: str
    comment: str
    partition_key: bool


@dataclass(frozen=True)
class TableDetail:
    """A table and its columns, data columns first, then the partition keys."""

    table: TableInfo
    columns: tuple[Column, ...]


def list_databases(glue: "GlueClient", pattern: str | None = None) -> list[DatabaseInfo]:
    """Every database (all pages) whose name matches the fnmatch pattern, if given."""
    databases = [
        DatabaseInfo(
            name=database["Name"],
            description=database.get("Description") or "",
            location=database.get("LocationUri") or "",
            created_on=database.get("CreateTime"),
        )
        for page in glue.get_paginator("get_databases").paginate()
        for database in page["DatabaseList"]
    ]
    return [database for database in databases if _matches(database.name, pattern)]


def list_tables(
    glue: "GlueClient", database: str, *, pattern: str | None = None, expression: str | None = None
) -> list[TableInfo]:
    """The database's tables (all pages) matching an fnmatch pattern and/or Glue's Expression.

    Expression is filtered by Glue itself (a regular expression; moto anchors it at the start
    only); pattern is matched here, case-insensitively, against the whole name.
    """
    request: GetTablesRequestPaginateTypeDef = {"DatabaseName": database}
    if expression:
        request["Expression"] = expression
    with typed_refusals("Glue database", database):
        tables = [
            table_info(table)
            for page in glue.get_paginator("get_tables").paginate(**request)
            for table in page["TableList"]
        ]
    return [table for table in tables if _matches(table.name, pattern)]


def table_definition(glue: "GlueClient", database: str, table: str) -> "TableTypeDef":
    """Glue's Table structure (GetTable); ResourceNotFound when the database or table is missing."""
    with typed_refusals("Glue table", f"{database}.{table}"):
        return glue.get_table(DatabaseName=database, Name=table)["Table"].copy()


def table_exists(glue: "GlueClient", database: str, table: str) -> bool:
    """Whether the table exists (False too when its database does not)."""
    try:
        table_definition(glue, database, table)
    except ResourceNotFound:
        return False
    return True


def describe_table(glue: "GlueClient", database: str, table: str) -> TableDetail:
    """The table at a glance and its columns."""
    definition = table_definition(glue, database, table)
    return TableDetail(table_info(definition), table_columns(definition))


def table_info(table: "Table") -> TableInfo:
    """A TableInfo from Glue's Table structure."""
    storage = table.get("StorageDescriptor", {})
    return TableInfo(
        database=table["DatabaseName"],
        name=table["Name"],
        table_type=table.get("TableType", ""),
        format=table_format(table),
        location=storage.get("Location", ""),
        column_count=len(storage.get("Columns", [])),
        partition_keys=tuple(key["Name"] for key in table.get("PartitionKeys", [])),
        created_on=table.get("CreateTime"),
        updated_on=table.get("UpdateTime"),
    )


def table_columns(table: "Table") -> tuple[Column, ...]:
    """Data columns then partition keys of Glue's Table structure."""
    data = table.get("StorageDescriptor", {}).get("Columns", [])
    keys = table.get("PartitionKeys", [])
    return tuple(_column(column, False) for column in data) + tuple(
        _column(key, True) for key in keys
    )


def table_format(table: "Table") -> str:
    """The data format: the crawler's classification, the table type, else the SerDe's name."""
    storage = table.get("StorageDescriptor", {})
    parameters = {**storage.get("Parameters", {}), **table.get("Parameters", {})}
    if parameters.get("classification"):
        return str(parameters["classification"]).lower()
    if parameters.get("table_type"):
        return str(parameters["table_type"]).lower()
    classes = " ".join(
        (
            storage.get("SerdeInfo", {}).get("SerializationLibrary", ""),
            storage.get("InputFormat", ""),
        )
    ).lower()
    return next((name for hint, name in _FORMAT_HINTS if hint in classes), "")


def _column(column: "ColumnOutputTypeDef", partition_key: bool) -> Column:
    return Column(column["Name"], column.get("Type", ""), column.get("Comment", ""), partition_key)


def _matches(name: str, pattern: str | None) -> bool:
    return pattern is None or fnmatchcase(name.lower(), pattern.lower())
