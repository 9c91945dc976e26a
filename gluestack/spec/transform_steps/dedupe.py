"""Dedupe: one row kept per combination of the named columns."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import joined, str_list
from gluestack.spec.transform import TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.duckdb_text import identifiers
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class DedupeStep(TransformStep):
    name = "dedupe"

    def check(self, state: CheckState) -> None:
        for index, key in enumerate(state.transform.dedupe):
            state.known(("dedupe", index), key)

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        return [
            "# One row per key",
            joined("rows = rows.dropDuplicates(", [str_list(transform.dedupe)], ")"),
        ]

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        return rows.dropDuplicates(transform.dedupe)

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        keys = identifiers(transform.dedupe)
        return f"SELECT * FROM {previous} QUALIFY row_number() OVER (PARTITION BY {keys}) = 1"
