"""A fake clock and a stubbed Glue client, for states and timings moto cannot produce."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws
from moto.moto_api import state_manager


@dataclass
class FakeClock:
    """Time passes only when slept; every sleep is recorded."""

    now_seconds: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def now(self) -> float:
        return self.now_seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now_seconds += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def stubbed_glue() -> Iterator[tuple[Any, Stubber]]:
    glue = boto3.Session(
        aws_access_key_id="x", aws_secret_access_key="x", region_name="us-east-1"
    ).client("glue")
    with Stubber(glue) as stubber:
        yield glue, stubber
        stubber.assert_no_pending_responses()


@pytest.fixture
def glue_with_runs_that_keep_running() -> Iterator[Any]:
    """moto with one job, "etl", whose runs stay RUNNING (its concurrency limit is 1)."""
    with mock_aws():
        state_manager.set_transition("glue::job_run", {"progression": "manual", "times": 10**6})
        try:
            glue = boto3.client("glue", region_name="us-east-1")
            glue.create_job(
                Name="etl",
                Role="arn:aws:iam::123456789012:role/glue",
                Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/etl.py"},
            )
            yield glue
        finally:
            state_manager.unset_transition("glue::job_run")


def job_run(state: str, **extra: Any) -> dict[str, Any]:
    """A GetJobRun response."""
    return {"JobRun": {"Id": "jr_1", "JobName": "etl", "JobRunState": state, **extra}}
