"""Null markers: text values (such as NA) read as null in every string column."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import joined, str_list
from gluestack.spec.transform import TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.duckdb_text import identifier, sql_literal
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class NullValuesStep(TransformStep):
    name = "null_values"

    def check(self, state: CheckState) -> None:
        """Nothing to check: the markers are values, and every string column is meant."""

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        # Backquoted: a name with a dot in it is one column, not a struct's field.
        select = joined(
            "rows = rows.select(",
            [
                '*[F.when(F.col(f"`{name}`").isin('
                + str_list(transform.null_values)
                + '), None).otherwise(F.col(f"`{name}`")).alias(name) if kind == "string" '
                'else F.col(f"`{name}`") for name, kind in rows.dtypes]'
            ],
            ")",
        )
        return [
            f"# Text read as null in every string column: {', '.join(transform.null_values)}",
            select,
        ]

    def imports(self, transform: TransformSpec) -> set[str]:
        return {"from pyspark.sql import functions as F"}

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        from pyspark.sql import functions as F

        markers = transform.null_values
        return rows.select(
            *[
                F.when(F.col(f"`{name}`").isin(markers), None)
                .otherwise(F.col(f"`{name}`"))
                .alias(name)
                if kind == "string"
                else F.col(f"`{name}`")
                for name, kind in rows.dtypes
            ]
        )

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        markers = ", ".join(sql_literal(value) for value in transform.null_values)
        replaced = [
            f"CASE WHEN {identifier(name)} IN ({markers}) THEN NULL "
            f"ELSE {identifier(name)} END AS {identifier(name)}"
            for name, kind in columns_before.items()
            if kind == "string"
        ]
        if not replaced:
            return f"SELECT * FROM {previous}"
        return f"SELECT * REPLACE ({', '.join(replaced)}) FROM {previous}"
