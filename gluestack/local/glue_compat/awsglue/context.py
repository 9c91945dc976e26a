"""awsglue.context: GlueContext with create_dynamic_frame / write_dynamic_frame."""

import logging
from typing import Any

from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import StructType

from gluestack.local.glue_compat.catalog import catalog_table
from gluestack.local.glue_compat.formats import list_files, read_files, write_frame
from gluestack.local.glue_compat.runtime import GlueRuntime, current_runtime
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

# Tuning options that change speed on Glue, not results.
_IGNORED_S3_OPTIONS = {"recurse", "groupFiles", "groupSize", "useS3ListImplementation"}


class GlueContext:
    """Glue's entry point, bound to the local runtime gluestack set up for this run."""

    def __init__(self, spark_context: Any, **_: Any) -> None:
        self.runtime: GlueRuntime = current_runtime()
        self.spark_session = self.runtime.spark
        self._sc = spark_context
        self.job_name = ""
        self.create_dynamic_frame = _Reader(self)
        self.write_dynamic_frame = _Writer(self)

    def get_logger(self) -> logging.Logger:
        return logging.getLogger("awsglue")

    def create_dynamic_frame_from_catalog(self, *args: Any, **kwargs: Any) -> DynamicFrame:
        return self.create_dynamic_frame.from_catalog(*args, **kwargs)

    def create_dynamic_frame_from_options(self, *args: Any, **kwargs: Any) -> DynamicFrame:
        return self.create_dynamic_frame.from_options(*args, **kwargs)

    def write_dynamic_frame_from_options(self, *args: Any, **kwargs: Any) -> DynamicFrame:
        return self.write_dynamic_frame.from_options(*args, **kwargs)

    def write_dynamic_frame_from_catalog(self, *args: Any, **kwargs: Any) -> DynamicFrame:
        return self.write_dynamic_frame.from_catalog(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        raise UnsupportedGlueFeature(f"GlueContext.{name}")


class _Reader:
    def __init__(self, context: GlueContext) -> None:
        self.context = context

    def from_options(
        self,
        connection_type: str,
        connection_options: dict[str, Any],
        format: str | None = None,
        format_options: dict[str, Any] | None = None,
        transformation_ctx: str = "",
        **_: Any,
    ) -> DynamicFrame:
        if connection_type != "s3":
            raise UnsupportedGlueFeature(f"connection_type '{connection_type}'")
        unknown = set(connection_options) - {"paths", "path"} - _IGNORED_S3_OPTIONS
        if unknown:
            raise UnsupportedGlueFeature(f"connection_options {sorted(unknown)}")
        paths = connection_options.get("paths") or [connection_options["path"]]
        base = paths[0] if len(paths) == 1 else None
        frame = self._read(paths, format or "", format_options or {}, transformation_ctx, base)
        return DynamicFrame(frame, self.context, transformation_ctx)

    def from_catalog(
        self,
        database: str | None = None,
        table_name: str | None = None,
        transformation_ctx: str = "",
        push_down_predicate: str = "",
        name_space: str | None = None,
        **_: Any,
    ) -> DynamicFrame:
        table = catalog_table(
            self.context.runtime.glue, str(database or name_space), str(table_name)
        )
        typed = table.columns + table.partition_keys
        frame = self._read(
            [table.location],
            table.format,
            table.format_options,
            transformation_ctx,
            table.location,
            empty_schema=", ".join(f"`{n}` {t}" for n, t in typed),
        )
        frame = frame.select(
            *[F.expr(f"try_cast(`{n}` as {t})").alias(n) for n, t in typed if n in frame.columns]
        )
        if push_down_predicate:
            frame = frame.where(push_down_predicate)
        return DynamicFrame(frame, self.context, transformation_ctx or str(table_name))

    def _read(
        self,
        paths: list[str],
        fmt: str,
        options: dict[str, Any],
        context: str,
        base_path: str | None,
        empty_schema: str = "",
    ) -> DataFrame:
        runtime = self.context.runtime
        files = list_files(runtime.spark, paths)
        if runtime.bookmarks_enabled and context and self.context.job_name:
            done = runtime.bookmarks.processed(self.context.job_name, context)
            new = [
                (path, f"{path}@{mtime}") for path, mtime in files if f"{path}@{mtime}" not in done
            ]
            runtime.bookmarks.mark_read(self.context.job_name, context, [key for _, key in new])
            if files and not new:
                return read_files(runtime.spark, paths, fmt, options, base_path).limit(0)
            files = [(path, 0) for path, _ in new]
        if not files:
            return runtime.spark.createDataFrame([], empty_schema or StructType([]))
        frame = read_files(runtime.spark, [p for p, _ in files], fmt, options, base_path)
        if runtime.count_rows:
            runtime.rows_read += frame.count()
        return frame


class _Writer:
    def __init__(self, context: GlueContext) -> None:
        self.context = context

    def from_options(
        self,
        frame: DynamicFrame,
        connection_type: str = "s3",
        connection_options: dict[str, Any] | None = None,
        format: str | None = None,
        format_options: dict[str, Any] | None = None,
        **_: Any,
    ) -> DynamicFrame:
        if connection_type != "s3":
            raise UnsupportedGlueFeature(f"connection_type '{connection_type}'")
        options = connection_options or {}
        partition_keys = list(options.get("partitionKeys", []))
        self._write(
            frame.toDF(), options["path"], format or "", format_options or {}, partition_keys
        )
        return frame

    def from_catalog(
        self,
        frame: DynamicFrame,
        database: str | None = None,
        table_name: str | None = None,
        additional_options: dict[str, Any] | None = None,
        **_: Any,
    ) -> DynamicFrame:
        table = catalog_table(self.context.runtime.glue, str(database), str(table_name))
        keys = [name for name, _ in table.partition_keys] or list(
            (additional_options or {}).get("partitionKeys", [])
        )
        self._write(frame.toDF(), table.location, table.format, {}, keys)
        return frame

    def _write(
        self,
        frame: DataFrame,
        path: str,
        fmt: str,
        format_options: dict[str, Any],
        partition_keys: list[str],
    ) -> None:
        runtime = self.context.runtime
        before = (
            {name for name, _ in list_files(runtime.spark, [path])} if runtime.count_rows else set()
        )
        write_frame(frame, path, fmt, format_options, partition_keys)
        if runtime.count_rows:
            # Read back only the files this write added (Parquet and ORC counts come from
            # their footers), rather than computing the frame a second time.
            added = [name for name, _ in list_files(runtime.spark, [path]) if name not in before]
            if added:
                options = _read_back_options(fmt, format_options)
                runtime.rows_written += read_files(runtime.spark, added, fmt, options, path).count()


def _read_back_options(fmt: str, write_options: dict[str, Any]) -> dict[str, Any]:
    """How to read what a write with write_options produced (csv: its header and separator)."""
    if fmt != "csv":
        return {}
    header = str(write_options.get("writeHeader", True)).lower() == "true"
    kept = {k: v for k, v in write_options.items() if k in ("separator", "quoteChar")}
    return {"withHeader": header, **kept}
