"""`SparkContext()` in a script run locally hands back the running context, as on Glue.

Glue Studio's scripts start with `sc = SparkContext()`: on Glue that creates the job's context;
locally gluestack's runner already owns one, and pyspark would refuse a second. Inside a run,
constructing or getting a SparkContext returns the running one; settings it is given are applied
where Spark allows it at runtime (spark.sql.*) and refused by name where they would differ, and
`stop()` leaves it running for the next run (on Glue the job's process ends instead).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

# Settings that name the application, not how it computes.
_NAMING_SETTINGS = {"spark.app.name"}
_PATCHED = ("__new__", "__init__", "getOrCreate", "stop")


@contextmanager
def shared_spark_context(session: "SparkSession") -> Iterator[None]:
    """Inside the block, SparkContext(...) and SparkContext.getOrCreate(...) return session's."""
    from pyspark import SparkContext

    running = session.sparkContext
    saved = {name: SparkContext.__dict__.get(name) for name in _PATCHED}
    changed: dict[str, str | None] = {}

    def construct(cls: type, *args: Any, **kwargs: Any) -> SparkContext:
        return running

    def initialise(
        self: SparkContext,
        master: str | None = None,
        appName: str | None = None,
        conf: "SparkConf | None" = None,
        **others: Any,
    ) -> None:
        if master is not None:
            raise UnsupportedGlueFeature(f"SparkContext(master='{master}')")
        for name, value in others.items():
            if value is not None:
                raise UnsupportedGlueFeature(f"SparkContext({name}=...)")
        _apply(session, conf, changed)

    def get_or_create(cls: type, conf: "SparkConf | None" = None) -> SparkContext:
        _apply(session, conf, changed)
        return running

    def keep_running(self: SparkContext) -> None:
        return None

    SparkContext.__new__ = staticmethod(construct)  # type: ignore[assignment]
    SparkContext.__init__ = initialise  # type: ignore[method-assign,assignment]
    SparkContext.getOrCreate = classmethod(get_or_create)  # type: ignore[method-assign,assignment]
    SparkContext.stop = keep_running  # type: ignore[method-assign]
    try:
        yield
    finally:
        for name, original in saved.items():
            if original is None:
                delattr(SparkContext, name)
            else:
                setattr(SparkContext, name, original)
        for key, value in changed.items():
            if value is None:
                session.conf.unset(key)
            else:
                session.conf.set(key, value)


def _apply(
    session: "SparkSession", conf: "SparkConf | None", changed: dict[str, str | None]
) -> None:
    """Set a script's spark.sql.* settings on the session; refuse others that would differ."""
    if conf is None:
        return
    running = dict(session.sparkContext.getConf().getAll())
    for key, value in conf.getAll():
        if key in _NAMING_SETTINGS or running.get(key) == value:
            continue
        if not key.startswith("spark.sql."):
            raise UnsupportedGlueFeature(f"SparkContext setting '{key}' (set when Glue starts)")
        changed.setdefault(key, session.conf.get(key, None))
        session.conf.set(key, value)
