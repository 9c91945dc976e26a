"""Start Glue job runs and wait for them, handling every run state Glue can report."""

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from gluestack.ops.errors import (
    GlueOpsError,
    JobRunFailed,
    UnknownRunState,
    WaitDeadlineExceeded,
    refusals_typed,
)
from gluestack.ops.job_result import JobRunResult, job_run_result
from gluestack.ops.job_start import WhenBusy, start_job_run
from gluestack.ops.polling import DEFAULT_SCHEDULE, Clock, Deadline, PollSchedule, SystemClock
from gluestack.ops.run_history import typical_run_seconds
from gluestack.ops.states import JOB_FAILED, JOB_IN_PROGRESS, JOB_SUCCEEDED

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import JobRunTypeDef

STOP_SCHEDULE = PollSchedule(first_seconds=2, factor=1.5, cap_seconds=15)

# Called after every poll with the run's state, its attempt and the seconds waited so far.
OnPoll = Callable[[str, int, float], None]


@refusals_typed("Glue job", "job_name")
def wait_for_job_run(
    glue: "GlueClient",
    job_name: str,
    run_id: str,
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
    stop_on_deadline: bool = True,
    on_poll: OnPoll | None = None,
) -> JobRunResult:
    """Poll until the run ends: SUCCEEDED returns, FAILED/TIMEOUT/ERROR/EXPIRED/STOPPED raise.

    When the deadline passes or Ctrl-C arrives, the run is stopped (BatchStopJobRun) and
    waited for, unless stop_on_deadline is False: a waiter never leaves a run orphaned silently.
    """
    clock = clock or SystemClock()
    deadline = Deadline(clock, deadline_seconds)
    intervals = schedule.intervals(elapsed=lambda: deadline.elapsed)
    state = "STARTING"
    try:
        while True:
            run = glue.get_job_run(JobName=job_name, RunId=run_id)["JobRun"]
            state = run["JobRunState"]
            if on_poll:
                on_poll(state, int(run.get("Attempt", 0)), deadline.elapsed)
            if state not in JOB_IN_PROGRESS:
                return _final(glue, job_name, run)
            if deadline.remaining <= 0:
                raise WaitDeadlineExceeded(
                    "Glue job run", f"{job_name}/{run_id}", state, deadline.elapsed
                )
            deadline.sleep(next(intervals))
    except (WaitDeadlineExceeded, KeyboardInterrupt) as interruption:
        if not stop_on_deadline:
            raise
        note = _stop_and_settle(glue, job_name, run_id, clock)
        if isinstance(interruption, KeyboardInterrupt):
            raise
        raise WaitDeadlineExceeded(
            "Glue job run", f"{job_name}/{run_id}", state, deadline.elapsed, note
        ) from None


@refusals_typed("Glue job", "job_name")
def stop_job_run(
    glue: "GlueClient",
    job_name: str,
    run_id: str,
    *,
    deadline_seconds: float = 300,
    clock: Clock | None = None,
) -> JobRunResult:
    """Stop a run (BatchStopJobRun) and wait until it has ended; returns how it ended."""
    response = glue.batch_stop_job_run(JobName=job_name, JobRunIds=[run_id])
    for error in response.get("Errors", []):
        detail = error.get("ErrorDetail", {})
        raise GlueOpsError(
            f"could not stop Glue job '{job_name}' run {run_id}: "
            f"{detail.get('ErrorCode', '')} {detail.get('ErrorMessage', '')}".strip()
        )
    deadline = Deadline(clock or SystemClock(), deadline_seconds)
    intervals = STOP_SCHEDULE.intervals()
    while True:
        run = glue.get_job_run(JobName=job_name, RunId=run_id)["JobRun"]
        if run["JobRunState"] not in JOB_IN_PROGRESS:
            return job_run_result(job_name, run, glue.meta.region_name)
        if deadline.remaining <= 0:
            raise WaitDeadlineExceeded(
                "stopping Glue job run",
                f"{job_name}/{run_id}",
                run["JobRunState"],
                deadline.elapsed,
            )
        deadline.sleep(next(intervals))


@refusals_typed("Glue job", "job_name")
def run_job(
    glue: "GlueClient",
    job_name: str,
    arguments: Mapping[str, str] | None = None,
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
    learn_from_history: bool = True,
    run_token: str | None = None,
    when_busy: WhenBusy = WhenBusy.FAIL,
    on_poll: OnPoll | None = None,
) -> JobRunResult:
    """Start a run (idempotent with run_token) and wait for it to end.

    learn_from_history: poll around the end of a typical past run (one GetJobRuns call), which
    takes far fewer polls than a fixed interval and notices the end sooner.
    """
    if learn_from_history and schedule.expected_seconds is None:
        schedule = schedule.expecting(typical_run_seconds(glue, job_name))
    run_id = start_job_run(
        glue,
        job_name,
        arguments,
        run_token=run_token,
        when_busy=when_busy,
        busy_deadline_seconds=deadline_seconds,
        clock=clock,
    )
    return wait_for_job_run(
        glue,
        job_name,
        run_id,
        deadline_seconds=deadline_seconds,
        schedule=schedule,
        clock=clock,
        on_poll=on_poll,
    )


def _final(glue: "GlueClient", job_name: str, run: "JobRunTypeDef") -> JobRunResult:
    result = job_run_result(job_name, run, glue.meta.region_name)
    if result.state in JOB_SUCCEEDED:
        return result
    if result.state in JOB_FAILED:
        raise JobRunFailed(
            job_name, result.run_id, result.state, result.error_message, result.log_group
        )
    raise UnknownRunState("Glue job run", f"{job_name}/{result.run_id}", result.state)


def _stop_and_settle(glue: "GlueClient", job_name: str, run_id: str, clock: Clock) -> str:
    """Stop the run; a note saying what happened, never an error that hides the first one."""
    try:
        stopped = stop_job_run(glue, job_name, run_id, clock=clock)
    except NotImplementedError:
        return "moto has no BatchStopJobRun: the run was not stopped"
    except (GlueOpsError, ClientError) as error:
        return f"stopping it failed, so it may still run: {error}"
    return f"it was stopped and ended {stopped.state}"
