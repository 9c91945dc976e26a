"""Fixtures shared by the whole suite: the project, its synthesized app, an offline account."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import boto3
import pytest

from gluestack.local.offline import offline_account
from gluestack.local.synth import synthesize

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

PROJECT_ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def cdk_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real app synthesized once per test session (env dev), as `cdk synth` does."""
    return synthesize(PROJECT_ROOT, "dev", tmp_path_factory.mktemp("cdk") / "cdk.out")


@pytest.fixture
def aws() -> Iterator[boto3.Session]:
    """A fresh in-process moto account; Glue job runs and crawls finish when next read."""
    with offline_account() as session:
        yield session


@pytest.fixture(scope="session")
def spark() -> Iterator["SparkSession"]:
    """One local SparkSession for the whole suite (Java 17), small and quiet."""
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("gluestack-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
