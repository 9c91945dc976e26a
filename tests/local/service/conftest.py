"""An offline account whose Glue runs execute, over a workspace in the test's folder."""

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from gluestack.local.records.workspace import Workspace
from gluestack.local.service import executing_glue
from gluestack.local.service.executing import JobExecutor

# Timeouts are in minutes; the executor under test makes a minute last this many seconds.
MINUTE_SECONDS = 5.0


@pytest.fixture
def account(aws: boto3.Session, tmp_path: Path) -> Iterator[tuple[boto3.Session, JobExecutor]]:
    s3 = aws.client("s3")
    for bucket in ("scripts", "out", "raw"):
        s3.create_bucket(Bucket=bucket)
    with executing_glue(Workspace(tmp_path / "ws"), seconds_per_minute=MINUTE_SECONDS) as executor:
        yield aws, executor
        executor.wait_idle(120)
