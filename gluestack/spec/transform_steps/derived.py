"""Derived columns: Spark SQL expressions over the columns so far, each cast to its type."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import quote
from gluestack.spec.transform import DerivedColumn, TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.duckdb_text import chained, duckdb_type, identifier
from gluestack.spec.transform_steps.script_text import sql_argument
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class DerivedStep(TransformStep):
    name = "derived"

    def check(self, state: CheckState) -> None:
        for name, derived in state.transform.derived.items():
            state.references(("derived", name, "expression"), derived.expression)
            state.columns[name] = derived.type

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        lines = []
        for name, derived in transform.derived.items():
            cast = f").cast({quote(derived.type)}))"
            head = f"rows = rows.withColumn({quote(name)}, F.expr("
            text, prelude = sql_argument(f"{name}_sql", derived.expression, head, cast)
            lines += [*prelude, f"{head}{text}{cast}"]
        return lines

    def imports(self, transform: TransformSpec) -> set[str]:
        return {"from pyspark.sql import functions as F"}

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        from pyspark.sql import functions as F

        for name, derived in transform.derived.items():
            rows = rows.withColumn(name, F.expr(derived.expression).cast(derived.type))
        return rows

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        def derive(relation: str, column: tuple[str, DerivedColumn]) -> str:
            name, derived = column
            value = (
                f"CAST({derived.expression} AS {duckdb_type(derived.type)}) AS {identifier(name)}"
            )
            # withColumn replaces a column of the same name, where DuckDB would add a second.
            if name in columns_before:
                return f"SELECT * REPLACE ({value}) FROM {relation}"
            return f"SELECT *, {value} FROM {relation}"

        return chained(previous, "derived", list(transform.derived.items()), derive)
