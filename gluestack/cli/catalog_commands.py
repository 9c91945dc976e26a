"""`gluestack catalog ...`: databases, tables, columns, partitions and schema changes."""

import json
from dataclasses import asdict
from typing import Annotated, Any, NoReturn

import typer
from botocore.exceptions import ClientError, NoRegionError
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from gluestack.cli.catalog_access import OfflineCatalogOption, catalog_client
from gluestack.cli.common import (
    FAILURE_EXIT,
    OPERATION_ERRORS,
    USAGE_EXIT,
    EndpointOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    console,
    fail,
)
from gluestack.local.records.catalog_snapshot import catalog_file
from gluestack.local.records.workspace import DEFAULT_WORKSPACE, Workspace
from gluestack.ops import InvalidRequest
from gluestack.ops.catalog import describe_table, list_databases, list_tables
from gluestack.ops.partitions import list_partitions
from gluestack.ops.schema_diff import ColumnsDiff, SchemaDiff, table_schema_diff

TableArgument = Annotated[str, typer.Argument(metavar="DB.TABLE", help="database.table")]

catalog = typer.Typer(no_args_is_help=True, help="The Glue Data Catalog.")


@catalog.command("databases")
def databases(
    name_filter: Annotated[
        str | None, typer.Option("--filter", help="Name pattern, e.g. 'sales_*'.")
    ] = None,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
    workspace: OfflineCatalogOption = None,
) -> None:
    """The catalog's databases."""
    try:
        with catalog_client(endpoint_url, region, profile, workspace) as glue:
            found = list_databases(glue, name_filter)
    except OPERATION_ERRORS as error:
        _fail(error)
    if as_json:
        _echo_json([asdict(database) for database in found])
        return
    table = Table(title=f"{len(found)} databases")
    for column in ("name", "location", "description"):
        table.add_column(column)
    for database in found:
        _add_row(table, database.name, database.location, database.description)
    console.print(table)


@catalog.command("tables")
def tables(
    database: str,
    name_filter: Annotated[
        str | None, typer.Option("--filter", help="Table name pattern, e.g. 'flights_*'.")
    ] = None,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
    workspace: OfflineCatalogOption = None,
) -> None:
    """A database's tables: format, columns, partition keys, location."""
    try:
        with catalog_client(endpoint_url, region, profile, workspace) as glue:
            found = list_tables(glue, database, pattern=name_filter)
    except OPERATION_ERRORS as error:
        _fail(error)
    if as_json:
        _echo_json([asdict(table) for table in found])
        return
    table = Table(title=f"{database}: {len(found)} tables")
    for column in ("name", "format", "columns", "partition keys", "location", "updated"):
        table.add_column(column, justify="right" if column == "columns" else "left")
    for info in found:
        updated = info.updated_on or info.created_on
        _add_row(
            table,
            info.name,
            info.format,
            str(info.column_count),
            ", ".join(info.partition_keys),
            info.location,
            f"{updated:%Y-%m-%d %H:%M}" if updated else "",
        )
    console.print(table)


@catalog.command("show")
def show(
    table_ref: TableArgument,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
    workspace: OfflineCatalogOption = None,
) -> None:
    """A table's location, format, columns and partition keys."""
    database, name = _split(table_ref)
    try:
        with catalog_client(endpoint_url, region, profile, workspace) as glue:
            detail = describe_table(glue, database, name)
    except OPERATION_ERRORS as error:
        _fail(error)
    if as_json:
        _echo_json(asdict(detail))
        return
    info = detail.table
    keys = ", ".join(info.partition_keys) or "-"
    for label, value in (
        ("location", info.location),
        ("format", info.format),
        ("partition keys", keys),
    ):
        console.print(f"[bold]{label}[/]: {escape(value)}", highlight=False)
    table = Table(title=f"{database}.{name}")
    for header in ("column", "type", "partition key", "comment"):
        table.add_column(header)
    for column in detail.columns:
        key = "yes" if column.partition_key else ""
        _add_row(table, column.name, column.type, key, column.comment)
    console.print(table)


