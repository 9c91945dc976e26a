"""Starts are idempotent with a run token, and a job at its concurrency limit follows a policy."""

from typing import Any

import pytest
from botocore.stub import Stubber

from gluestack.ops import ConcurrentRunsExceeded, WaitDeadlineExceeded, WhenBusy, start_job_run
from gluestack.ops.job_start import RUN_TOKEN_ARGUMENT
from tests.ops.conftest import FakeClock


def test_a_retried_start_with_the_same_token_attaches_to_the_first_run(
    glue_with_runs_that_keep_running: Any,
) -> None:
    glue = glue_with_runs_that_keep_running
    first = start_job_run(glue, "etl", {"day": "1"}, run_token="task-7")
    again = start_job_run(glue, "etl", {"day": "1"}, run_token="task-7")
    assert again == first
    runs = glue.get_job_runs(JobName="etl")["JobRuns"]
    assert [r["Id"] for r in runs] == [first]
    assert runs[0]["Arguments"] == {"--day": "1", RUN_TOKEN_ARGUMENT: "task-7"}


def test_a_busy_job_fails_by_default_naming_the_ways_out(
    glue_with_runs_that_keep_running: Any,
) -> None:
    glue = glue_with_runs_that_keep_running
    start_job_run(glue, "etl")
    with pytest.raises(ConcurrentRunsExceeded, match=r"concurrent-run limit.*--when-busy attach"):
        start_job_run(glue, "etl")


def test_attach_returns_the_run_in_progress(glue_with_runs_that_keep_running: Any) -> None:
    glue = glue_with_runs_that_keep_running
    running = start_job_run(glue, "etl")
    assert start_job_run(glue, "etl", when_busy=WhenBusy.ATTACH) == running


def test_wait_gives_up_at_its_deadline_when_no_slot_frees(
    glue_with_runs_that_keep_running: Any, clock: FakeClock
) -> None:
    glue = glue_with_runs_that_keep_running
    start_job_run(glue, "etl")
    with pytest.raises(WaitDeadlineExceeded, match="concurrent-run limit"):
        start_job_run(glue, "etl", when_busy=WhenBusy.WAIT, busy_deadline_seconds=120, clock=clock)
    assert sum(clock.sleeps) == 120


def test_wait_starts_once_a_slot_frees(stubbed_glue: tuple[Any, Stubber], clock: FakeClock) -> None:
    glue, stubber = stubbed_glue
    busy = "ConcurrentRunsExceededException"
    stubber.add_client_error("start_job_run", busy, "Concurrent runs exceeded for etl")
    stubber.add_client_error("start_job_run", busy, "Concurrent runs exceeded for etl")
    stubber.add_response("start_job_run", {"JobRunId": "jr_2"}, {"JobName": "etl"})
    assert start_job_run(glue, "etl", when_busy=WhenBusy.WAIT, clock=clock) == "jr_2"
    assert len(clock.sleeps) == 2


def test_the_run_in_progress_is_found_when_one_has_no_start_time_yet() -> None:
    """GetJobRuns' StartedOn is optional: a run waiting for capacity may lack it."""
    from datetime import UTC, datetime

    import boto3

    from gluestack.ops.job_start import running_run

    glue = boto3.client("glue", region_name="us-east-1")
    started = datetime(2026, 12, 1, tzinfo=UTC)
    runs = [
        {"Id": "jr_waiting", "JobRunState": "WAITING"},
        {"Id": "jr_running", "JobRunState": "RUNNING", "StartedOn": started},
    ]
    with Stubber(glue) as stub:
        stub.add_response("get_job_runs", {"JobRuns": runs})
        assert running_run(glue, "etl") == "jr_running"
