"""A local SparkSession on which s3://, s3a:// and s3n:// paths are folders under one root."""

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.execution.warm_jvms import attached_environment
from gluestack.local.jdbc.binaries import MissingPostgres, jdbc_driver
from gluestack.local.s3fs import local_s3_jar
from gluestack.local.s3fs.build import CLASS_NAME

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

S3_ROOT_KEY = "gluestack.s3.root"
S3_SCHEMES = ("s3", "s3a", "s3n")


def local_spark_session(
    s3_root: Path, *, app_name: str = "gluestack-local", driver_memory: str = "2g"
) -> "SparkSession":
    """A local[2] session like Glue 5.0's (Spark 3.5, UTC); s3 buckets live under s3_root."""
    from pyspark.sql import SparkSession

    # Python UDFs and RDD functions (DynamicFrame.filter / map) run in this interpreter.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    for key, value in session_settings(s3_root, driver_memory).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    attached_environment(session)
    return session


def session_settings(s3_root: Path, driver_memory: str = "2g") -> dict[str, str]:
    """Every setting of local_spark_session but its app name: a warm JVM is launched with
    these, so a session made in it sees the settings a JVM of its own would have had."""
    settings = {
        "spark.master": "local[2]",
        "spark.jars": ",".join(_jars()),
        "spark.sql.shuffle.partitions": "4",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.session.timeZone": "UTC",
        "spark.driver.memory": driver_memory,
        f"spark.hadoop.{S3_ROOT_KEY}": str(s3_root.resolve()),
        # Hadoop's default committer factory for s3a needs hadoop-aws, which pyspark lacks.
        "spark.hadoop.mapreduce.outputcommitter.factory.scheme.s3a": (
            "org.apache.hadoop.mapreduce.lib.output.FileOutputCommitterFactory"
        ),
    }
    for scheme in S3_SCHEMES:
        settings[f"spark.hadoop.fs.{scheme}.impl"] = CLASS_NAME
        # Uncached, so a new root set by use_s3_root applies to the next access.
        settings[f"spark.hadoop.fs.{scheme}.impl.disable.cache"] = "true"
    return settings


def _jars() -> list[str]:
    """The local S3 filesystem, and PostgreSQL's JDBC driver when installed (JDBC sources
    name what is missing when it is not)."""
    jars = [str(local_s3_jar())]
    with contextlib.suppress(MissingPostgres):
        jars.append(str(jdbc_driver()))
    return jars


def use_s3_root(spark: "SparkSession", s3_root: Path) -> None:
    """Point the running session's s3 paths at another folder (e.g. one workspace per test)."""
    spark.sparkContext._jsc.hadoopConfiguration().set(S3_ROOT_KEY, str(s3_root.resolve()))
