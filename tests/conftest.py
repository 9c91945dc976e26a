"""Fixtures shared by the whole suite: the project, its synthesized app, an offline account."""

import os
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from gluestack.local.offline import offline_account
from gluestack.local.synth import synthesize

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
