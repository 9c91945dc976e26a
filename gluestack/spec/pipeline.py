"""The whole pipeline spec: one YAML file in pipelines/."""

from pydantic import BaseModel, ConfigDict, Field

from gluestack.spec.connection import ConnectionSpec
from gluestack.spec.crawler import CrawlerSpec
from gluestack.spec.job import JobSpec, OutputSpec
from gluestack.spec.names import CatalogName, ResourceName, jdbc_table_pattern
from gluestack.spec.source import SourceSpec
from gluestack.spec.table_ruleset import TableRulesetSpec
from gluestack.spec.trigger import TriggerSpec
from gluestack.spec.workflow import NotificationsSpec, WorkflowSpec


class PipelineSpec(BaseModel):
    """Sources, crawlers, jobs and the triggers that chain them, in one Glue database."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: ResourceName
    description: str = ""
    database: CatalogName
    existing_database: bool = Field(
        False,
        description="the database already exists in the account under exactly this name: "
        "gluestack neither creates, renames per environment, nor deletes it",
    )
    sources: dict[CatalogName, SourceSpec] = Field(default_factory=dict)
    connections: dict[ResourceName, ConnectionSpec] = Field(default_factory=dict)
    crawlers: dict[ResourceName, CrawlerSpec] = Field(default_factory=dict)
    jobs: dict[ResourceName, JobSpec] = Field(default_factory=dict)
    triggers: dict[ResourceName, TriggerSpec] = Field(default_factory=dict)
    rulesets: dict[ResourceName, TableRulesetSpec] = Field(
        default_factory=dict,
        description="data quality rulesets on tables of the database that no job's output "
        "declares (crawled tables): deployed as Glue Data Quality rulesets",
    )
    workflow: WorkflowSpec = WorkflowSpec()
    notifications: NotificationsSpec = NotificationsSpec()
    tags: dict[str, str] = Field(
        default_factory=dict, description="extra tags on every resource of the pipeline"
    )

    def outputs(self) -> dict[str, OutputSpec]:
        """Every table written by a job of this pipeline, by table name."""
        return {name: out for job in self.jobs.values() for name, out in job.outputs.items()}

    def database_table_connection(self, table: str) -> str | None:
        """The connection through which a JDBC crawler of this pipeline catalogs table, if any."""
        for crawler in self.crawlers.values():
            for target in crawler.jdbc:
                if jdbc_table_pattern(crawler.table_prefix, target.path).fullmatch(table):
                    return target.connection
        return None

    def job_connections(self, job: str) -> list[str]:
        """The Glue connections a job runs with: its own, and those of the database tables it
        reads."""
        spec = self.jobs[job]
        through_inputs = [self.database_table_connection(table) for table in spec.inputs]
        return sorted({*spec.connections, *(c for c in through_inputs if c is not None)})
