"""awsglue.dynamicframe: DynamicFrame over a Spark DataFrame.

Locally a DynamicFrame holds a DataFrame with one schema: choice types (a column with several
types) do not arise, so resolveChoice's cast and project both cast.
"""

from collections.abc import Callable, Iterator
from typing import Any

from pyspark.errors import PySparkValueError
from pyspark.sql import DataFrame, Row
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature


class DynamicFrame:
    """A named DataFrame with Glue's DynamicFrame methods."""

    def __init__(self, frame: DataFrame, glue_ctx: Any, name: str = "") -> None:
        self._frame = frame
        self.glue_ctx = glue_ctx
        self.name = name

    @classmethod
    def fromDF(cls, dataframe: DataFrame, glue_ctx: Any, name: str) -> "DynamicFrame":
        return cls(dataframe, glue_ctx, name)

    def toDF(self) -> DataFrame:
        return self._frame

    def _with(self, frame: DataFrame) -> "DynamicFrame":
        return DynamicFrame(frame, self.glue_ctx, self.name)

    def count(self) -> int:
        return self._frame.count()

    def schema(self) -> StructType:
        return self._frame.schema

    def printSchema(self) -> None:
        self._frame.printSchema()

    def show(self, num_rows: int = 20) -> None:
        self._frame.show(num_rows, truncate=False)

    def select_fields(self, paths: list[str], **_: Any) -> "DynamicFrame":
        return self._with(self._frame.select(*[F.col(p) for p in paths]))

    def drop_fields(self, paths: list[str], **_: Any) -> "DynamicFrame":
        return self._with(self._frame.drop(*paths))

    def rename_field(self, oldName: str, newName: str, **_: Any) -> "DynamicFrame":
        return self._with(self._frame.withColumnRenamed(oldName.strip("`"), newName.strip("`")))

    def apply_mapping(self, mappings: list[tuple[str, ...]], **_: Any) -> "DynamicFrame":
        """Keep only mapped fields, cast and renamed; a missing source field is left out."""
        columns = []
        for source, _source_type, target, target_type in (tuple(m) for m in mappings):
            if _has_field(self._frame, source):
                columns.append(
                    F.expr(f"try_cast({_quoted(source)} as {target_type})").alias(target)
                )
        return self._with(self._frame.select(*columns))

    def resolveChoice(
        self, specs: list[tuple[str, str]] | None = None, choice: str = "", **_: Any
    ) -> "DynamicFrame":
        if choice:
            raise UnsupportedGlueFeature(f"resolveChoice(choice='{choice}')")
        frame = self._frame
        for path, action in specs or []:
            kind, _sep, target_type = action.partition(":")
            if kind not in ("cast", "project"):
                raise UnsupportedGlueFeature(f"resolveChoice action '{action}'")
            frame = frame.withColumn(path, F.expr(f"try_cast({_quoted(path)} as {target_type})"))
        return self._with(frame)

    def filter(self, f: Callable[[dict[str, Any]], bool], **_: Any) -> "DynamicFrame":
        rows = self._frame.rdd.filter(lambda row: f(row.asDict(recursive=True)))
        return self._with(self._frame.sparkSession.createDataFrame(rows, self._frame.schema))

    def map(self, f: Callable[[dict[str, Any]], dict[str, Any]], **_: Any) -> "DynamicFrame":
        records = self._frame.rdd.map(lambda row: f(row.asDict(recursive=True)))
        spark = self._frame.sparkSession
        try:
            return self._with(spark.createDataFrame(records.map(lambda r: Row(**r))))
        except PySparkValueError:
            # A field null in every record has no inferable type: it keeps its input type.
            keys = list(records.first())
            known = {field.name: field for field in self._frame.schema}
            schema = StructType([known.get(k, StructField(k, StringType())) for k in keys])
            rows = records.map(lambda r: tuple(r.get(k) for k in keys))
            return self._with(spark.createDataFrame(rows, schema))

    def drop_null_fields(self, **_: Any) -> "DynamicFrame":
        counts = self._frame.select([F.count(F.col(c)).alias(c) for c in self._frame.columns])
        empty = [c for c, n in counts.first().asDict().items() if n == 0]  # type: ignore[union-attr]
        return self._with(self._frame.drop(*empty))

    def join(
        self, paths1: list[str], paths2: list[str], frame2: "DynamicFrame", **_: Any
    ) -> "DynamicFrame":
        left, right = self._frame, frame2.toDF()
        clashes = (set(left.columns) & set(right.columns)) - (set(paths1) & set(paths2))
        if clashes:
            raise ValueError(
                f"Join: both frames have fields {sorted(clashes)}; rename them first "
                "(RenameField) so the joined frame's fields are unambiguous"
            )
        condition = [left[a] == right[b] for a, b in zip(paths1, paths2, strict=True)]
        joined = left.join(right, condition, "inner")
        same = [b for a, b in zip(paths1, paths2, strict=True) if a == b]
        return self._with(joined.drop(*[right[b] for b in same]))

    def repartition(self, num_partitions: int, **_: Any) -> "DynamicFrame":
        return self._with(self._frame.repartition(num_partitions))

    def coalesce(self, num_partitions: int, **_: Any) -> "DynamicFrame":
        return self._with(self._frame.coalesce(num_partitions))

    def getNumPartitions(self) -> int:
        return self._frame.rdd.getNumPartitions()

    def __getattr__(self, name: str) -> Any:
        raise UnsupportedGlueFeature(f"DynamicFrame.{name}")


class DynamicFrameCollection:
    """Named DynamicFrames, as SplitFields returns them."""

    def __init__(self, dynamic_frames: dict[str, DynamicFrame], glue_ctx: Any) -> None:
        self._frames = dynamic_frames
        self.glue_ctx = glue_ctx

    def keys(self) -> list[str]:
        return list(self._frames)

    def select(self, key: str, transformation_ctx: str = "") -> DynamicFrame:
        return self._frames[key]

    def __getitem__(self, key: str) -> DynamicFrame:
        return self._frames[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)


def _quoted(path: str) -> str:
    return ".".join(f"`{part.strip('`')}`" for part in path.split("."))


def _has_field(frame: DataFrame, path: str) -> bool:
    schema: Any = frame.schema
    for part in path.strip("`").split("."):
        if not isinstance(schema, StructType) or part not in schema.fieldNames():
            return False
        schema = schema[part].dataType
    return True
