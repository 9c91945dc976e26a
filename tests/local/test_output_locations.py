"""A job run's output guard snapshots the job's outputs only: the deployment manifest tells them
from the other jobs' outputs it reads, which arrive as `--<table>_path` too (a failed run must
not put back a folder another job writes)."""

from pathlib import Path

import boto3

from gluestack.local.cdk_out.deploy import DeployedApp
from gluestack.local.execution.job_execution import _output_folders
from gluestack.local.records.workspace import Workspace
from gluestack.ops.stacks import job_outputs


def test_a_job_reading_another_jobs_output_guards_only_its_own(
    aws: boto3.Session, deployed_app: DeployedApp, tmp_path: Path
) -> None:
    cloudformation, glue = aws.client("cloudformation"), aws.client("glue")
    outputs = job_outputs(cloudformation, "flights-dev-features")
    assert outputs == ["--flights_features_path"]
    arguments = glue.get_job(JobName="flights-dev-features")["Job"]["DefaultArguments"]
    assert "--flights_clean_path" in arguments  # its input, located the same way
    workspace = Workspace(tmp_path)
    guarded = _output_folders(arguments, workspace, outputs)
    assert guarded == [workspace.local_path(arguments["--flights_features_path"])]
    # a job no gluestack manifest lists: every location is guarded, as before
    assert job_outputs(cloudformation, "someone-elses-job") is None
    assert len(_output_folders(arguments, workspace, None)) == 2
