"""The workflow that runs one pipeline, and who hears about failures."""

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class WorkflowSpec(BaseModel):
    """How the pipeline's Glue workflow runs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_concurrent_runs: int = Field(default=1, ge=1, le=1000)
    run_properties: dict[str, str] = Field(
        default_factory=dict, description="default run properties every run starts with"
    )


class NotificationsSpec(BaseModel):
    """Where failed jobs and crawls are reported, besides the environment's SNS topic."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    email: list[EmailStr] = Field(default_factory=list)
