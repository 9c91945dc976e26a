"""Fixtures shared by the whole suite: the project, its synthesized app, an offline account."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import boto3
import pytest

from gluestack.local.cdk_out.deploy import DeployedApp, deploy_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.cdk_out.synth_cache import CACHE_VARIABLE
from gluestack.local.execution.spark import local_spark_session, use_s3_root
from gluestack.local.offline import offline_account

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

PROJECT_ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session", autouse=True)
def synth_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Assemblies are kept for this run only, shared by its workers: no run reuses another's."""
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent
    os.environ.setdefault(CACHE_VARIABLE, str(run_folder / "synth-cache"))


@pytest.fixture(scope="session")
def cdk_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real app synthesized once per test session (env dev), as `cdk synth` does."""
    return synthesize(PROJECT_ROOT, "dev", tmp_path_factory.mktemp("cdk") / "cdk.out")


@pytest.fixture
def aws() -> Iterator[boto3.Session]:
    """A fresh in-process moto account; Glue job runs and crawls finish when next read."""
    with offline_account() as session:
        yield session


@pytest.fixture
def deployed_app(aws: boto3.Session, cdk_out: Path) -> DeployedApp:
    """The session's synthesized app deployed into this test's fresh moto account."""
    return deploy_assembly(cdk_out, aws)


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator["SparkSession"]:
    """One local SparkSession for the whole suite; s3:// paths map to a folder (see s3_root)."""
    session = local_spark_session(tmp_path_factory.mktemp("s3"), app_name="gluestack-tests")
    yield session
    session.stop()


@pytest.fixture
def s3_root(spark: "SparkSession", tmp_path: Path) -> Path:
    """A fresh folder holding this test's s3 buckets: s3://bucket/key is s3_root/bucket/key."""
    root = tmp_path / "s3"
    root.mkdir()
    use_s3_root(spark, root)
    return root
