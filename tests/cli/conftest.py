"""The flights app deployed into an in-process moto, and the CLI invoked against it."""

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.moto_api import state_manager
from typer.testing import CliRunner, Result

from gluestack.cli import app
from gluestack.cli.common import console
from gluestack.local.cdk_out.deploy import DeployedApp, deploy_assembly

runner = CliRunner()
console.width = 200  # tables as a wide terminal shows them, so rows read whole


def gluestack(*arguments: str) -> Result:
    """Run the gluestack command in this process, where moto is active."""
    return runner.invoke(app, [*arguments, "--region", "us-east-1"])


@pytest.fixture
def deployed(aws: boto3.Session, cdk_out: Path) -> DeployedApp:
    return deploy_assembly(cdk_out, aws)


@pytest.fixture
def runs_keep_running(deployed: DeployedApp) -> Iterator[None]:
    """Job runs started from here on stay RUNNING, as a long job would."""
    state_manager.set_transition("glue::job_run", {"progression": "manual", "times": 10**6})
    yield
    state_manager.set_transition("glue::job_run", {"progression": "immediate"})
