"""Triggers: what starts crawlers and jobs, and when."""

from typing import Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gluestack.spec.names import ResourceName

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


class TriggerSpec(BaseModel):
    """An on-demand trigger, or a conditional one that fires when its conditions hold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["on_demand", "conditional"]
    actions: list[Target] = Field(min_length=1)
    conditions: list[Condition] = Field(default_factory=list)
    match: Literal["all", "any"] = "all"
    description: str = ""

    @model_validator(mode="after")
    def _conditions_fit_type(self) -> Self:
        if self.type == "conditional" and not self.conditions:
            raise ValueError("a conditional trigger needs at least one entry in 'conditions'")
        if self.type == "on_demand" and self.conditions:
            raise ValueError("an on_demand trigger takes no 'conditions'; use type: conditional")
        return self
