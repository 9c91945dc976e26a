"""What a locally run Glue script is connected to: Spark, the catalog, bookmarks, arguments."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.bookmarks import BookmarkStore

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from pyspark.sql import SparkSession

BOOKMARK_OPTION = "--job-bookmark-option"
BOOKMARK_ENABLE = "job-bookmark-enable"
BOOKMARK_PAUSE = "job-bookmark-pause"


@dataclass
class GlueRuntime:
    """spark: the local session; glue: a boto3 Glue client for catalog reads (moto or AWS)."""

    spark: "SparkSession"
    bookmarks: BookmarkStore
    glue: "GlueClient | None" = None
    arguments: dict[str, str] = field(default_factory=dict)
    # Counting costs a pass over each source and output, so only run reports ask for it.
    count_rows: bool = False
    rows_read: int = 0
    rows_written: int = 0
    # GetDataQualityResult-shaped results EvaluateDataQuality published during the run.
    data_quality_results: list[dict[str, Any]] = field(default_factory=list)

    @property
    def bookmark_option(self) -> str:
        return self.arguments.get(BOOKMARK_OPTION, "job-bookmark-disable")

    @property
    def bookmarks_enabled(self) -> bool:
        """Sources skip what earlier runs processed (enable, and pause as well)."""
        return self.bookmark_option in (BOOKMARK_ENABLE, BOOKMARK_PAUSE)

    @property
    def bookmarks_advance(self) -> bool:
        """job.commit() records this run's reads; a paused bookmark stays where it is."""
        return self.bookmark_option == BOOKMARK_ENABLE

    def glue_client(self) -> Any:
        """The Glue client catalog reads and writes use."""
        if self.glue is None:
            import boto3

            # The default session: moto's account when the caller mocks AWS, else AWS's.
            session = boto3.Session()
            self.glue = session.client("glue", region_name=session.region_name or "us-east-1")
        return self.glue

    def client(self, service: str) -> Any:
        """A boto3 client of the default session's account (moto's when the caller mocks AWS,
        the offline account's in a job process), e.g. Secrets Manager for JDBC connections."""
        import boto3

        session = boto3.Session()
        region = session.region_name or "us-east-1"
        return session.client(service, region_name=region)  # type: ignore[call-overload]


_current: list[GlueRuntime] = []


def current_runtime() -> GlueRuntime | None:
    """The runtime of the script gluestack is running, if any."""
    return _current[-1] if _current else None


def default_runtime(spark: "SparkSession") -> GlueRuntime:
    """A runtime for a GlueContext made outside gluestack's runner, as in a user's own test.

    Bookmarks go to a fresh temporary folder and are disabled (Glue's default); the catalog is
    the boto3 default session's (moto's when the test mocks AWS).
    """
    folder = Path(tempfile.mkdtemp(prefix="gluestack-bookmarks-"))
    return GlueRuntime(spark=spark, bookmarks=BookmarkStore(folder))


@contextmanager
def runtime_scope(runtime: GlueRuntime) -> Iterator[GlueRuntime]:
    """Make runtime current inside the block."""
    _current.append(runtime)
    try:
        yield runtime
    finally:
        _current.pop()
