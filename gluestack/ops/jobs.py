"""Start Glue job runs and wait for them, handling every run state Glue can report."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from gluestack.ops.errors import JobRunFailed, UnknownRunState, WaitDeadlineExceeded
from gluestack.ops.polling import DEFAULT_SCHEDULE, Clock, Deadline, PollSchedule, SystemClock
from gluestack.ops.states import JOB_FAILED, JOB_IN_PROGRESS, JOB_SUCCEEDED

# DPUs per worker, for DPU-seconds when Glue reports no DPUSeconds (it does only for Flex
# and auto-scaled runs).
DPU_PER_WORKER = {
    "G.025X": 0.25,
    "G.1X": 1,
    "G.2X": 2,
    "G.4X": 4,
    "G.8X": 8,
    "G.12X": 12,
    "G.16X": 16,
    "R.1X": 1,
    "R.2X": 2,
    "R.4X": 4,
    "R.8X": 8,
    "Z.2X": 2,
}


@dataclass(frozen=True)
class JobRunResult:
    """A finished job run, as a person would want it reported."""

    job_name: str
    run_id: str
    attempt: int
    state: str
    started_on: datetime | None
    completed_on: datetime | None
    execution_seconds: int
    dpu_seconds: float | None
    error_message: str
    log_group: str


def start_job_run(
    glue: Any,
    job_name: str,
    arguments: Mapping[str, str] | None = None,
    *,
    timeout_minutes: int | None = None,
    worker_type: str | None = None,
    number_of_workers: int | None = None,
) -> str:
    """Start a run and return its id; arguments are given without the leading '--'."""
    request: dict[str, Any] = {"JobName": job_name}
    if arguments:
        request["Arguments"] = {f"--{k.removeprefix('--')}": v for k, v in arguments.items()}
    if timeout_minutes is not None:
        request["Timeout"] = timeout_minutes
    if worker_type is not None:
        request["WorkerType"] = worker_type
    if number_of_workers is not None:
        request["NumberOfWorkers"] = number_of_workers
    run_id: str = glue.start_job_run(**request)["JobRunId"]
    return run_id


def wait_for_job_run(
    glue: Any,
    job_name: str,
    run_id: str,
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
) -> JobRunResult:
    """Poll until the run ends: SUCCEEDED returns, FAILED/TIMEOUT/ERROR/EXPIRED/STOPPED raise."""
    deadline = Deadline(clock or SystemClock(), deadline_seconds)
    intervals = schedule.intervals()
    while True:
        run = glue.get_job_run(JobName=job_name, RunId=run_id)["JobRun"]
        state = run["JobRunState"]
        if state in JOB_SUCCEEDED:
            return job_run_result(job_name, run)
        if state in JOB_FAILED:
            result = job_run_result(job_name, run)
            raise JobRunFailed(job_name, run_id, state, result.error_message, result.log_group)
        if state not in JOB_IN_PROGRESS:
            raise UnknownRunState("Glue job run", f"{job_name}/{run_id}", state)
        if deadline.remaining <= 0:
            raise WaitDeadlineExceeded(
                "Glue job run", f"{job_name}/{run_id}", state, deadline.elapsed
            )
        deadline.sleep(next(intervals))


def run_job(
    glue: Any,
    job_name: str,
    arguments: Mapping[str, str] | None = None,
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
) -> JobRunResult:
    """Start a run and wait for it to end."""
    run_id = start_job_run(glue, job_name, arguments)
    return wait_for_job_run(
        glue, job_name, run_id, deadline_seconds=deadline_seconds, schedule=schedule, clock=clock
    )


def job_run_result(job_name: str, run: dict[str, Any]) -> JobRunResult:
    """A JobRunResult from a GetJobRun response's JobRun."""
    execution = int(run.get("ExecutionTime", 0))
    return JobRunResult(
        job_name=job_name,
        run_id=run["Id"],
        attempt=int(run.get("Attempt", 0)),
        state=run["JobRunState"],
        started_on=run.get("StartedOn"),
        completed_on=run.get("CompletedOn"),
        execution_seconds=execution,
        dpu_seconds=_dpu_seconds(run, execution),
        error_message=run.get("ErrorMessage", ""),
        log_group=f"{run.get('LogGroupName', '/aws-glue/jobs')}/error",
    )


def _dpu_seconds(run: dict[str, Any], execution_seconds: int) -> float | None:
    if "DPUSeconds" in run:
        return float(run["DPUSeconds"])
    per_worker = DPU_PER_WORKER.get(run.get("WorkerType", ""))
    if per_worker is not None and run.get("NumberOfWorkers"):
        return per_worker * run["NumberOfWorkers"] * execution_seconds
    if run.get("MaxCapacity"):
        return float(run["MaxCapacity"]) * execution_seconds
    return None
