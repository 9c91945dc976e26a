"""How a Glue job runs: the options a spec declares and the ETL job construct deploys, typed once.

A spec's JobSpec is these options plus what the job reads and writes; a CDK app builds the
construct from JobOptions directly, validated the same way.
"""

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gluestack.spec.glue_versions import DEFAULT_GLUE_VERSION, GlueVersion

WorkerType = Literal[
    "G.025X", "G.1X", "G.2X", "G.4X", "G.8X", "G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"
]
# glueetl: a PySpark job; pythonshell: a Python 3.9 process with no Spark, for small steps
# (https://docs.aws.amazon.com/glue/latest/dg/add-job-python.html).
JobType = Literal["glueetl", "pythonshell"]
PYTHON_SHELL: JobType = "pythonshell"  # also the deployed job's Command.Name
Bookmarks = Literal["enable", "disable", "pause"]
ExecutionClass = Literal["standard", "flex"]
FLEX_WORKER_TYPES = ("G.1X", "G.2X")
STREAMING_WORKER_TYPE = "G.025X"
# A run's timeout, the job's or a trigger action's: "Jobs must have timeout values less than 7
# days or 10080 minutes" (the Glue API model's Action.Timeout, as in
# https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/glue/aws.sdk.kotlin.services.glue.model/-action/timeout.html,
# and CreateJob's Timeout).
MAX_TIMEOUT_MINUTES = 10080


def flex_refusal(execution_class: ExecutionClass, worker_type: WorkerType) -> str | None:
    """Why these cannot run together, or None."""
    if execution_class == "flex" and worker_type not in FLEX_WORKER_TYPES:
        return (
            f"flex execution runs on {' or '.join(FLEX_WORKER_TYPES)} workers only, "
            f"not {worker_type}"
        )
    return None


# What only a Spark job has; a Python shell job declaring one is refused, not silently ignored.
SPARK_ONLY_OPTIONS = (
    "glue_version", "worker_type", "number_of_workers", "auto_scaling", "execution_class",
    "bookmarks", "metrics", "observability_metrics",
)  # fmt: skip
PYTHON_SHELL_ONLY_OPTIONS = ("max_capacity", "python_version", "library_set")
PYTHON_SHELL_CAPACITIES = (0.0625, 1.0)


class JobOptions(BaseModel):
    """Defaults: a PySpark job on Glue 5.1, 2 x G.1X, 60 minutes, no retries, one run at a time,
    bookmarks off, continuous logging and metrics on, standard execution; a Python shell job:
    0.0625 DPU, Python 3.9, the analytics libraries."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: JobType = "glueetl"
    glue_version: GlueVersion = DEFAULT_GLUE_VERSION
    worker_type: WorkerType = "G.1X"
    number_of_workers: int = Field(default=2, ge=2, le=1000)
    auto_scaling: bool = Field(
        default=False, description="scale between 1 worker and number_of_workers as load needs"
    )
    execution_class: ExecutionClass = Field(
        default="standard", description="flex: spare capacity, cheaper, may start later"
    )
    bookmarks: Bookmarks = Field(
        default="disable", description="job bookmarks: process only data new since the last run"
    )
    timeout_minutes: int = Field(default=60, ge=1, le=MAX_TIMEOUT_MINUTES)
    max_retries: int = Field(default=0, ge=0, le=10)
    max_concurrent_runs: int = Field(default=1, ge=1, le=1000)
    run_queuing: bool = Field(default=False, description="queue runs over the concurrency limit")
    continuous_logging: bool = True
    metrics: bool = Field(default=True, description="job metrics in CloudWatch")
    observability_metrics: bool = True
    python_modules: list[str] = Field(
        default_factory=list, description="pip requirements installed on the workers"
    )
    max_capacity: float = Field(
        default=0.0625, description="pythonshell: DPUs of the job, 0.0625 or 1"
    )
    python_version: Literal["3.9"] = Field(
        default="3.9", description="pythonshell: the only Python Glue's Python shell runs now"
    )
    library_set: Literal["analytics", "none"] = Field(
        default="analytics",
        description="pythonshell: analytics preloads pandas, numpy, awswrangler...; none nothing",
    )

    @field_validator("max_capacity")
    @classmethod
    def _a_python_shell_capacity(cls, value: float) -> float:
        if value not in PYTHON_SHELL_CAPACITIES:
            raise ValueError(f"a Python shell job runs on 0.0625 or 1 DPU, not {value}")
        return value

    @model_validator(mode="after")
    def _options_fit_the_job_type(self) -> Self:
        foreign = SPARK_ONLY_OPTIONS if self.type == "pythonshell" else PYTHON_SHELL_ONLY_OPTIONS
        if declared := [name for name in foreign if name in self.model_fields_set]:
            kind = "a Python shell job" if self.type == "pythonshell" else "a Spark job"
            raise ValueError(f"{declared[0]} is not an option of {kind} (type: {self.type})")
        if self.worker_type == STREAMING_WORKER_TYPE:
            # https://docs.aws.amazon.com/glue/latest/webapi/API_StartJobRun.html: "only
            # available for AWS Glue version 3.0 or later streaming jobs".
            raise ValueError(
                f"{STREAMING_WORKER_TYPE} workers run streaming jobs only; a batch job takes "
                "G.1X or larger"
            )
        if refusal := flex_refusal(self.execution_class, self.worker_type):
            raise ValueError(refusal)
        return self
