"""ApplyMapping: the columns kept, renamed and cast; unmapped columns are dropped."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gluestack.codegen.python_text import joined, quote
from gluestack.spec.glue_types import is_lossless
from gluestack.spec.transform import MappingSpec, TransformSpec
from gluestack.spec.transform_steps.columns import Columns
from gluestack.spec.transform_steps.duckdb_text import duckdb_type, identifier
from gluestack.spec.transform_steps.step import CheckState, FrameKind, TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class MappingStep(TransformStep):
    name = "mappings"
    frame_kind = FrameKind.DYNAMIC
    frame_variable = "mapped"
    block = "mapping"

    def check(self, state: CheckState) -> None:
        mapped: Columns = {}
        for index, mapping in enumerate(state.transform.mapping_specs()):
            if not state.known(("mappings", index), mapping.source):
                continue
            source_type = state.columns[mapping.source]
            target_type = mapping.type or source_type
            if not mapping.allow_lossy and not is_lossless(source_type, target_type):
                state.problem(
                    ("mappings", index),
                    f"{mapping.source}: cast {source_type} -> {target_type} may lose data; "
                    "set allow_lossy: true if that is meant, or keep the type",
                )
            if mapping.target_name in mapped:
                state.problem(("mappings", index), f"'{mapping.target_name}' is mapped twice")
            mapped[mapping.target_name] = target_type
        state.columns = mapped

    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        tuples = [_mapping_tuple(m, columns_before) for m in transform.mapping_specs()]
        call = joined(
            f"{self.frame_variable} = ApplyMapping.apply(",
            [
                f"frame={frame}",
                joined("mappings=[", tuples, "]"),
                f"transformation_ctx={quote(self.frame_variable)}",
            ],
            ")",
        )
        return [
            "# ApplyMapping: keep, rename and cast columns (unmapped columns are dropped)",
            call,
        ]

    def imports(self, transform: TransformSpec) -> set[str]:
        return {"from awsglue.transforms import ApplyMapping"}

    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        from pyspark.sql import functions as F

        return rows.select(
            *[
                (F.col(m.source).cast(m.type) if m.type else F.col(m.source)).alias(m.target_name)
                for m in transform.mapping_specs()
            ]
        )

    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        columns = [
            f"CAST({identifier(m.source)} AS {duckdb_type(m.type)}) AS {identifier(m.target_name)}"
            if m.type
            else f"{identifier(m.source)} AS {identifier(m.target_name)}"
            for m in transform.mapping_specs()
        ]
        return f"SELECT {', '.join(columns)} FROM {previous}"


def _mapping_tuple(mapping: MappingSpec, columns: Columns) -> str:
    """(source, its type, target, its type), as ApplyMapping takes a column."""
    source_type = columns.get(mapping.source, "string")
    return (
        f"({quote(mapping.source)}, {quote(source_type)}, "
        f"{quote(mapping.target_name)}, {quote(mapping.type or source_type)})"
    )
