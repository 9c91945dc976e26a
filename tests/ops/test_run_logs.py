"""A run's log lines come from Glue's groups in time order, paged, followed until the run ends."""

import contextlib
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto.core.utils import utcnow
from moto.glue.models import glue_backends

from gluestack.ops import LogLine, WaitDeadlineExceeded, follow_run_logs, read_run_logs
from tests.ops.conftest import FakeClock

ACCOUNT = "123456789012"
# CloudWatch Logs refuses events older than 14 days: timestamps are offsets from a minute ago.
NOW = int(time.time() * 1000) - 60_000


@pytest.fixture
def logs(glue_with_runs_that_keep_running: Any) -> Iterator[Any]:
    yield boto3.client("logs", region_name="us-east-1")


def put(logs: Any, group: str, stream: str, *events: tuple[int, str]) -> None:
    for name, create in (("group", logs.create_log_group), ("stream", logs.create_log_stream)):
        arguments = {"logGroupName": group} | (
            {"logStreamName": stream} if name == "stream" else {}
        )
        with contextlib.suppress(logs.exceptions.ResourceAlreadyExistsException):
            create(**arguments)
    logs.put_log_events(
        logGroupName=group,
        logStreamName=stream,
        logEvents=[{"timestamp": NOW + t, "message": m} for t, m in events],
    )


def base(glue: Any, run_id: str) -> str:
    """The run's LogGroupName: /aws-glue/jobs on AWS (moto says test/log)."""
    group: str = glue.get_job_run(JobName="etl", RunId=run_id)["JobRun"]["LogGroupName"]
    return group


def test_lines_of_output_error_and_continuous_groups_merge_in_time_order(
    glue_with_runs_that_keep_running: Any, logs: Any
) -> None:
    glue = glue_with_runs_that_keep_running
    run_id = glue.start_job_run(JobName="etl")["JobRunId"]
    put(
        logs,
        f"{base(glue, run_id)}/output",
        run_id,
        (1_000, "reading flights"),
        (3_000, "wrote 9 rows"),
    )
    put(logs, f"{base(glue, run_id)}/error", run_id, (2_000, "WARN skew in join"))
    put(logs, "/aws-glue/jobs/logs-v2", f"{run_id}-driver", (2_500, "stage 2 of 3"))
    put(logs, f"{base(glue, run_id)}/output", "jr_another_run", (1_500, "not this run"))

    read = read_run_logs(logs, glue, "etl", run_id)

    assert [(line.kind, line.message) for line in read.lines] == [
        ("output", "reading flights"),
        ("error", "WARN skew in join"),
        ("continuous", "stage 2 of 3"),
        ("output", "wrote 9 rows"),
    ]
    assert read.problems == {}


def test_every_page_of_a_long_log_is_read(glue_with_runs_that_keep_running: Any, logs: Any) -> None:
    glue = glue_with_runs_that_keep_running
    run_id = glue.start_job_run(JobName="etl")["JobRunId"]
    for batch in range(3):
        put(
            logs,
            f"{base(glue, run_id)}/output",
            run_id,
            *[(batch * 10_000 + i, f"{batch}:{i}") for i in range(10_000)],
        )

    lines = read_run_logs(logs, glue, "etl", run_id).lines

    assert len(lines) == 30_000
    assert lines[-1].message == "2:9999"


def test_a_missing_stream_is_reported_beside_the_lines_not_raised(
    glue_with_runs_that_keep_running: Any, logs: Any
) -> None:
    glue = glue_with_runs_that_keep_running
    run_id = glue.start_job_run(JobName="etl")["JobRunId"]
    put(logs, f"{base(glue, run_id)}/output", run_id, (1_000, "started"))

    read = read_run_logs(logs, glue, "etl", run_id, errors_only=True)

    assert read.lines == []
    error_group = f"{base(glue, run_id)}/error"
    assert read.problems == {error_group: f"no logs yet in {error_group} for run {run_id}"}


def test_follow_passes_each_line_once_and_ends_with_the_run(
    glue_with_runs_that_keep_running: Any, logs: Any
) -> None:
    glue = glue_with_runs_that_keep_running
    run_id = glue.start_job_run(JobName="etl")["JobRunId"]
    put(logs, f"{base(glue, run_id)}/output", run_id, (1_000, "first"))
    later = iter([(2_000, "second"), (2_000, "same millisecond"), (3_000, "last")])

    class WritingClock(FakeClock):
        def sleep(self, seconds: float) -> None:
            super().sleep(seconds)
            event = next(later, None)
            if event:
                put(logs, f"{base(glue, run_id)}/output", run_id, event)
            if event and event[1] == "last":
                end_job_run(ACCOUNT, "us-east-1", "etl", run_id, "SUCCEEDED")

    seen: list[LogLine] = []
    read = follow_run_logs(
        logs, glue, "etl", run_id, deadline_seconds=600, on_line=seen.append, clock=WritingClock()
    )

    assert [line.message for line in seen] == ["first", "second", "same millisecond", "last"]
    assert read.lines == seen


def test_following_a_run_past_the_deadline_raises_without_stopping_it(
    glue_with_runs_that_keep_running: Any, logs: Any
) -> None:
    glue = glue_with_runs_that_keep_running
    run_id = glue.start_job_run(JobName="etl")["JobRunId"]

    with pytest.raises(WaitDeadlineExceeded, match="still STARTING after 30s"):
        follow_run_logs(
            logs, glue, "etl", run_id, deadline_seconds=30, on_line=print, clock=FakeClock()
        )
    assert glue.get_job_run(JobName="etl", RunId=run_id)["JobRun"]["JobRunState"] == "STARTING"


def end_job_run(account: str, region: str, job_name: str, run_id: str, state: str) -> None:
    """End a run moto started in the state given (moto has no API to end one)."""
    run = glue_backends[account][region].get_job(job_name).get_job_run(run_id)
    run.status = state
    run.completed_on = utcnow()
