"""awsglue.transforms: the commonly used Glue transforms, as Glue Studio scripts call them."""

from collections.abc import Callable
from typing import Any

from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection

__all__ = [
    "ApplyMapping",
    "DropFields",
    "DropNullFields",
    "Filter",
    "Join",
    "Map",
    "RenameField",
    "ResolveChoice",
    "SelectFields",
    "SplitFields",
]


class ApplyMapping:
    @classmethod
    def apply(cls, frame: DynamicFrame, mappings: list[tuple[str, ...]], **_: Any) -> DynamicFrame:
        return frame.apply_mapping(mappings)


class SelectFields:
    @classmethod
    def apply(cls, frame: DynamicFrame, paths: list[str], **_: Any) -> DynamicFrame:
        return frame.select_fields(paths)


class DropFields:
    @classmethod
    def apply(cls, frame: DynamicFrame, paths: list[str], **_: Any) -> DynamicFrame:
        return frame.drop_fields(paths)


class RenameField:
    @classmethod
    def apply(cls, frame: DynamicFrame, old_name: str, new_name: str, **_: Any) -> DynamicFrame:
        return frame.rename_field(old_name, new_name)


class ResolveChoice:
    @classmethod
    def apply(
        cls,
        frame: DynamicFrame,
        specs: list[tuple[str, str]] | None = None,
        choice: str = "",
        **_: Any,
    ) -> DynamicFrame:
        return frame.resolveChoice(specs=specs, choice=choice)


class DropNullFields:
    @classmethod
    def apply(cls, frame: DynamicFrame, **_: Any) -> DynamicFrame:
        return frame.drop_null_fields()


class Filter:
    @classmethod
    def apply(
        cls, frame: DynamicFrame, f: Callable[[dict[str, Any]], bool], **_: Any
    ) -> DynamicFrame:
        return frame.filter(f)


class Map:
    @classmethod
    def apply(
        cls, frame: DynamicFrame, f: Callable[[dict[str, Any]], dict[str, Any]], **_: Any
    ) -> DynamicFrame:
        return frame.map(f)


class Join:
    @classmethod
    def apply(
        cls,
        frame1: DynamicFrame,
        frame2: DynamicFrame,
        keys1: list[str],
        keys2: list[str],
        **_: Any,
    ) -> DynamicFrame:
        return frame1.join(keys1, keys2, frame2)


class SplitFields:
    @classmethod
    def apply(
        cls,
        frame: DynamicFrame,
        paths: list[str],
        name1: str | None = None,
        name2: str | None = None,
        **_: Any,
    ) -> DynamicFrameCollection:
        selected = frame.select_fields(paths)
        rest = frame.drop_fields(paths)
        names = (name1 or f"{frame.name}0", name2 or f"{frame.name}1")
        return DynamicFrameCollection(
            dict(zip(names, (selected, rest), strict=True)), frame.glue_ctx
        )
