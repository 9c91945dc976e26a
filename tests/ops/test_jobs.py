"""Job runs: every Glue run state ends the wait the right way, under a deadline."""

from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from gluestack.ops import (
    JobRunFailed,
    PollSchedule,
    UnknownRunState,
    WaitDeadlineExceeded,
    run_job,
    start_job_run,
    wait_for_job_run,
)
from tests.ops.conftest import FakeClock, job_run

RUN = {"JobName": "etl", "RunId": "jr_1"}


def _create_job(glue: Any) -> None:
    glue.create_job(
        Name="etl",
        Role="arn:aws:iam::123456789012:role/glue",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/etl.py"},
        GlueVersion="5.0",
        WorkerType="G.1X",
        NumberOfWorkers=2,
    )


def test_moto_run_reaches_succeeded_with_its_details(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    _create_job(glue)
    result = run_job(glue, "etl", {"day": "2013-01-01"}, deadline_seconds=30)
    assert result.state == "SUCCEEDED"
    assert result.job_name == "etl"
    assert result.run_id.startswith("jr_")
    arguments = glue.get_job_run(JobName="etl", RunId=result.run_id)["JobRun"]["Arguments"]
    assert arguments == {"--day": "2013-01-01"}


def test_succeeded_after_running_reports_timings_and_dpu_seconds(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_job_run", job_run("STARTING"), RUN)
    stubber.add_response("get_job_run", job_run("RUNNING"), RUN)
    done = job_run("SUCCEEDED", ExecutionTime=120, WorkerType="G.2X", NumberOfWorkers=5, Attempt=1)
    stubber.add_response("get_job_run", done, RUN)
    result = wait_for_job_run(glue, "etl", "jr_1", deadline_seconds=600, clock=clock)
    assert (result.state, result.attempt, result.execution_seconds) == ("SUCCEEDED", 1, 120)
    assert result.dpu_seconds == 2 * 5 * 120
    assert len(clock.sleeps) == 2


@pytest.mark.parametrize("state", ["FAILED", "TIMEOUT", "ERROR", "EXPIRED", "STOPPED"])
def test_every_failure_state_raises_with_glues_message(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock, state: str
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_job_run", job_run("RUNNING"), RUN)
    failed = job_run(state, ErrorMessage="AnalysisException: column x not found")
    stubber.add_response("get_job_run", failed, RUN)
    with pytest.raises(JobRunFailed) as raised:
        wait_for_job_run(glue, "etl", "jr_1", deadline_seconds=600, clock=clock)
    assert raised.value.state == state
    assert "column x not found" in str(raised.value)
    assert "/aws-glue/jobs/error" in str(raised.value)


@pytest.mark.parametrize("state", ["STARTING", "RUNNING", "STOPPING", "WAITING"])
def test_in_progress_states_keep_waiting(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock, state: str
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_job_run", job_run(state), RUN)
    stubber.add_response("get_job_run", job_run("SUCCEEDED"), RUN)
    assert wait_for_job_run(glue, "etl", "jr_1", deadline_seconds=60, clock=clock).state == (
        "SUCCEEDED"
    )


def test_an_unknown_state_fails_at_once_naming_it(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_job_run", job_run("HIBERNATING"), RUN)
    with pytest.raises(UnknownRunState, match="HIBERNATING"):
        wait_for_job_run(glue, "etl", "jr_1", deadline_seconds=60, clock=clock)
    assert clock.sleeps == []


def test_the_deadline_stops_the_wait_without_oversleeping(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    for _ in range(4):  # polls at t = 0, 4, 12 and 20
        stubber.add_response("get_job_run", job_run("RUNNING"), RUN)
    schedule = PollSchedule(first_seconds=4, factor=2, cap_seconds=100, jitter=0)
    with pytest.raises(WaitDeadlineExceeded) as raised:
        wait_for_job_run(
            glue,
            "etl",
            "jr_1",
            deadline_seconds=20,
            schedule=schedule,
            clock=clock,
            stop_on_deadline=False,
        )
    assert raised.value.last_state == "RUNNING"
    assert clock.sleeps == [4, 8, 8]  # the last sleep is cut to the deadline
    assert clock.now_seconds == 20


def test_start_passes_overrides_and_prefixes_arguments(stubbed_glue: tuple[Any, Stubber]) -> None:
    glue, stubber = stubbed_glue
    expected = {
        "JobName": "etl",
        "Arguments": {"--day": "1", "--already": "2"},
        "Timeout": 10,
        "WorkerType": "G.2X",
        "NumberOfWorkers": 4,
    }
    stubber.add_response("start_job_run", {"JobRunId": "jr_9"}, expected)
    run_id = start_job_run(
        glue,
        "etl",
        {"day": "1", "--already": "2"},
        timeout_minutes=10,
        worker_type="G.2X",
        number_of_workers=4,
    )
    assert run_id == "jr_9"


def test_glue_refusals_are_typed_errors_naming_the_resource(aws: boto3.Session) -> None:
    from gluestack.ops import (
        GlueRequestRefused,
        InvalidRequest,
        ResourceNotFound,
        start_crawler,
        start_workflow_run,
    )

    glue = aws.client("glue")
    with pytest.raises(ResourceNotFound, match="Glue job 'nope' not found") as missing:
        run_job(glue, "nope", deadline_seconds=5)
    assert missing.value.code == "EntityNotFoundException"
    with pytest.raises(ResourceNotFound, match="Glue crawler 'nope' not found"):
        start_crawler(glue, "nope")
    with pytest.raises(ResourceNotFound, match="Glue workflow 'nope' not found"):
        start_workflow_run(glue, "nope")
    stubbed = boto3.client("glue", region_name="us-east-1")
    with Stubber(stubbed) as stubber:
        stubber.add_client_error("start_job_run", "InvalidInputException", "bad worker type")
        with pytest.raises(InvalidRequest, match="bad worker type") as invalid:
            start_job_run(stubbed, "etl")
    assert isinstance(invalid.value, GlueRequestRefused)