@catalog.command("partitions")
def partitions(
    table_ref: TableArgument,
    where: Annotated[
        str | None,
        typer.Option("--where", help="Glue partition expression, e.g. \"year = '2024'\"."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
    workspace: OfflineCatalogOption = None,
) -> None:
    """A table's partitions, optionally filtered by a partition expression."""
    database, name = _split(table_ref)
    try:
        with catalog_client(endpoint_url, region, profile, workspace) as glue:
            keys = describe_table(glue, database, name).table.partition_keys
            found = list_partitions(glue, database, name, expression=where, limit=limit)
    except OPERATION_ERRORS as error:
        _fail(error)
    if as_json:
        _echo_json({"partition_keys": keys, "partitions": [asdict(p) for p in found]})
        return
    table = Table(title=f"{database}.{name}: {len(found)} partitions")
    for column in (*keys, "location", "created"):
        table.add_column(column)
    for partition in found:
        created = f"{partition.created_on:%Y-%m-%d %H:%M}" if partition.created_on else ""
        _add_row(table, *partition.values, partition.location, created)
    console.print(table)


@catalog.command("diff")
def diff(
    table_ref: TableArgument,
    from_version: Annotated[
        int | None, typer.Option("--from", help="Older version (default: the one before --to).")
    ] = None,
    to_version: Annotated[
        int | None, typer.Option("--to", help="Newer version (default: the latest).")
    ] = None,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
    workspace: OfflineCatalogOption = None,
) -> None:
    """Columns and partition keys added, removed or retyped between two table versions."""
    database, name = _split(table_ref)
    try:
        with catalog_client(endpoint_url, region, profile, workspace) as glue:
            result = table_schema_diff(
                glue,
                database,
                name,
                from_version=None if from_version is None else str(from_version),
                to_version=None if to_version is None else str(to_version),
            )
    except OPERATION_ERRORS as error:
        _fail(error)
    if as_json:
        _echo_json({**asdict(result), "changed": result.changed})
        return
    _print_diff(result)


def _print_diff(result: SchemaDiff) -> None:
    span = f"{result.database}.{result.table} version {result.from_version} -> {result.to_version}"
    if not result.changed:
        console.print(f"{span}: no schema changes", highlight=False)
        return
    console.print(f"{span}:", highlight=False)
    _print_columns_diff("column", result.columns)
    _print_columns_diff("partition key", result.partition_keys)


def _print_columns_diff(kind: str, changes: ColumnsDiff) -> None:
    lines = [
        *(("green", f"+ {kind} {column.name} {column.type}") for column in changes.added),
        *(("red", f"- {kind} {column.name} {column.type}") for column in changes.removed),
        *(
            ("yellow", f"~ {kind} {change.name} {change.old_type} -> {change.new_type}")
            for change in changes.type_changed
        ),
    ]
    for colour, line in lines:
        console.print(Text(line, style=colour), highlight=False)


def _split(table_ref: str) -> tuple[str, str]:
    """DB.TABLE as (database, table); exit 2 when it is not written that way."""
    database, _, table = table_ref.partition(".")
    if not database or not table:
        fail(f"'{table_ref}': name the table as DATABASE.TABLE", USAGE_EXIT)
    return database, table


def _add_row(table: Table, *cells: str) -> None:
    """Cells as plain text: names, locations and comments may hold [brackets]."""
    table.add_row(*map(Text, cells))


def _fail(error: Exception) -> NoReturn:
    """Exit 2 when Glue rejected the input (a bad --where expression), else 1."""
    if isinstance(error, NoRegionError) and catalog_file(Workspace(DEFAULT_WORKSPACE)).is_file():
        fail(f"{error}; for the offline catalog `gluestack local run` left, add --workspace "
             f"{DEFAULT_WORKSPACE}")  # fmt: skip
    invalid_input = isinstance(error, InvalidRequest) or (
        isinstance(error, ClientError)
        and error.response["Error"]["Code"] == "InvalidInputException"
    )
    fail(error, USAGE_EXIT if invalid_input else FAILURE_EXIT)


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, default=str, indent=2))


def register(app: typer.Typer) -> None:
    app.add_typer(catalog, name="catalog")
