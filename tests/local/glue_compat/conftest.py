"""A local Glue runtime per test: the shared SparkSession, a fresh s3 root, moto's catalog."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from pyspark.sql import SparkSession

from gluestack.local.glue_compat import BookmarkStore, GlueRuntime, activated, runtime_scope


@pytest.fixture
def runtime(
    spark: SparkSession, s3_root: Path, aws: boto3.Session, tmp_path: Path
) -> Iterator[GlueRuntime]:
    glue = aws.client("glue")
    glue.create_database(DatabaseInput={"Name": "raw"})
    local = GlueRuntime(
        spark=spark,
        bookmarks=BookmarkStore(tmp_path / "bookmarks"),
        glue=glue,
        arguments={"--job-bookmark-option": "job-bookmark-enable"},
    )
    with activated(), runtime_scope(local):
        yield local


@pytest.fixture
def glue_context(runtime: GlueRuntime) -> Any:
    from awsglue.context import GlueContext

    return GlueContext(runtime.spark.sparkContext)


def put(s3_root: Path, key: str, text: str) -> None:
    """Write an object s3://key (bucket/...) into the local s3 root."""
    path = s3_root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def csv_table(
    glue: Any, name: str, location: str, columns: list[tuple[str, str]], database: str = "raw"
) -> None:
    """A catalog table like a crawler makes for a headed csv folder."""
    glue.create_table(
        DatabaseName=database,
        TableInput={
            "Name": name,
            "Parameters": {"classification": "csv", "skip.header.line.count": "1"},
            "StorageDescriptor": {
                "Location": location,
                "Columns": [{"Name": n, "Type": t} for n, t in columns],
                "SerdeInfo": {
                    "SerializationLibrary": "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                    "Parameters": {"field.delim": ","},
                },
            },
        },
    )
