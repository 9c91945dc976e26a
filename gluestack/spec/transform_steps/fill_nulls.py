"""Fill nulls: a default value for each named column's nulls."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import joined, literal, quote
from gluestack.spec.glue_types import is_numeric
from gluestack.spec.transform import FillValue, TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.duckdb_text import duckdb_type, identifier, sql_literal
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class FillNullsStep(TransformStep):
    name = "fill_nulls"

    def check(self, state: CheckState) -> None:
        for name, value in state.transform.fill_nulls.items():
            if state.known(("fill_nulls", name), name) and not _fits(value, state.columns[name]):
                state.problem(
                    ("fill_nulls", name),
                    f"{value!r} does not fit column '{name}' of type {state.columns[name]}",
                )

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        values = [f"{quote(k)}: {literal(v)}" for k, v in transform.fill_nulls.items()]
        return ["# Defaults for missing values", joined("rows = rows.fillna({", values, "})")]

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        return rows.fillna(dict(transform.fill_nulls))

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        # Spark casts the value to the column's type, so the column keeps its type.
        filled = ", ".join(
            f"coalesce({identifier(name)}, CAST({sql_literal(value)} AS "
            f"{duckdb_type(columns_before[name])})) AS {identifier(name)}"
            for name, value in transform.fill_nulls.items()
        )
        return f"SELECT * REPLACE ({filled}) FROM {previous}"


def _fits(value: FillValue, column_type: str) -> bool:
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return {
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
    }.get(column_type, numeric and is_numeric(column_type))
