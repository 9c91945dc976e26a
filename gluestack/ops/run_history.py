"""A job's past runs: its history, and how long its successful runs usually take."""

import statistics
from typing import TYPE_CHECKING, Final

from gluestack.ops.errors import refusals_typed
from gluestack.ops.job_result import JobRunResult, job_run_result

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import JobRunTypeDef

HISTORY_RUNS = 10


def run_seconds(run: "JobRunTypeDef") -> float | None:
    """Wall seconds from start to completion (what a waiter waits), else Glue's ExecutionTime."""
    if run.get("StartedOn") and run.get("CompletedOn"):
        return float((run["CompletedOn"] - run["StartedOn"]).total_seconds())
    if run.get("ExecutionTime"):
        return float(run["ExecutionTime"])
    return None


def typical_run_seconds(glue: "GlueClient", job_name: str) -> float | None:
    """Median length of the job's recent successful runs (one GetJobRuns call); None if none."""
    runs = glue.get_job_runs(JobName=job_name, MaxResults=HISTORY_RUNS)["JobRuns"]
    lengths = [
        seconds
        for run in runs
        if run.get("JobRunState") == "SUCCEEDED" and (seconds := run_seconds(run))
    ]
    return statistics.median(lengths) if lengths else None


@refusals_typed("Glue job", "job_name")
def latest_job_run(glue: "GlueClient", job_name: str) -> "JobRunTypeDef | None":
    """The job's newest run as GetJobRuns gives it (newest first), None if it never ran."""
    runs = glue.get_job_runs(JobName=job_name, MaxResults=1)["JobRuns"]
    return runs[0] if runs else None


# A run that does not override these runs with the job's own.
CAPACITY_FIELDS: Final = ("WorkerType", "NumberOfWorkers", "MaxCapacity", "ExecutionClass")


@refusals_typed("Glue job", "job_name")
def job_run_history(glue: "GlueClient", job_name: str, limit: int = 25) -> list[JobRunResult]:
    """The job's most recent runs, newest first, across as many pages as limit needs."""
    job = glue.get_job(JobName=job_name)["Job"]
    capacity = {name: job[name] for name in CAPACITY_FIELDS if job.get(name)}
    results: list[JobRunResult] = []
    for page in glue.get_paginator("get_job_runs").paginate(JobName=job_name):
        for run in page["JobRuns"]:
            given = {name: value for name, value in run.items() if value is not None}
            results.append(job_run_result(job_name, capacity | given, glue.meta.region_name))
            if len(results) == limit:
                return results
    return results
