"""awsglue.dynamicframe: DynamicFrame over a Spark DataFrame, and its reader, writer, collection.

Method names and signatures are AWS's (awslabs/aws-glue-libs, awsglue/dynamicframe.py), so
scripts and the tests that patch these classes work unchanged. Locally a DynamicFrame holds one
DataFrame with one schema, so choice types do not arise (see resolveChoice).
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from pyspark.sql import DataFrame, Row
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

from gluestack.local.glue_compat import field_paths, flattening, spigot
from gluestack.local.glue_compat.options import refuse_non_default
from gluestack.local.glue_compat.record_functions import RecordErrors, apply_to_records
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

Paths = str | Sequence[str]


class DynamicFrame:
    """A named DataFrame with Glue's DynamicFrame methods."""

    def __init__(
        self, jdf: DataFrame, glue_ctx: Any, name: str = "", errors: RecordErrors | None = None
    ) -> None:
        if not isinstance(jdf, DataFrame):
            raise UnsupportedGlueFeature(
                "DynamicFrame(<a Java DataFrame>); use DynamicFrame.fromDF"
            )
        self._frame = jdf
        self.glue_ctx = glue_ctx
        self.name = name
        self._errors = errors or RecordErrors()

    @classmethod
    def fromDF(cls, dataframe: DataFrame, glue_ctx: Any, name: str = "") -> "DynamicFrame":
        return cls(dataframe, glue_ctx, name)

    def toDF(self, options: Sequence[Any] | None = None) -> DataFrame:
        if options:
            raise UnsupportedGlueFeature("DynamicFrame.toDF(options=...)")
        return self._frame

    def _with(self, frame: DataFrame, errors: RecordErrors | None = None) -> "DynamicFrame":
        return DynamicFrame(frame, self.glue_ctx, self.name, errors or self._errors)

    def count(self) -> int:
        return self._frame.count()

    def schema(self) -> StructType:
        return self._frame.schema

    def printSchema(self) -> None:
        self._frame.printSchema()

    def show(self, num_rows: int = 20) -> None:
        self._frame.show(num_rows, truncate=False)

    def select_fields(
        self, paths: Paths, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        _thresholds("select_fields", stageThreshold, totalThreshold)
        return self._with(field_paths.select_fields(self._frame, field_paths.as_paths(paths)))

    def drop_fields(
        self, paths: Paths, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        _thresholds("drop_fields", stageThreshold, totalThreshold)
        return self._with(field_paths.drop_fields(self._frame, field_paths.as_paths(paths)))

    def rename_field(
        self, oldName: str, newName: str, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        _thresholds("rename_field", stageThreshold, totalThreshold)
        return self._with(field_paths.rename_field(self._frame, oldName, newName))

    def apply_mapping(
        self, mappings: Sequence[tuple[str, ...]], case_sensitive: bool = False,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        """Keep only mapped fields, cast and renamed (nested paths, case-insensitive by default)."""
        _thresholds("apply_mapping", stageThreshold, totalThreshold)
        mapped = field_paths.apply_mapping(self._frame, mappings, case_sensitive=case_sensitive)
        return self._with(mapped)

    def applyMapping(
        self, mappings: Sequence[tuple[str, ...]], case_sensitive: bool = False,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        return self.apply_mapping(
            mappings, case_sensitive, transformation_ctx, info, stageThreshold, totalThreshold
        )

    def resolveChoice(
        self, specs: Sequence[tuple[str, str]] | None = None, choice: str = "",
        database: str | None = None, table_name: str | None = None,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0, catalog_id: str | None = None,
    ) -> "DynamicFrame":  # fmt: skip
        """Resolve choice columns; locally no column holds a choice of types (one schema).

        cast and project therefore cast; make_cols, make_struct and make_array leave a column
        without a choice as it is, as Glue does; match_catalog casts to the table's types.
        """
        _thresholds("resolveChoice", stageThreshold, totalThreshold)
        from gluestack.local.glue_compat.choices import resolve_choice

        resolved = resolve_choice(
            self._frame, specs or [], choice, self.glue_ctx, database, table_name, catalog_id
        )
        return self._with(resolved)

    def filter(
        self, f: Callable[[Any], bool], transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        """Records f keeps; a record on which f raises becomes an error record, not a failure."""
        _thresholds("filter", stageThreshold, totalThreshold)
        kept, errors = apply_to_records(self._frame, f, keep=True, info=info)
        return self._with(kept, self._errors.plus(errors))

    def map(
        self, f: Callable[[Any], Any], preservesPartitioning: bool = False,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        """f applied to every record; a record on which f raises becomes an error record."""
        _thresholds("map", stageThreshold, totalThreshold)
        records, errors = apply_to_records(self._frame, f, keep=False, info=info)
        return self._with(_records_frame(records, self._frame.schema), self._errors.plus(errors))

    def _drop_null_fields(self) -> "DynamicFrame":
        counts = self._frame.select(
            [F.count(F.col(f"`{c}`")).alias(c) for c in self._frame.columns]
        )
        first = counts.first()
        empty = [c for c, n in (first.asDict() if first else {}).items() if n == 0]
        return self._with(self._frame.drop(*empty))

    def join(
        self, paths1: Paths, paths2: Paths, frame2: "DynamicFrame", transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        """Inner equi-join; a key named the same on both sides appears once."""
        _thresholds("join", stageThreshold, totalThreshold)
        keys1, keys2 = field_paths.as_paths(paths1), field_paths.as_paths(paths2)
        if len(keys1) != len(keys2):
            raise ValueError(f"Join: keys {keys1} and {keys2} differ in number")
        left, right = self._frame, frame2.toDF()
        clashes = (set(left.columns) & set(right.columns)) - (set(keys1) & set(keys2))
        if clashes:
            raise ValueError(
                f"Join: both frames have fields {sorted(clashes)}; rename them first "
                "(RenameField) so the joined frame's fields are unambiguous"
            )
        condition = [left[a] == right[b] for a, b in zip(keys1, keys2, strict=True)]
        joined = left.join(right, condition, "inner")
        same = [b for a, b in zip(keys1, keys2, strict=True) if a == b]
        return self._with(joined.drop(*[right[b] for b in same]))

    def union(
        self, other_frame: "DynamicFrame", transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        """Records of both frames; a field one frame lacks is null in its records."""
        _thresholds("union", stageThreshold, totalThreshold)
        united = self._frame.unionByName(other_frame.toDF(), allowMissingColumns=True)
        return self._with(united, self._errors.plus(other_frame._errors))

    def split_fields(
        self, paths: Paths, name1: str, name2: str, transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrameCollection":  # fmt: skip
        _thresholds("split_fields", stageThreshold, totalThreshold)
        selected = self.select_fields(paths)
        rest = self.drop_fields(paths)
        return DynamicFrameCollection({name1: selected, name2: rest}, self.glue_ctx)

    def split_rows(
        self, comparison_dict: Mapping[str, Mapping[str, Any]], name1: str, name2: str,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> "DynamicFrameCollection":  # fmt: skip
        """Records meeting every comparison go to name1, the others to name2."""
        _thresholds("split_rows", stageThreshold, totalThreshold)
        from gluestack.local.glue_compat.choices import comparison_condition

        condition = comparison_condition(comparison_dict)
        matched = self._with(self._frame.where(condition))
        others = self._with(self._frame.where(~condition | condition.isNull()))
        return DynamicFrameCollection({name1: matched, name2: others}, self.glue_ctx)

    def unbox(
        self, path: str, format: str, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0, *, separator: str | None = None,
        escaper: str | None = None, skipFirst: bool | None = None,
        withSchema: str | None = None, withHeader: bool | None = None,
    ) -> "DynamicFrame":  # fmt: skip
        """The string field at path, holding JSON objects, as a struct in its place.

        The keyword options are the ones AWS documents for unbox; any other is a TypeError.
        """
        _thresholds("unbox", stageThreshold, totalThreshold)
        from gluestack.local.glue_compat.unboxing import unbox

        options = {
            "separator": separator, "escaper": escaper, "skipFirst": skipFirst,
            "withSchema": withSchema, "withHeader": withHeader,
        }  # fmt: skip
        given = {name: value for name, value in options.items() if value is not None}
        return self._with(unbox(self._frame, path, format, given))

    def unnest(
        self, transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        """Struct fields become top-level fields named by their dotted paths."""
        _thresholds("unnest", stageThreshold, totalThreshold)
        return self._with(flattening.unnest(self._frame))

    def relationalize(
        self, root_table_name: str, staging_path: str, options: Mapping[str, Any] | None = None,
        transformation_ctx: str = "", info: str = "", stageThreshold: int = 0,
        totalThreshold: int = 0,
    ) -> "DynamicFrameCollection":  # fmt: skip
        """The root table, unnested, and one table per array, joined by id.

        staging_path only holds Glue's intermediate files, and Glue documents options as
        "Currently unused", so neither changes what comes back.
        """
        _thresholds("relationalize", stageThreshold, totalThreshold)
        tables = flattening.relationalize(self._frame, root_table_name)
        frames = {name: DynamicFrame(frame, self.glue_ctx, name) for name, frame in tables.items()}
        return DynamicFrameCollection(frames, self.glue_ctx)

    def spigot(
        self, path: str, options: Mapping[str, Any] | None = None, transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        """Write a sample of the records to path as JSON; the frame passes on unchanged."""
        _thresholds("spigot", stageThreshold, totalThreshold)
        spigot.write_sample(self._frame, path, dict(options or {}))
        return self

    def repartition(
        self, num_partitions: int, transformation_ctx: str = "", info: str = "",
        stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        return self._with(self._frame.repartition(num_partitions))

    def coalesce(
        self, num_partitions: int, shuffle: bool = False, transformation_ctx: str = "",
        info: str = "", stageThreshold: int = 0, totalThreshold: int = 0,
    ) -> "DynamicFrame":  # fmt: skip
        frame = self._frame
        return self._with(
            frame.repartition(num_partitions) if shuffle else frame.coalesce(num_partitions)
        )

    def getNumPartitions(self) -> int:
        return self._frame.rdd.getNumPartitions()

    def errorsCount(self) -> int:
        """Error records this frame's transforms produced (e.g. a filter function raised)."""
        return self._errors.count()

    def stageErrorsCount(self) -> int:
        return self._errors.count()

    def assertErrorThreshold(self) -> None:
        """Raise if any error record arose: the default thresholds allow none to be asserted."""
        errors = self._errors.count()
        if errors:
            raise RuntimeError(f"{errors} error records in {self.name or 'the frame'}")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise UnsupportedGlueFeature(f"DynamicFrame.{name}")


class DynamicFrameCollection:
    """Named DynamicFrames, as SplitFields and SplitRows return them (AWS's semantics)."""

    def __init__(
        self, dynamic_frames: Mapping[str, DynamicFrame] | Sequence[DynamicFrame], glue_ctx: Any
    ) -> None:
        if isinstance(dynamic_frames, Mapping):
            self._frames = dict(dynamic_frames)
        elif isinstance(dynamic_frames, list):
            self._frames = {frame.name: frame for frame in dynamic_frames}
        else:
            raise TypeError("dynamic_frames must be list or dict.")
        self.glue_ctx = glue_ctx

    def keys(self) -> list[str]:
        return list(self._frames)

    def values(self) -> list[DynamicFrame]:
        return list(self._frames.values())

    def select(self, key: str, transformation_ctx: str = "") -> DynamicFrame:
        """The frame named key; an empty frame named key when there is none, as AWS's."""
        if key in self._frames:
            return self._frames[key]
        empty = _active_session().createDataFrame([], StructType([]))
        return DynamicFrame(empty, self.glue_ctx, key)

    def map(
        self, callable: Callable[[DynamicFrame, str], DynamicFrame], transformation_ctx: str = ""
    ) -> "DynamicFrameCollection":
        """callable(frame, "<transformation_ctx>:<name>") for each frame, keeping the names."""
        mapped = {}
        for name, frame in self._frames.items():
            result = callable(frame, f"{transformation_ctx}:{name}")
            if not isinstance(result, DynamicFrame):
                raise TypeError(f"callable must return a DynamicFrame. Got {type(result)}")
            mapped[name] = result
        return DynamicFrameCollection(mapped, self.glue_ctx)

    def flatmap(
        self, f: Callable[[DynamicFrame, str], Any], transformation_ctx: str = ""
    ) -> "DynamicFrameCollection":
        """f's frames, or the frames of the collections it returns, named as they name them."""
        flat: dict[str, DynamicFrame] = {}
        for frame in self._frames.values():
            result = f(frame, f"{transformation_ctx}:{frame.name}")
            if isinstance(result, DynamicFrame):
                flat[result.name] = result
            elif isinstance(result, DynamicFrameCollection):
                flat.update(result._frames)
            else:
                raise TypeError(
                    "Function argument to flatmap must return DynamicFrame or "
                    f"DynamicFrameCollection. Got {type(result)}"
                )
        return DynamicFrameCollection(flat, self.glue_ctx)

    def __getitem__(self, key: str) -> DynamicFrame:
        return self._frames[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)


class DynamicFrameReader:
    """glue_context.create_dynamic_frame: delegates to the GlueContext, as AWS's does."""

    def __init__(self, glue_context: Any) -> None:
        self._glue_context = glue_context

    def from_options(
        self, connection_type: str, connection_options: Mapping[str, Any] | None = None,
        format: str | None = None, format_options: Mapping[str, Any] | None = None,
        transformation_ctx: str = "", push_down_predicate: str = "", **kwargs: Any,
    ) -> DynamicFrame:  # fmt: skip
        return self._glue_context.create_dynamic_frame_from_options(
            connection_type, connection_options, format, format_options, transformation_ctx,
            push_down_predicate, **kwargs,
        )  # fmt: skip

    def from_catalog(
        self, database: str | None = None, table_name: str | None = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "", push_down_predicate: str = "",
        additional_options: Mapping[str, Any] | None = None, catalog_id: str | None = None,
        **kwargs: Any,
    ) -> DynamicFrame:  # fmt: skip
        return self._glue_context.create_dynamic_frame_from_catalog(
            database, table_name, redshift_tmp_dir, transformation_ctx, push_down_predicate,
            additional_options, catalog_id, **kwargs,
        )  # fmt: skip

    def from_rdd(
        self, data: Any, name: str, schema: Any = None, sampleRatio: Any = None
    ) -> DynamicFrame:
        raise UnsupportedGlueFeature("create_dynamic_frame.from_rdd")


class DynamicFrameWriter:
    """glue_context.write_dynamic_frame: delegates to the GlueContext, as AWS's does."""

    def __init__(self, glue_context: Any) -> None:
        self._glue_context = glue_context

    def from_options(
        self, frame: DynamicFrame, connection_type: str,
        connection_options: Mapping[str, Any] | None = None, format: str | None = None,
        format_options: Mapping[str, Any] | None = None, transformation_ctx: str = "",
    ) -> DynamicFrame:  # fmt: skip
        return self._glue_context.write_dynamic_frame_from_options(
            frame, connection_type, connection_options, format, format_options, transformation_ctx
        )

    def from_catalog(
        self, frame: DynamicFrame, database: str | None = None, table_name: str | None = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "",
        additional_options: Mapping[str, Any] | None = None, catalog_id: str | None = None,
        **kwargs: Any,
    ) -> DynamicFrame:  # fmt: skip
        return self._glue_context.write_dynamic_frame_from_catalog(
            frame, database, table_name, redshift_tmp_dir, transformation_ctx,
            additional_options, catalog_id, **kwargs,
        )  # fmt: skip

    def from_jdbc_conf(
        self, frame: DynamicFrame, catalog_connection: str,
        connection_options: Mapping[str, Any] | None = None, redshift_tmp_dir: str = "",
        transformation_ctx: str = "", catalog_id: str | None = None,
    ) -> DynamicFrame:  # fmt: skip
        return self._glue_context.write_dynamic_frame_from_jdbc_conf(
            frame, catalog_connection, connection_options, redshift_tmp_dir, transformation_ctx,
            catalog_id,
        )  # fmt: skip


def _thresholds(api: str, stage: int, total: int) -> None:
    refuse_non_default(api, stageThreshold=stage, totalThreshold=total)


def _records_frame(records: Any, input_schema: StructType) -> DataFrame:
    """A frame of the dicts a map function returned, typed by inference."""
    from pyspark.errors import PySparkValueError

    session = _active_session()
    try:
        return session.createDataFrame(records.map(lambda r: Row(**r)))
    except PySparkValueError:
        # A field null in every record has no inferable type: it keeps its input type.
        first = records.first()
        keys = list(first) if first else []
        known = {f.name: f for f in input_schema}
        schema = StructType([known.get(k, StructField(k, StringType())) for k in keys])
        return session.createDataFrame(records.map(lambda r: tuple(r.get(k) for k in keys)), schema)


def _active_session() -> Any:
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    assert session is not None
    return session
