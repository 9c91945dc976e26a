"""A deadline or Ctrl-C stops the run it gave up on, and says so; nothing is left orphaned."""

from typing import Any

import pytest
from botocore.stub import Stubber

from gluestack.ops import PollSchedule, WaitDeadlineExceeded, stop_job_run, wait_for_job_run
from tests.ops.conftest import FakeClock, job_run

RUN = {"JobName": "etl", "RunId": "jr_1"}
STOP = {"JobName": "etl", "JobRunIds": ["jr_1"]}
QUICK = PollSchedule(first_seconds=10, factor=1, cap_seconds=10, jitter=0)


class InterruptedClock(FakeClock):
    """Ctrl-C arrives during the first sleep."""

    def sleep(self, seconds: float) -> None:
        if not self.sleeps:
            self.sleeps.append(seconds)
            raise KeyboardInterrupt
        super().sleep(seconds)


def _stop_responses(stubber: Stubber, *states: str) -> None:
    stubber.add_response(
        "batch_stop_job_run",
        {"SuccessfulSubmissions": [{"JobName": "etl", "JobRunId": "jr_1"}]},
        STOP,
    )
    for state in states:
        stubber.add_response("get_job_run", job_run(state), RUN)


def test_the_deadline_stops_the_run_and_waits_until_it_has_stopped(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    for _ in range(3):
        stubber.add_response("get_job_run", job_run("RUNNING"), RUN)
    _stop_responses(stubber, "STOPPING", "STOPPED")
    with pytest.raises(WaitDeadlineExceeded, match="it was stopped and ended STOPPED") as raised:
        wait_for_job_run(glue, "etl", "jr_1", deadline_seconds=20, schedule=QUICK, clock=clock)
    assert raised.value.last_state == "RUNNING"


def test_ctrl_c_stops_the_run_then_lets_the_interrupt_through(
    stubbed_glue: tuple[Any, Stubber],
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_job_run", job_run("RUNNING"), RUN)
    _stop_responses(stubber, "STOPPED")
    with pytest.raises(KeyboardInterrupt):
        wait_for_job_run(
            glue, "etl", "jr_1", deadline_seconds=600, schedule=QUICK, clock=InterruptedClock()
        )


def test_a_refused_stop_is_reported_beside_the_deadline(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_job_run", job_run("RUNNING"), RUN)
    refused = {
        "SuccessfulSubmissions": [],
        "Errors": [
            {
                "JobName": "etl",
                "JobRunId": "jr_1",
                "ErrorDetail": {"ErrorCode": "AccessDeniedException", "ErrorMessage": "no"},
            }
        ],
    }
    stubber.add_response("batch_stop_job_run", refused, STOP)
    with pytest.raises(WaitDeadlineExceeded, match=r"may still run: .*AccessDeniedException"):
        wait_for_job_run(glue, "etl", "jr_1", deadline_seconds=0, schedule=QUICK, clock=clock)


def test_stop_returns_how_the_run_ended(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    _stop_responses(stubber, "STOPPING", "STOPPED")
    assert stop_job_run(glue, "etl", "jr_1", clock=clock).state == "STOPPED"


def test_in_moto_without_batch_stop_the_deadline_says_the_run_was_not_stopped(
    glue_with_runs_that_keep_running: Any, clock: FakeClock
) -> None:
    glue = glue_with_runs_that_keep_running
    run_id = glue.start_job_run(JobName="etl")["JobRunId"]
    with pytest.raises(WaitDeadlineExceeded, match="moto has no BatchStopJobRun"):
        wait_for_job_run(glue, "etl", run_id, deadline_seconds=30, schedule=QUICK, clock=clock)
