"""`gluestack logs`: a run's lines by run id or the newest run, as text or JSON."""

import json

import boto3

from gluestack.local.records.job_logs import write_job_run_logs
from tests.cli.conftest import gluestack


def _run_with_logs(aws: boto3.Session) -> str:
    glue = aws.client("glue")
    glue.create_job(
        Name="etl",
        Role="arn:aws:iam::123456789012:role/r",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/etl.py"},
    )
    run_id: str = glue.start_job_run(JobName="etl")["JobRunId"]
    group = glue.get_job_run(JobName="etl", RunId=run_id)["JobRun"]["LogGroupName"]
    text = "reading flights\nTraceback (most recent call last):\nValueError: bad row\n"
    write_job_run_logs(aws.client("logs"), group, run_id, text, failed=True)
    return run_id


def test_logs_of_the_latest_run_print_output_and_error_lines(aws: boto3.Session) -> None:
    _run_with_logs(aws)
    result = gluestack("logs", "etl", "latest")
    assert result.exit_code == 0, result.output
    assert "[output] reading flights" in result.output
    assert "[error] ValueError: bad row" in result.output
    assert "note: no logs yet in /aws-glue/jobs/logs-v2" in result.output


def test_errors_only_as_json(aws: boto3.Session) -> None:
    run_id = _run_with_logs(aws)
    result = gluestack("logs", "etl", run_id, "--errors", "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [line["message"] for line in lines][-1] == "ValueError: bad row"
    assert {line["kind"] for line in lines} == {"error"}


def test_a_job_without_runs_exits_1_naming_it(aws: boto3.Session) -> None:
    aws.client("glue").create_job(
        Name="idle",
        Role="arn:aws:iam::123456789012:role/r",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/idle.py"},
    )
    result = gluestack("logs", "idle", "latest")
    assert result.exit_code == 1
    assert "job 'idle' has no runs yet" in result.output
