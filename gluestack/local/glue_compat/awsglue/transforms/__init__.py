"""awsglue.transforms: Glue's transform classes, with AWS's names and call signatures.

Each `X.apply(...)` calls the DynamicFrame method Glue's own transform calls. The transforms
gluestack does not emulate are present by name and refuse to run (UnsupportedGlueFeature).
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection
from awsglue.transforms.transform import GlueTransform

Paths = str | Sequence[str]


class ApplyMapping(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, mappings: Sequence[tuple[str, ...]],
        case_sensitive: bool = False, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.apply_mapping(
            mappings, case_sensitive, transformation_ctx, info, stageThreshold, totalThreshold
        )


class SelectFields(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, paths: Paths, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.select_fields(paths, transformation_ctx, info, stageThreshold, totalThreshold)


class DropFields(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, paths: Paths, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.drop_fields(paths, transformation_ctx, info, stageThreshold, totalThreshold)


class RenameField(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, old_name: str, new_name: str, transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.rename_field(
            old_name, new_name, transformation_ctx, info, stageThreshold, totalThreshold
        )


class ResolveChoice(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, specs: Sequence[tuple[str, str]] | None = None,
        choice: str = "", database: str | None = None, table_name: str | None = None,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0, catalog_id: str | None = None,
    ) -> DynamicFrame:  # fmt: skip
        return frame.resolveChoice(
            specs, choice, database, table_name, transformation_ctx, info, stageThreshold,
            totalThreshold, catalog_id,
        )  # fmt: skip


class DropNullFields(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        """Drops the fields null or missing in every record (their type is NullType on Glue)."""
        frame.select_fields([], stageThreshold=stageThreshold, totalThreshold=totalThreshold)
        return frame._drop_null_fields()


class Filter(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, f: Callable[[Any], bool], transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.filter(f, transformation_ctx, info, stageThreshold, totalThreshold)


class Map(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, f: Callable[[Any], Any], preservesPartitioning: bool = False,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.map(
            f, preservesPartitioning, transformation_ctx, info, stageThreshold, totalThreshold
        )


class Join(GlueTransform):
    def __call__(
        self, frame1: DynamicFrame, frame2: DynamicFrame, keys1: Paths, keys2: Paths,
        transformation_ctx: str = "",
    ) -> DynamicFrame:  # fmt: skip
        return frame1.join(keys1, keys2, frame2, transformation_ctx)


class Union(GlueTransform):
    def __call__(
        self, frame1: DynamicFrame, frame2: DynamicFrame, transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame1.union(frame2, transformation_ctx, info, stageThreshold, totalThreshold)


class SplitFields(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, paths: Paths, name1: str | None = None,
        name2: str | None = None, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrameCollection:  # fmt: skip
        # AWS's SplitFields names the parts after the frame when no names are given.
        first = name1 or f"{frame.name}0"
        second = name2 or f"{frame.name}1"
        return frame.split_fields(
            paths, first, second, transformation_ctx, info, stageThreshold, totalThreshold
        )


class SplitRows(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, comparison_dict: Mapping[str, Mapping[str, Any]],
        name1: str = "frame1", name2: str = "frame2", transformation_ctx: str = "",
        info: str | None = None, stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrameCollection:  # fmt: skip
        return frame.split_rows(
            comparison_dict, name1, name2, transformation_ctx, info or "", stageThreshold,
            totalThreshold,
        )  # fmt: skip


class SelectFromCollection(GlueTransform):
    def __call__(
        self, dfc: DynamicFrameCollection, key: str, transformation_ctx: str = ""
    ) -> DynamicFrame:
        return dfc.select(key, transformation_ctx)


class Repartition(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, num_partitions: int, transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.repartition(num_partitions)


class Coalesce(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, num_partitions: int, shuffle: bool = False,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.coalesce(num_partitions, shuffle)


class UnnestFrame(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrame:  # fmt: skip
        return frame.unnest(transformation_ctx, info, stageThreshold, totalThreshold)


class Relationalize(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, staging_path: str | None = None, name: str = "roottable",
        options: Mapping[str, Any] | None = None, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> DynamicFrameCollection:  # fmt: skip
        return frame.relationalize(
            name, staging_path or "", options, transformation_ctx, info, stageThreshold,
            totalThreshold,
        )  # fmt: skip


class Unbox(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, path: str, format: str, transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0, *,
        separator: str | None = None, escaper: str | None = None, skipFirst: bool | None = None,
        withSchema: str | None = None, withHeader: bool | None = None,
    ) -> DynamicFrame:  # fmt: skip
        return frame.unbox(
            path, format, transformation_ctx, info, stageThreshold, totalThreshold,
            separator=separator, escaper=escaper, skipFirst=skipFirst, withSchema=withSchema,
            withHeader=withHeader,
        )  # fmt: skip


class MapToCollection(GlueTransform):
    def __call__(
        self, dfc: DynamicFrameCollection, callable: Callable[[DynamicFrame, str], DynamicFrame],
        transformation_ctx: str = "",
    ) -> DynamicFrameCollection:  # fmt: skip
        return dfc.map(callable, transformation_ctx)


class FlatMap(GlueTransform):
    """BaseTransform applied to each frame of dfc, passed as its argument frame_name (AWS's)."""

    def __call__(
        self, dfc: DynamicFrameCollection, BaseTransform: type[GlueTransform], frame_name: str,
        transformation_ctx: str = "", **base_kwargs: Any,
    ) -> DynamicFrameCollection:  # fmt: skip
        def apply_inner(frame: DynamicFrame, context: str) -> Any:
            arguments = {**base_kwargs, frame_name: frame, "transformation_ctx": context}
            return BaseTransform.apply(**arguments)

        return dfc.flatmap(apply_inner, transformation_ctx)


# Present so imports work; calling it raises UnsupportedGlueFeature naming the transform: the
# shape of Glue's error records is not documented.
class ErrorsAsDynamicFrame(GlueTransform): ...


class Spigot(GlueTransform):
    def __call__(
        self, frame: DynamicFrame, path: str, options: Mapping[str, Any] | None = None,
        transformation_ctx: str = "",
    ) -> DynamicFrame:  # fmt: skip
        return frame.spigot(path, options, transformation_ctx)


ALL_TRANSFORMS = {
    ApplyMapping, Coalesce, DropFields, DropNullFields, ErrorsAsDynamicFrame, Filter, FlatMap,
    Join, Map, MapToCollection, Relationalize, RenameField, Repartition, ResolveChoice,
    SelectFields, SelectFromCollection, Spigot, SplitFields, SplitRows, Unbox, Union, UnnestFrame,
}  # fmt: skip

__all__ = ["GlueTransform", *sorted(t.__name__ for t in ALL_TRANSFORMS)]
