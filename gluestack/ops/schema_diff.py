"""What changed in a table's schema between two of its versions (UpdateTable keeps versions)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gluestack.ops.catalog import Column, table_columns
from gluestack.ops.errors import ResourceNotFound, typed_refusals

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

    from gluestack.ops.catalog import Table


@dataclass(frozen=True)
class TypeChange:
    """A column whose type changed."""

    name: str
    old_type: str
    new_type: str


@dataclass(frozen=True)
class ColumnsDiff:
    """Columns added, removed and retyped, matched by name (case-insensitive, as Glue does)."""

    added: tuple[Column, ...]
    removed: tuple[Column, ...]
    type_changed: tuple[TypeChange, ...]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.type_changed)


@dataclass(frozen=True)
class SchemaDiff:
    """Data-column and partition-key changes from one table version to another."""

    database: str
    table: str
    from_version: str
    to_version: str
    columns: ColumnsDiff
    partition_keys: ColumnsDiff

    @property
    def changed(self) -> bool:
        return self.columns.changed or self.partition_keys.changed


def table_schema_diff(
    glue: "GlueClient",
    database: str,
    table: str,
    *,
    from_version: str | None = None,
    to_version: str | None = None,
) -> SchemaDiff:
    """Diff two versions; by default the latest against the one before it.

    Without from_version, the version preceding to_version is used (itself for a table with
    a single version, which then shows no change).
    """
    identifier = f"{database}.{table}"
    known: dict[str, Table] = {}
    if from_version is None or to_version is None:
        known = _all_versions(glue, database, table)
        ids = sorted(known, key=int)
        if not ids:
            raise ResourceNotFound(f"Glue table '{identifier}' has no versions")
        to_version = to_version or ids[-1]
        from_version = from_version or _preceding(ids, to_version, identifier)
    old = known.get(from_version) or _version(glue, database, table, from_version)
    new = known.get(to_version) or _version(glue, database, table, to_version)
    old_columns, new_columns = table_columns(old), table_columns(new)
    return SchemaDiff(
        database=database,
        table=table,
        from_version=from_version,
        to_version=to_version,
        columns=diff_columns(_data(old_columns), _data(new_columns)),
        partition_keys=diff_columns(_keys(old_columns), _keys(new_columns)),
    )


def diff_columns(old: list[Column], new: list[Column]) -> ColumnsDiff:
    """Added, removed and retyped columns from old to new, in new's (then old's) order."""
    before = {column.name.lower(): column for column in old}
    after = {column.name.lower(): column for column in new}
    return ColumnsDiff(
        added=tuple(column for name, column in after.items() if name not in before),
        removed=tuple(column for name, column in before.items() if name not in after),
        type_changed=tuple(
            TypeChange(column.name, before[name].type, column.type)
            for name, column in after.items()
            if name in before and before[name].type != column.type
        ),
    )


def _all_versions(glue: "GlueClient", database: str, table: str) -> dict[str, "Table"]:
    with typed_refusals("Glue table", f"{database}.{table}"):
        pages = glue.get_paginator("get_table_versions").paginate(
            DatabaseName=database, TableName=table
        )
        return {
            version["VersionId"]: version["Table"]
            for page in pages
            for version in page["TableVersions"]
        }


def _version(glue: "GlueClient", database: str, table: str, version: str) -> "Table":
    with typed_refusals("Glue table version", f"{database}.{table} version {version}"):
        response = glue.get_table_version(DatabaseName=database, TableName=table, VersionId=version)
    return response["TableVersion"]["Table"].copy()


def _preceding(ids: list[str], version: str, identifier: str) -> str:
    if version not in ids:
        raise ResourceNotFound(f"Glue table version '{identifier} version {version}' not found")
    return ids[max(ids.index(version) - 1, 0)]


def _data(columns: tuple[Column, ...]) -> list[Column]:
    return [column for column in columns if not column.partition_key]


def _keys(columns: tuple[Column, ...]) -> list[Column]:
    return [column for column in columns if column.partition_key]
