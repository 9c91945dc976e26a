"""Joins: other sources joined onto the rows so far, on key columns both sides name alike."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import joined, quote, str_list
from gluestack.spec.transform import JoinKind, JoinSpec, TransformSpec
from gluestack.spec.transform_steps.columns import Columns, column_names, main_source
from gluestack.spec.transform_steps.duckdb_text import chained, identifiers
from gluestack.spec.transform_steps.step import CheckState, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

_DUCKDB_JOINS: dict[JoinKind, str] = {
    "inner": "JOIN",
    "left": "LEFT JOIN",
    "right": "RIGHT JOIN",
    "outer": "FULL JOIN",
    "left_semi": "SEMI JOIN",
    "left_anti": "ANTI JOIN",
}


class JoinStep(TransformStep):
    name = "joins"
    block = "joins"

    def check(self, state: CheckState) -> None:
        for index, join in enumerate(state.transform.joins):
            self._check_join(state, index, join)

    def _check_join(self, state: CheckState, index: int, join: JoinSpec) -> None:
        right = state.sources.get(join.source)
        if right is None or join.source == main_source(state.transform):
            state.problem(
                ("joins", index, "source"),
                f"'{join.source}' is not one of the other sources: "
                f"{', '.join(state.transform.sources)}",
            )
            return
        for key in join.keys:
            for side, columns in (("left", state.columns), (join.source, right)):
                if key not in columns:
                    state.problem(
                        ("joins", index, "keys"),
                        f"join key '{key}' is not a column of {side}; "
                        f"it has {column_names(columns)}",
                    )
        clashes = sorted((set(state.columns) & set(right)) - set(join.keys))
        if clashes:
            state.problem(
                ("joins", index),
                f"columns {', '.join(clashes)} are on both sides: map or drop them in one source",
            )
        state.columns.update({k: v for k, v in right.items() if k not in join.keys})

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        lines = []
        for join in transform.joins:
            lines.append(f"# {join.how} join with {join.source} on {', '.join(join.keys)}")
            arguments = [
                f"{join.source}.toDF()",
                f"on={str_list(join.keys)}",
                f"how={quote(join.how)}",
            ]
            lines.append(joined("rows = rows.join(", arguments, ")"))
        return lines

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        for join in transform.joins:
            rows = rows.join(frames[join.source], on=join.keys, how=join.how)
        return rows

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        def join_sql(left: str, join: JoinSpec) -> str:
            keys = identifiers(join.keys)
            # Spark puts the keys first; DuckDB keeps them where the left side has them.
            return (
                f"SELECT {keys}, * EXCLUDE ({keys}) FROM {left} "
                f"{_DUCKDB_JOINS[join.how]} {relations[join.source]} USING ({keys})"
            )

        return chained(previous, "joined", transform.joins, join_sql)
