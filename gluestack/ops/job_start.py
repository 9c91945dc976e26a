"""Start job runs idempotently, with a chosen answer to Glue's concurrent-run limit."""

import uuid
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from gluestack.ops.errors import ConcurrentRunsExceeded, WaitDeadlineExceeded, refusals_typed
from gluestack.ops.polling import Clock, Deadline, PollSchedule, SystemClock
from gluestack.ops.states import JOB_IN_PROGRESS

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

# Glue hands every argument to the script, and getResolvedOptions ignores names it is not
# asked for, so a token rides along harmlessly and marks which start made the run.
RUN_TOKEN_ARGUMENT = "--gluestack-run-token"
# A retried start looks for its token among this many most recent runs.
TOKEN_LOOKBACK_RUNS = 50
SLOT_SCHEDULE = PollSchedule(first_seconds=5, factor=2, cap_seconds=60)


class WhenBusy(StrEnum):
    """What to do when the job already runs its MaxConcurrentRuns."""

    FAIL = "fail"
    WAIT = "wait"
    ATTACH = "attach"


def new_run_token() -> str:
    return uuid.uuid4().hex


@refusals_typed("Glue job", "job_name")
def start_job_run(
    glue: "GlueClient",
    job_name: str,
    arguments: Mapping[str, str] | None = None,
    *,
    run_token: str | None = None,
    when_busy: WhenBusy = WhenBusy.FAIL,
    busy_deadline_seconds: float = 3600,
    timeout_minutes: int | None = None,
    worker_type: str | None = None,
    number_of_workers: int | None = None,
    execution_class: str | None = None,
    clock: Clock | None = None,
) -> str:
    """Start a run and return its id; arguments are given without the leading '--'.

    run_token: a retried start with the same token returns the run the first start made
    instead of starting a duplicate (pass one from your orchestrator's task id).
    """
    if run_token and (existing := find_run_by_token(glue, job_name, run_token)):
        return existing
    request: dict[str, Any] = {"JobName": job_name}
    named = {f"--{k.removeprefix('--')}": v for k, v in (arguments or {}).items()}
    if run_token:
        named[RUN_TOKEN_ARGUMENT] = run_token
    if named:
        request["Arguments"] = named
    optional = {
        "Timeout": timeout_minutes,
        "WorkerType": worker_type,
        "NumberOfWorkers": number_of_workers,
        "ExecutionClass": execution_class,
    }
    request.update({k: v for k, v in optional.items() if v is not None})
    deadline = Deadline(clock or SystemClock(), busy_deadline_seconds)
    waits = SLOT_SCHEDULE.intervals()
    # botocore retries throttling; a full job is not transient for seconds but until a run
    # ends, so the wait policy needs its own bounded loop.
    while True:
        try:
            run_id: str = glue.start_job_run(**request)["JobRunId"]
            return run_id
        except glue.exceptions.ConcurrentRunsExceededException as error:
            if when_busy is WhenBusy.ATTACH and (running := running_run(glue, job_name)):
                return running
            if when_busy is WhenBusy.FAIL:
                raise ConcurrentRunsExceeded(job_name, str(error)) from None
            if deadline.remaining <= 0:
                raise WaitDeadlineExceeded(
                    "Glue job", job_name, "at its concurrent-run limit", deadline.elapsed
                ) from None
            deadline.sleep(next(waits))


def find_run_by_token(glue: "GlueClient", job_name: str, run_token: str) -> str | None:
    """The id of a recent run started with run_token, if any."""
    runs = glue.get_job_runs(JobName=job_name, MaxResults=TOKEN_LOOKBACK_RUNS)["JobRuns"]
    for run in runs:
        if run.get("Arguments", {}).get(RUN_TOKEN_ARGUMENT) == run_token:
            run_id: str = run["Id"]
            return run_id
    return None


def running_run(glue: "GlueClient", job_name: str) -> str | None:
    """The id of the most recent run still in progress, if any."""
    runs = glue.get_job_runs(JobName=job_name, MaxResults=TOKEN_LOOKBACK_RUNS)["JobRuns"]
    in_progress = [r for r in runs if r["JobRunState"] in JOB_IN_PROGRESS]
    if not in_progress:
        return None
    # A run not started yet has no StartedOn: it sorts first (a datetime never compares with 0).
    latest = max(in_progress, key=lambda r: r["StartedOn"].timestamp() if "StartedOn" in r else 0.0)
    run_id: str = latest["Id"]
    return run_id
