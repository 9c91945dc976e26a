"""A SparkSession a crawl starts only when a table needs it (JDBC, files Python cannot type)."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SparkFactory = Callable[[], "SparkSession"]
# What crawls accept: a session already running (tests, in-process callers) or a factory.
SparkSource = Union["SparkSession", SparkFactory]


class LazySpark:
    """Calls the factory on the first session() and keeps what it returned."""

    def __init__(self, source: SparkSource) -> None:
        self._factory: SparkFactory = source if callable(source) else (lambda: source)
        self._session: SparkSession | None = None

    def session(self) -> "SparkSession":
        if self._session is None:
            self._session = self._factory()
        return self._session
