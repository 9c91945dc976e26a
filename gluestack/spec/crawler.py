"""Crawlers: infer table schemas into the pipeline's database."""

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gluestack.spec.existing_resources import IamRoleArn, S3Uri
from gluestack.spec.names import CatalogName, ResourceName
from gluestack.spec.schedule import GlueCron
from gluestack.spec.unmodeled import CrawlerUnmodeled

UpdateBehavior = Literal["update_in_database", "log"]
DeleteBehavior = Literal["log", "delete_from_database", "deprecate_in_database"]
Recrawl = Literal["everything", "new_folders_only", "event_mode"]
PartitionSchema = Literal["from_table", "own"]
# What Glue uses when a crawler sets no SchemaChangePolicy (not gluestack's own default below).
GLUE_DEFAULT_SCHEMA_CHANGE_POLICY = {
    "UpdateBehavior": "UPDATE_IN_DATABASE",
    "DeleteBehavior": "DEPRECATE_IN_DATABASE",
}
# The Configuration version Glue documents, and its setting for partition_schema: from_table
# (CrawlerOutput.Partitions); a crawler without it keeps each partition's own schema:
# https://docs.aws.amazon.com/glue/latest/dg/crawler-schema-changes-prevent.html
CONFIGURATION_VERSION = 1.0
PARTITIONS_FROM_TABLE = {"AddOrUpdateBehavior": "InheritFromTable"}


class SchemaChangePolicy(BaseModel):
    """What a crawl does when a table's schema changed or its data disappeared."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    update: UpdateBehavior = "update_in_database"
    delete: DeleteBehavior = "log"


class JdbcTarget(BaseModel):
    """Tables behind a declared JDBC connection, such as 'sales/public/%'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    connection: ResourceName
    path: str = Field(min_length=1, description="database/schema/table; % matches any")
    exclusions: list[str] = Field(default_factory=list)


class CrawlerSpec(BaseModel):
    """A crawler over declared sources or job outputs; each becomes one catalog table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tables: list[CatalogName] = Field(
        default_factory=list, description="sources or job outputs, crawled from S3"
    )
    s3_targets: list[S3Uri] = Field(
        default_factory=list,
        description="existing S3 locations (not the pipeline's buckets) crawled beside tables",
    )
    jdbc: list[JdbcTarget] = Field(default_factory=list)
    catalog_tables: list[CatalogName] = Field(
        default_factory=list, description="existing catalog tables of the database to re-crawl"
    )
    description: str = ""
    exclusions: list[str] = Field(
        default_factory=list, description="glob patterns skipped in every S3 table folder"
    )
    sample_size: int | None = Field(
        default=None, ge=1, le=249, description="files crawled per leaf folder (default: all)"
    )
    schedule: GlueCron | None = None
    schedule_enabled_in: list[str] = Field(
        default_factory=list, description="environments where the schedule is active"
    )
    schema_change: SchemaChangePolicy = SchemaChangePolicy()
    recrawl: Recrawl = "everything"
    event_queue_arn: str | None = Field(
        default=None, description="SQS queue of S3 events, required by recrawl: event_mode"
    )
    combine_compatible_schemas: bool = Field(
        default=True, description="compatible files under one folder become one table"
    )
    table_level: int | None = Field(
        default=None, ge=1, le=10, description="folder depth at which tables are created"
    )
    table_prefix: str = Field(default="", pattern=r"^[a-z0-9_]*$")
    partition_schema: PartitionSchema = Field(
        default="from_table",
        description=(
            "from_table: every partition's columns are its table's (Glue's 'Update all new and "
            "existing partitions with metadata from the table', InheritFromTable); own: each "
            "partition keeps the schema crawled from its own files (Glue's default)"
        ),
    )
    role: IamRoleArn | None = Field(
        default=None,
        description=(
            "run as this existing IAM role (its own policies apply); gluestack then creates "
            "and grants no role for the crawler"
        ),
    )
    unmodeled: CrawlerUnmodeled = Field(default_factory=dict)

    @model_validator(mode="after")
    def _options_fit_together(self) -> Self:
        if not (self.tables or self.s3_targets or self.jdbc or self.catalog_tables):
            raise ValueError(
                "declare at least one of 'tables', 's3_targets', 'jdbc' or 'catalog_tables'"
            )
        if self.catalog_tables and (self.tables or self.s3_targets or self.jdbc):
            raise ValueError("a crawler of 'catalog_tables' cannot also crawl S3 or JDBC targets")
        if self.catalog_tables and self.table_prefix:
            # Glue updates the named tables in place: no name a prefix would make is written.
            raise ValueError("a crawler of 'catalog_tables' keeps their names: no 'table_prefix'")
        if self.catalog_tables and self.schema_change.delete == "delete_from_database":
            raise ValueError("crawling catalog_tables allows schema_change.delete log or deprecate")
        if self.recrawl == "event_mode" and not self.event_queue_arn:
            raise ValueError("recrawl: event_mode needs 'event_queue_arn' (an SQS queue ARN)")
        if self.event_queue_arn and self.recrawl != "event_mode":
            raise ValueError("'event_queue_arn' is used only with recrawl: event_mode")
        if self.recrawl == "new_folders_only" and self.schema_change != SchemaChangePolicy(
            update="log", delete="log"
        ):
            raise ValueError(
                "recrawl: new_folders_only needs schema_change update: log and delete: log "
                "(Glue then only adds tables and partitions of new folders)"
            )
        if self.schedule_enabled_in and not self.schedule:
            raise ValueError("'schedule_enabled_in' needs a 'schedule'")
        return self
