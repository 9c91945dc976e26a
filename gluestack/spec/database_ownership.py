"""Who owns a database several specs name: the account (existing_database) or gluestack."""

from collections.abc import Iterable

from gluestack.spec.errors import SpecIssue
from gluestack.spec.pipeline import PipelineSpec


def mixed_ownership(sourced: Iterable[tuple[str, PipelineSpec]]) -> tuple[str, SpecIssue] | None:
    """The first spec (with its source: a file, or what names a spec built in Python) naming a
    database that an earlier one names with the other `existing_database`, and the issue."""
    first: dict[str, tuple[str, PipelineSpec]] = {}
    for source, spec in sourced:
        other_source, other = first.setdefault(spec.database, (source, spec))
        if other.existing_database != spec.existing_database:
            return source, _issue(spec, other_source)
    return None


def _issue(spec: PipelineSpec, other_source: str) -> SpecIssue:
    here, there = _ownership(spec.existing_database), _ownership(not spec.existing_database)
    return SpecIssue(
        ("database",),
        f"database '{spec.database}' is {here} here but {there} in {other_source}: one "
        "database is either the account's or gluestack's; give every spec naming it the same "
        "existing_database",
    )


def _ownership(existing: bool) -> str:
    return (
        "the account's (existing_database: true)"
        if existing
        else "created by gluestack (existing_database: false)"
    )
