"""A finished job run as a person wants it reported: state, timings, DPU-seconds, where to look."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

# DPUs per worker (https://docs.aws.amazon.com/glue/latest/dg/add-job.html), for DPU-seconds
# when Glue reports no DPUSeconds (it does only for Flex and auto-scaled runs).
DPU_PER_WORKER: dict[str, float] = {
    "Standard": 1,
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
    console_url: str
    execution_class: str = "STANDARD"


def job_run_result(
    job_name: str, run: Mapping[str, Any], region: str = "us-east-1"
) -> JobRunResult:
    """A JobRunResult from a GetJobRun response's JobRun (or a mapping of its fields: the job's
    capacity under the run's own, as job_run_history reports a run)."""
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
        execution_class=run.get("ExecutionClass", "STANDARD"),
        console_url=(
            f"https://{region}.console.aws.amazon.com/gluestudio/home?region={region}"
            f"#/job/{quote(job_name)}/run/{run['Id']}"
        ),
    )


def _dpu_seconds(run: Mapping[str, Any], execution_seconds: int) -> float | None:
    if "DPUSeconds" in run:
        return float(run["DPUSeconds"])
    per_worker = DPU_PER_WORKER.get(run.get("WorkerType", ""))
    if per_worker is not None and run.get("NumberOfWorkers"):
        return per_worker * run["NumberOfWorkers"] * execution_seconds
    if run.get("MaxCapacity"):
        return float(run["MaxCapacity"]) * execution_seconds
    return None
