"""Patches that route moto's StartJobRun and BatchStopJobRun to the offline executor.

Installed and removed together by executing_glue(); while installed, every StartJobRun in the
process (in-process mock or served endpoint) makes an ExecutedJobRun and hands it to the
executor, which runs it; BatchStopJobRun asks the executor to stop runs.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from moto.glue.exceptions import ConcurrentRunsExceededException
from moto.glue.models import FakeJob
from moto.glue.responses import GlueResponse

from gluestack.local.service.job_runs import ExecutedJobRun

StartRun = Callable[[Any, ExecutedJobRun], None]  # (moto's job, the new run)
StopRun = Callable[[ExecutedJobRun], None]


@contextmanager
def executing_hooks(start: StartRun, stop: StopRun) -> Iterator[None]:
    """Inside the block moto's Glue job runs are executed by start and stopped by stop."""
    original_start = FakeJob.start_job_run

    def start_job_run(
        self: FakeJob, allocated_capacity: int | None, max_capacity: float | None,
        timeout: int | None, worker_type: str | None, security_configuration: str | None,
        number_of_workers: int | None, notification_property: dict[str, int] | None,
        previous_run_id: str | None, arguments: dict[str, str] | None,
    ) -> str:  # fmt: skip
        running = [r for r in self.job_runs if not getattr(r, "ended", True)]
        if len(running) >= self.execution_property.get("MaxConcurrentRuns", 1):
            raise ConcurrentRunsExceededException(f"Job with name {self.name} already running")
        merged = {
            **self.default_arguments,
            **(arguments or {}),
            **(self.non_overridable_arguments or {}),
        }
        run = ExecutedJobRun(
            self, merged, timeout=timeout, worker_type=worker_type,
            number_of_workers=number_of_workers, max_capacity=max_capacity,
            previous_run_id=previous_run_id,
        )  # fmt: skip
        self.job_runs.append(run)
        start(self, run)
        return str(run.job_run_id)

    def batch_stop_job_run(response: GlueResponse) -> str:
        name = response._get_param("JobName")
        backend: Any = response.glue_backend
        job = backend.get_job(name)
        stopped, errors = [], []
        for run_id in response._get_param("JobRunIds") or []:
            run = next((r for r in job.job_runs if r.job_run_id == run_id), None)
            if not isinstance(run, ExecutedJobRun) or run.ended:
                state = run.status if run else "unknown"
                errors.append(_stop_error(name, run_id, f"Job run is in {state} state"))
                continue
            stop(run)
            stopped.append({"JobName": name, "JobRunId": run_id})
        return json.dumps({"SuccessfulSubmissions": stopped, "Errors": errors})

    FakeJob.start_job_run = start_job_run  # type: ignore[method-assign]
    GlueResponse.batch_stop_job_run = batch_stop_job_run  # type: ignore[attr-defined]
    try:
        yield
    finally:
        FakeJob.start_job_run = original_start  # type: ignore[method-assign]
        del GlueResponse.batch_stop_job_run  # type: ignore[attr-defined]


def _stop_error(job: str, run_id: str, message: str) -> dict[str, Any]:
    return {
        "JobName": job,
        "JobRunId": run_id,
        "ErrorDetail": {"ErrorCode": "InvalidInputException", "ErrorMessage": message},
    }
