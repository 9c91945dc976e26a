"""The whole pipeline spec: one YAML file in pipelines/."""

from pydantic import BaseModel, ConfigDict, Field

from gluestack.spec.connection import ConnectionSpec
from gluestack.spec.crawler import CrawlerSpec
from gluestack.spec.job import JobSpec, OutputSpec
from gluestack.spec.names import CatalogName, ResourceName
from gluestack.spec.source import SourceSpec
from gluestack.spec.trigger import TriggerSpec
from gluestack.spec.workflow import NotificationsSpec, WorkflowSpec


class PipelineSpec(BaseModel):
    """Sources, crawlers, jobs and the triggers that chain them, in one Glue database."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: ResourceName
    description: str = ""
    database: CatalogName
    sources: dict[CatalogName, SourceSpec] = Field(default_factory=dict)
    connections: dict[ResourceName, ConnectionSpec] = Field(default_factory=dict)
    crawlers: dict[ResourceName, CrawlerSpec] = Field(default_factory=dict)
    jobs: dict[ResourceName, JobSpec] = Field(default_factory=dict)
    triggers: dict[ResourceName, TriggerSpec] = Field(default_factory=dict)
    workflow: WorkflowSpec = WorkflowSpec()
    notifications: NotificationsSpec = NotificationsSpec()
    tags: dict[str, str] = Field(
        default_factory=dict, description="extra tags on every resource of the pipeline"
    )

    def outputs(self) -> dict[str, OutputSpec]:
        """Every table written by a job of this pipeline, by table name."""
        return {name: out for job in self.jobs.values() for name, out in job.outputs.items()}
