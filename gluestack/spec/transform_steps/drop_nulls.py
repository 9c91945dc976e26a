"""Drop nulls: rows with a null in any of the named columns are removed."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import joined, str_list
from gluestack.spec.transform import TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.duckdb_text import identifier
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class DropNullsStep(TransformStep):
    name = "drop_nulls"

    def check(self, state: CheckState) -> None:
        for index, name in enumerate(state.transform.drop_nulls):
            state.known(("drop_nulls", index), name)

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        return [
            "# Drop rows missing a value that matters",
            joined("rows = rows.dropna(", [f"subset={str_list(transform.drop_nulls)}"], ")"),
        ]

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        return rows.dropna(subset=transform.drop_nulls)

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        present = " AND ".join(f"{identifier(c)} IS NOT NULL" for c in transform.drop_nulls)
        return f"SELECT * FROM {previous} WHERE {present}"
