"""`gluestack job run|stop` and `gluestack runs` against the deployed flights job in moto."""

import json

import boto3
import pytest

from gluestack.local.cdk_out.deploy import DeployedApp
from tests.cli.conftest import gluestack

JOB = "flights-dev-clean"


def test_a_retried_start_with_the_same_token_reattaches_instead_of_running_twice(
    deployed: DeployedApp, aws: boto3.Session
) -> None:
    first = gluestack("job", "run", JOB, "--token", "airflow-task-1", "--json")
    retried = gluestack("job", "run", JOB, "--token", "airflow-task-1", "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["state"] == "SUCCEEDED"
    assert json.loads(retried.output)["run_id"] == json.loads(first.output)["run_id"]
    runs = aws.client("glue").get_job_runs(JobName=JOB)["JobRuns"]
    assert len(runs) == 1


def test_runs_lists_history_with_cost_from_the_jobs_capacity(deployed: DeployedApp) -> None:
    for day in ("2013-01-01", "2013-01-02"):
        assert gluestack("job", "run", JOB, "--arg", f"day={day}").exit_code == 0
    listed = gluestack("runs", JOB, "--json")
    at_one_dollar = gluestack("runs", JOB, "--json", "--rate", "1.0")
    assert listed.exit_code == 0, listed.output
    runs = json.loads(listed.output)
    assert [run["state"] for run in runs] == ["SUCCEEDED", "SUCCEEDED"]
    # The job declares 2 G.1X workers (1 DPU each); at $1 a DPU-hour, cost is DPU-hours.
    dpu_hours = 2 * runs[0]["execution_seconds"] / 3600
    assert json.loads(at_one_dollar.output)[0]["estimated_usd"] == pytest.approx(dpu_hours)
    assert runs[0]["estimated_usd"] == pytest.approx(dpu_hours * 0.44)
    assert "estimated total" in gluestack("runs", JOB).output


def test_no_wait_prints_the_run_id_at_once(
    deployed: DeployedApp, runs_keep_running: None, aws: boto3.Session
) -> None:
    started = gluestack("job", "run", JOB, "--no-wait")
    assert started.exit_code == 0, started.output
    run = aws.client("glue").get_job_run(JobName=JOB, RunId=started.output.strip())["JobRun"]
    assert run["JobRunState"] in ("STARTING", "RUNNING")


def test_a_passed_deadline_exits_3_and_says_the_run_could_not_be_stopped_in_moto(
    deployed: DeployedApp, runs_keep_running: None
) -> None:
    waited = gluestack("job", "run", JOB, "--deadline", "0")
    assert waited.exit_code == 3
    assert f"Glue job run '{JOB}/" in waited.output
    assert "moto has no BatchStopJobRun: the run was not stopped" in waited.output


def test_a_busy_job_fails_or_attaches_as_asked(
    deployed: DeployedApp, runs_keep_running: None
) -> None:
    running = gluestack("job", "run", JOB, "--no-wait").output.strip()
    refused = gluestack("job", "run", JOB, "--no-wait")
    attached = gluestack("job", "run", JOB, "--no-wait", "--when-busy", "attach")
    assert refused.exit_code == 1
    assert "concurrent-run limit" in refused.output
    assert attached.exit_code == 0, attached.output
    assert attached.output.strip() == running


def test_input_errors_exit_2_and_unknown_jobs_exit_1(deployed: DeployedApp) -> None:
    malformed = gluestack("job", "run", JOB, "--arg", "day")
    unknown = gluestack("runs", "nope")
    assert malformed.exit_code == 2
    assert "--arg 'day': write it as NAME=VALUE" in malformed.output
    assert unknown.exit_code == 1
    assert "Glue job 'nope' not found" in unknown.output
    assert "Traceback" not in malformed.output + unknown.output
