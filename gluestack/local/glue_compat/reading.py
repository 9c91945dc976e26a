"""Glue sources over local files: which files a read covers, bookmarks, rows counted."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.exclusions import excluded
from gluestack.local.glue_compat.formats import list_files, read_files
from gluestack.local.glue_compat.runtime import GlueRuntime

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# Glue hands these formats to Spark SQL's own data sources, which discover partition folders
# whatever `recurse` says (awsglue/context.py, Spark_SQL_Formats, in awslabs/aws-glue-libs).
SPARK_SQL_FORMATS = ("parquet", "orc")


@dataclass(frozen=True)
class FileSelection:
    """The files under paths a source reads: recurse into sub-folders, skip exclusions."""

    paths: Sequence[str]
    recurse: bool = False
    exclusions: Sequence[str] = field(default_factory=tuple)

    def files(self, runtime: GlueRuntime, fmt: str) -> list[tuple[str, int]]:
        """(path, modification time) of each file read, in path order."""
        found = list_files(runtime.spark, list(self.paths))
        recursive = self.recurse or fmt in SPARK_SQL_FORMATS
        return [
            (name, mtime)
            for name, mtime in found
            if (recursive or self._directly_under(name))
            and not (self.exclusions and excluded(self._relative(name), self.exclusions))
        ]

    def _root(self, name: str) -> str:
        roots = [p.rstrip("/") + "/" for p in self.paths if name.startswith(p.rstrip("/") + "/")]
        return max(roots, key=len) if roots else ""

    def _relative(self, name: str) -> str:
        return name.removeprefix(self._root(name))

    def _directly_under(self, name: str) -> bool:
        return name in self.paths or "/" not in self._relative(name)


def read_source(
    runtime: GlueRuntime,
    job_name: str,
    transformation_ctx: str,
    files: list[tuple[str, int]],
    fmt: str,
    format_options: dict[str, Any],
    base_path: str | None,
    empty_schema: str = "",
) -> "DataFrame":
    """Read files as one frame, leaving out what the job's bookmark says it processed.

    With bookmarks enabled (or paused) a source with a transformation_ctx reads only files not
    committed by earlier runs; job.commit() records them unless the bookmark is paused.
    """
    if runtime.bookmarks_enabled and transformation_ctx and job_name:
        done = runtime.bookmarks.processed(job_name, transformation_ctx)
        new = [(path, mtime) for path, mtime in files if f"{path}@{mtime}" not in done]
        keys = [f"{path}@{mtime}" for path, mtime in new]
        runtime.bookmarks.mark_read(job_name, transformation_ctx, keys)
        if files and not new:
            names = [path for path, _ in files]
            return read_files(runtime.spark, names, fmt, format_options, base_path).limit(0)
        files = new
    if not files:
        from pyspark.sql.types import StructType

        return runtime.spark.createDataFrame([], empty_schema or StructType([]))
    frame = read_files(runtime.spark, [p for p, _ in files], fmt, format_options, base_path)
    if runtime.count_rows:
        runtime.rows_read += frame.count()
    return frame
