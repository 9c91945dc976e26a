"""resolveChoice and SplitRows over one-schema frames.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ResolveChoice.html
A choice type arises in Glue when records disagree on a field's type. Locally a frame has one
schema, so no column holds a choice: `cast:T` and `project:T` cast, `make_cols`,
`make_struct` and `make_array` leave a column without a choice as it is, and `match_catalog`
casts each column the catalog table has to the table's type.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from gluestack.local.glue_compat.field_paths import cast_field, quote_name, sql_path
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

_UNCHANGED_ACTIONS = ("make_cols", "make_struct", "make_array")
_COMPARISONS = {">": "__gt__", "<": "__lt__", ">=": "__ge__", "<=": "__le__", "=": "__eq__",
                "==": "__eq__", "!=": "__ne__"}  # fmt: skip


def resolve_choice(
    frame: DataFrame,
    specs: Sequence[tuple[str, str]],
    choice: str,
    glue_context: Any,
    database: str | None,
    table_name: str | None,
    catalog_id: str | None,
) -> DataFrame:
    """Apply specs (path, action) or one choice action to every column."""
    if specs and choice:
        raise ValueError("resolveChoice takes specs or choice, not both")
    if catalog_id:
        raise UnsupportedGlueFeature("resolveChoice(catalog_id=...)")
    if choice == "match_catalog":
        return _match_catalog(frame, glue_context, database, table_name)
    if choice:
        return frame if _action(choice)[0] in _UNCHANGED_ACTIONS else _cast_all(frame, choice)
    for path, action in specs:
        kind, target = _action(action)
        if kind in ("cast", "project"):
            frame = cast_field(frame, path, target)
    return frame


def comparison_condition(comparison_dict: Mapping[str, Mapping[str, Any]]) -> Column:
    """SplitRows' {"path": {">": 10, "<": 20}} as one condition, every comparison holding."""
    condition: Column | None = None
    for path, comparisons in comparison_dict.items():
        for operator, value in comparisons.items():
            if operator not in _COMPARISONS:
                raise UnsupportedGlueFeature(f"SplitRows comparison '{operator}'")
            term = getattr(F.col(sql_path(path)), _COMPARISONS[operator])(F.lit(value))
            condition = term if condition is None else condition & term
    if condition is None:
        raise ValueError("SplitRows needs at least one comparison")
    return condition


def _action(action: str) -> tuple[str, str]:
    kind, _, target = action.partition(":")
    if kind not in ("cast", "project", *_UNCHANGED_ACTIONS, "match_catalog"):
        raise UnsupportedGlueFeature(f"resolveChoice action '{action}'")
    if kind in ("cast", "project") and not target:
        raise ValueError(f"resolveChoice action '{action}' needs a type, e.g. 'cast:int'")
    return kind, target


def _cast_all(frame: DataFrame, choice: str) -> DataFrame:
    _kind, target = _action(choice)
    return frame.select(
        *[F.expr(f"try_cast({quote_name(c)} as {target})").alias(c) for c in frame.columns]
    )


def _match_catalog(
    frame: DataFrame, glue_context: Any, database: str | None, table_name: str | None
) -> DataFrame:
    if not database or not table_name:
        raise ValueError("resolveChoice(choice='match_catalog') needs database and table_name")
    from gluestack.local.glue_compat.catalog import catalog_table

    table = catalog_table(glue_context.runtime.glue_client(), database, table_name)
    types = {name.lower(): kind for name, kind in table.columns + table.partition_keys}
    return frame.select(
        *[
            F.expr(f"try_cast({quote_name(c)} as {types[c.lower()]})").alias(c)
            if c.lower() in types
            else F.col(quote_name(c))
            for c in frame.columns
        ]
    )
