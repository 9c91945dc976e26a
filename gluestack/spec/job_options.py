"""How a Glue job runs: the options a spec declares and the ETL job construct deploys, typed once.

A spec's JobSpec is these options plus what the job reads and writes; a CDK app builds the
construct from JobOptions directly, validated the same way.
"""

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gluestack.spec.glue_versions import DEFAULT_GLUE_VERSION, GlueVersion

WorkerType = Literal[
    "G.025X", "G.1X", "G.2X", "G.4X", "G.8X", "G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"
]
Bookmarks = Literal["enable", "disable", "pause"]
ExecutionClass = Literal["standard", "flex"]
FLEX_WORKER_TYPES = ("G.1X", "G.2X")


def flex_refusal(execution_class: ExecutionClass, worker_type: WorkerType) -> str | None:
    """Why these cannot run together, or None."""
    if execution_class == "flex" and worker_type not in FLEX_WORKER_TYPES:
        return (
            f"flex execution runs on {' or '.join(FLEX_WORKER_TYPES)} workers only, "
            f"not {worker_type}"
        )
    return None


class JobOptions(BaseModel):
    """Defaults: Glue 5.1, 2 x G.1X, 60 minutes, no retries, one run at a time, bookmarks off,
    continuous logging and metrics on, standard execution."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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
    timeout_minutes: int = Field(default=60, ge=1, le=10080)
    max_retries: int = Field(default=0, ge=0, le=10)
    max_concurrent_runs: int = Field(default=1, ge=1, le=1000)
    run_queuing: bool = Field(default=False, description="queue runs over the concurrency limit")
    continuous_logging: bool = True
    metrics: bool = Field(default=True, description="job metrics in CloudWatch")
    observability_metrics: bool = True
    python_modules: list[str] = Field(
        default_factory=list, description="pip requirements installed on the workers"
    )

    @model_validator(mode="after")
    def _flex_fits_the_workers(self) -> Self:
        if refusal := flex_refusal(self.execution_class, self.worker_type):
            raise ValueError(refusal)
        return self
