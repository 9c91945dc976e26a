"""A job run as Glue reports it, kept in moto's backend in place of moto's always-succeeding one.

Fields and states follow https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html
(JobRun: Attempt, PreviousRunId, TriggerName, JobRunState, ErrorMessage, ExecutionTime, Timeout,
DPUSeconds, GlueVersion, LogGroupName, ...).
"""

from typing import Any

from moto.core.utils import utcnow
from moto.glue.models import FakeJobRun

from gluestack.local.records.executed import Executed
from gluestack.ops.job_result import DPU_PER_WORKER
from gluestack.ops.states import JOB_FAILED, JOB_SUCCEEDED
from gluestack.spec.glue_versions import DEFAULT_GLUE_VERSION

# Where Glue writes a run's /output and /error streams.
JOB_LOG_GROUP = "/aws-glue/jobs"
DEFAULT_TIMEOUT_MINUTES = 2880


class ExecutedJobRun(Executed, FakeJobRun):  # type: ignore[misc]
    """A run whose state the executor sets as the job's process goes, never on its own."""

    def __init__(self, job: Any, arguments: dict[str, str], *, attempt: int = 0,
                 previous_run_id: str | None = None, timeout: int | None = None,
                 worker_type: str | None = None, number_of_workers: int | None = None,
                 max_capacity: float | None = None) -> None:  # fmt: skip
        FakeJobRun.__init__(
            self,
            job_name=job.name,
            arguments=arguments,
            allocated_capacity=None,
            max_capacity=max_capacity or job.max_capacity,
            timeout=timeout or job.timeout or DEFAULT_TIMEOUT_MINUTES,
            worker_type=worker_type or job.worker_type,
            number_of_workers=number_of_workers or job.number_of_workers,
            security_configuration=job.security_configuration,
        )
        self.previous_run_id = previous_run_id
        self.attempt = attempt
        self.glue_version = job.glue_version or DEFAULT_GLUE_VERSION
        self.execution_class = job.execution_class or "STANDARD"
        self.start_executing("STARTING")
        self.completed_on = None  # type: ignore[assignment]
        self.execution_seconds = 0
        self.job_run_queuing_enabled = False

    def end(self, state: str, error_message: str = "") -> None:
        """Record how the run ended, now."""
        self.state = state
        self.error_message = error_message
        self.completed_on = utcnow()  # naive UTC, as moto keeps StartedOn
        self.modified_on = self.completed_on
        self.execution_seconds = max(
            1, round((self.completed_on - self.started_on).total_seconds())
        )

    @property
    def ended(self) -> bool:
        return self.state in JOB_SUCCEEDED | JOB_FAILED

    def dpu_seconds(self) -> float:
        if self.worker_type in DPU_PER_WORKER and self.number_of_workers:
            per_worker = DPU_PER_WORKER[self.worker_type]
            return self.execution_seconds * per_worker * self.number_of_workers
        return self.execution_seconds * float(self.max_capacity or 0)

    def as_dict(self) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "Id": self.job_run_id,
            "Attempt": self.attempt,
            "JobName": self.job_name,
            "StartedOn": self.started_on,
            "LastModifiedOn": self.modified_on,
            "JobRunState": self.state,
            "Arguments": self.arguments or {},
            "PredecessorRuns": [],
            "ExecutionTime": self.execution_seconds,
            "Timeout": self.timeout,
            "GlueVersion": self.glue_version,
            "LogGroupName": JOB_LOG_GROUP,
            "ExecutionClass": self.execution_class,
        }
        if self.worker_type and self.number_of_workers:
            answer |= {"WorkerType": self.worker_type, "NumberOfWorkers": self.number_of_workers}
        else:
            answer["MaxCapacity"] = self.max_capacity
        if self.completed_on:
            answer["CompletedOn"] = self.completed_on
            answer["DPUSeconds"] = self.dpu_seconds()
        if self.error_message:
            answer["ErrorMessage"] = self.error_message
        if self.previous_run_id:
            answer["PreviousRunId"] = self.previous_run_id
        if self.security_configuration:
            answer["SecurityConfiguration"] = self.security_configuration
        if self.job_run_queuing_enabled:
            answer["JobRunQueuingEnabled"] = True
        return answer
