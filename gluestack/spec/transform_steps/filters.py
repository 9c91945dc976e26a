"""Filters: Spark SQL conditions; a row is kept when every one holds."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.spec.transform import TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.script_text import sql_argument
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class FiltersStep(TransformStep):
    name = "filters"

    def check(self, state: CheckState) -> None:
        for index, condition in enumerate(state.transform.filters):
            state.references(("filters", index), condition)

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        lines = []
        for index, condition in enumerate(transform.filters, start=1):
            text, prelude = sql_argument(f"condition_{index}", condition, "rows = rows.where(", ")")
            lines += ["# Keep rows where this holds", *prelude, f"rows = rows.where({text})"]
        return lines

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        for condition in transform.filters:
            rows = rows.where(condition)
        return rows

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        conditions = " AND ".join(f"({condition})" for condition in transform.filters)
        return f"SELECT * FROM {previous} WHERE {conditions}"
