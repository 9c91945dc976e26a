"""Drop: columns removed after the mappings (or from all the columns)."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import quote
from gluestack.spec.transform import TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.duckdb_text import identifiers
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class DropStep(TransformStep):
    name = "drop"

    def check(self, state: CheckState) -> None:
        for index, name in enumerate(state.transform.drop):
            if state.known(("drop", index), name):
                del state.columns[name]

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        names = ", ".join(quote(c) for c in transform.drop)
        return ["# Remove columns", f"rows = rows.drop({names})"]

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        return rows.drop(*transform.drop)

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        return f"SELECT * EXCLUDE ({identifiers(transform.drop)}) FROM {previous}"
