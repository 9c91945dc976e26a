"""Triggers: what starts crawlers and jobs, and when."""

from typing import Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from gluestack.spec.job_options import MAX_TIMEOUT_MINUTES
from gluestack.spec.names import ResourceName
from gluestack.spec.reserved_arguments import SpecArguments
from gluestack.spec.schedule import GlueCron
from gluestack.spec.unmodeled import TriggerUnmodeled

JobState = Literal["SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED"]
CrawlerState = Literal["SUCCEEDED", "FAILED", "CANCELLED"]


class Target(BaseModel):
    """Exactly one job or one crawler of the same pipeline."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    job: ResourceName | None = None
    crawler: ResourceName | None = None

    @model_validator(mode="after")
    def _exactly_one_target(self) -> Self:
        if (self.job is None) == (self.crawler is None):
            raise ValueError("name exactly one of 'job' or 'crawler'")
        return self

    @property
    def kind(self) -> Literal["job", "crawler"]:
        return "job" if self.job is not None else "crawler"

    @property
    def name(self) -> str:
        return self.job if self.job is not None else str(self.crawler)


class Action(Target):
    """A job or crawler the trigger starts; a job's runs may take their own arguments and
    timeout (Glue's Action: https://docs.aws.amazon.com/glue/latest/webapi/API_Action.html)."""

    arguments: SpecArguments = Field(
        default_factory=dict,
        description=(
            "job action: arguments for the runs this trigger starts, written as a job's "
            "(without '--'); they override the job's own arguments of the same name"
        ),
    )
    timeout_minutes: int | None = Field(
        default=None,
        ge=1,
        le=MAX_TIMEOUT_MINUTES,
        description="job action: the runs' timeout, in place of the job's timeout_minutes",
    )

    @field_validator("arguments", "timeout_minutes", mode="before")
    @classmethod
    def _job_runs_only(cls, value: object, info: ValidationInfo) -> object:
        # job and crawler are declared first, so they are validated by now.
        if info.data.get("crawler") is not None:
            raise ValueError(
                f"'{info.field_name}' applies to a job action only: a crawler run takes no "
                "arguments and no timeout; allowed keys on a crawler action: crawler"
            )
        return value


class Condition(Target):
    """A job or crawler reaching a state."""

    state: str = "SUCCEEDED"

    @model_validator(mode="after")
    def _state_fits_target(self) -> Self:
        allowed = get_args(JobState if self.kind == "job" else CrawlerState)
        if self.state not in allowed:
            raise ValueError(
                f"state '{self.state}' is not a {self.kind} state; allowed: {', '.join(allowed)}"
            )
        return self


TriggerType = Literal["on_demand", "scheduled", "event", "conditional"]
STARTING_TYPES: tuple[TriggerType, ...] = ("on_demand", "scheduled", "event")


class TriggerSpec(BaseModel):
    """What starts jobs and crawlers: a person, a schedule, EventBridge events, or conditions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: TriggerType
    actions: list[Action] = Field(min_length=1)
    conditions: list[Condition] = Field(default_factory=list)
    match: Literal["all", "any"] = "all"
    schedule: GlueCron | None = None
    enabled_in: list[str] = Field(
        default_factory=list,
        description="environments where a scheduled trigger is active (default: none)",
    )
    batch_size: int | None = Field(
        default=None, ge=1, le=100, description="event trigger: events that start one run"
    )
    batch_window_seconds: int | None = Field(
        default=None, ge=1, le=900, description="event trigger: start after this long anyway"
    )
    on_new_files: list[str] = Field(
        default_factory=list,
        description=(
            "event trigger: sources whose new files (S3 Object Created under their prefix in "
            "the raw bucket) are the events; without it, add the EventBridge rule yourself"
        ),
    )
    description: str = ""
    unmodeled: TriggerUnmodeled = Field(default_factory=dict)

    @model_validator(mode="after")
    def _fields_fit_type(self) -> Self:
        if self.type == "conditional" and not self.conditions:
            raise ValueError("a conditional trigger needs at least one entry in 'conditions'")
        if self.type != "conditional" and self.conditions:
            raise ValueError(f"type: {self.type} takes no 'conditions'; use type: conditional")
        if (self.type == "scheduled") != (self.schedule is not None):
            raise ValueError("'schedule' is required by, and only allowed for, type: scheduled")
        if self.enabled_in and self.type != "scheduled":
            raise ValueError("'enabled_in' applies to type: scheduled only")
        batching = self.batch_size is not None or self.batch_window_seconds is not None
        if batching and self.type != "event":
            raise ValueError("'batch_size' and 'batch_window_seconds' apply to type: event only")
        if self.on_new_files and self.type != "event":
            raise ValueError("'on_new_files' applies to type: event only")
        return self

    @property
    def starts_workflow(self) -> bool:
        return self.type in STARTING_TYPES
