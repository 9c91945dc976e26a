"""What a locally run Glue script is connected to: Spark, the catalog, bookmarks, arguments."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.bookmarks import BookmarkStore

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

BOOKMARK_OPTION = "--job-bookmark-option"


@dataclass
class GlueRuntime:
    """spark: the local session; glue: a boto3 Glue client for catalog reads (moto or AWS)."""

    spark: "SparkSession"
    bookmarks: BookmarkStore
    glue: Any = None
    arguments: dict[str, str] = field(default_factory=dict)
    # Counting costs a pass over each source and output, so only run reports ask for it.
    count_rows: bool = False
    rows_read: int = 0
    rows_written: int = 0

    @property
    def bookmarks_enabled(self) -> bool:
        return self.arguments.get(BOOKMARK_OPTION) == "job-bookmark-enable"


_current: list[GlueRuntime] = []


def current_runtime() -> GlueRuntime:
    """The runtime of the script being run locally."""
    if not _current:
        raise RuntimeError(
            "gluestack's local awsglue layer is not connected to a runtime; run the script "
            "through gluestack.local (e.g. `gluestack local run`), not directly"
        )
    return _current[-1]


@contextmanager
def runtime_scope(runtime: GlueRuntime) -> Iterator[GlueRuntime]:
    """Make runtime current inside the block."""
    _current.append(runtime)
    try:
        yield runtime
    finally:
        _current.pop()
