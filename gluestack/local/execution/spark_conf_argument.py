"""A run's `--conf`: Spark settings, `key=value` pairs chained as `k1=v1 --conf k2=v2` in one value.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html, and the
Iceberg, Delta Lake and Hudi pages, which pass their settings so. Glue applies them when Spark
starts. Offline Spark is already running when the run's arguments are read, so a setting the
session may still change (most spark.sql.* ones, such as partitionOverwriteMode or ansi.enabled)
is set for the run and put back after it; one fixed at start is refused by name unless the
running value is the one asked for.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

CONF_ARGUMENT = "--conf"
_CHAINED = re.compile(r"\s+--conf\s+")


def spark_settings(value: str) -> dict[str, str]:
    """The settings one --conf value holds, in order; a pair without `=` is refused."""
    settings = {}
    for pair in filter(None, _CHAINED.split(value.strip())):
        key, equals, setting = pair.partition("=")
        if not equals or not key.strip():
            raise UnsupportedGlueFeature(f"{CONF_ARGUMENT} '{pair}': a setting is key=value")
        settings[key.strip()] = setting.strip()
    return settings


@contextmanager
def run_settings(spark: "SparkSession", arguments: dict[str, str]) -> Iterator[None]:
    """The run's --conf settings in force on spark while the block runs."""
    changed = {}
    for key, value in spark_settings(arguments.get(CONF_ARGUMENT, "")).items():
        if spark.conf.isModifiable(key):
            changed[key] = value
        elif spark.conf.get(key, None) != value:
            raise UnsupportedGlueFeature(
                f"{CONF_ARGUMENT} {key}={value} offline: Spark fixes {key} when it starts, and "
                "the offline Spark is running when the run's arguments are read"
            )
    previous = {key: spark.conf.get(key, None) for key in changed}
    try:
        for key, value in changed.items():
            spark.conf.set(key, value)
        yield
    finally:
        for key, before in previous.items():
            if before is None:
                spark.conf.unset(key)
            else:
                spark.conf.set(key, before)
