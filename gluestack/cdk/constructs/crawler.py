"""A Glue crawler: CDK's Glue module has no crawler construct, only CfnCrawler."""

import json
from dataclasses import dataclass, field

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from aws_cdk import aws_iam as iam
from constructs import Construct

from gluestack.spec.crawler import (
    CONFIGURATION_VERSION,
    PARTITIONS_FROM_TABLE,
    PartitionSchema,
    Recrawl,
    SchemaChangePolicy,
)
from gluestack.spec.schedule import check_glue_cron

_RECRAWL = {
    "everything": "CRAWL_EVERYTHING",
    "new_folders_only": "CRAWL_NEW_FOLDERS_ONLY",
    "event_mode": "CRAWL_EVENT_MODE",
}


@dataclass(frozen=True)
class S3Targets:
    """Table folders in S3 (s3:// URIs); each folder becomes a table.

    exclusions: glob patterns skipped in every folder. sample_size: files crawled per leaf
    folder (default all). event_queue_arn: SQS queue of S3 events for recrawl event_mode.
    """

    paths: list[str]
    exclusions: list[str] = field(default_factory=list)
    sample_size: int | None = None
    event_queue_arn: str | None = None


@dataclass(frozen=True)
class JdbcTarget:
    """Tables behind a Glue connection, e.g. path 'sales/public/%'."""

    connection_name: str
    path: str
    exclusions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CrawlerBehavior:
    """How a crawl treats changes and folders; the defaults suit a folder-per-table layout.

    schema_change: what a re-crawl does with changed and vanished tables (the spec's type).
    recrawl: everything, new_folders_only or event_mode. combine_compatible_schemas:
    compatible files under one folder become one table. table_level: folder depth at which
    tables are created. table_prefix: added to table names. partition_schema: from_table
    (partitions inherit the table's schema) or own (each keeps its files' schema).
    """

    schema_change: SchemaChangePolicy = field(default_factory=SchemaChangePolicy)
    recrawl: Recrawl = "everything"
    combine_compatible_schemas: bool = True
    table_level: int | None = None
    table_prefix: str = ""
    partition_schema: PartitionSchema = "from_table"


class Crawler(Construct):
    """Crawls S3, JDBC or catalog targets into one database, encrypted by a security configuration.

    schedule: a Glue cron expression, checked here; schedule_enabled: whether it is active.
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        crawler_name: str,
        role: iam.IRole,
        database_name: str,
        security_configuration: glue.ISecurityConfiguration,
        s3: S3Targets | None = None,
        jdbc: list[JdbcTarget] | None = None,
        catalog_tables: list[str] | None = None,
        behavior: CrawlerBehavior = CrawlerBehavior(),
        schedule: str | None = None,
        schedule_enabled: bool = False,
        description: str = "",
    ) -> None:
        super().__init__(scope, construct_id)
        self._validate(crawler_name, s3, jdbc or [], catalog_tables or [], behavior)
        if schedule is not None:
            try:
                check_glue_cron(schedule)
            except ValueError as error:
                raise ValueError(f"Crawler '{crawler_name}': {error}") from None
        self.crawler_name = crawler_name
        self.resource = glue.CfnCrawler(
            self,
            "Resource",
            name=crawler_name,
            role=role.role_arn,
            database_name=database_name,
            description=description or None,
            targets=self._targets(s3, jdbc or [], database_name, catalog_tables or []),
            crawler_security_configuration=security_configuration.security_configuration_name,
            schema_change_policy=glue.CfnCrawler.SchemaChangePolicyProperty(
                # Glue's names are the spec's, upper case: UPDATE_IN_DATABASE, LOG, ...
                update_behavior=behavior.schema_change.update.upper(),
                delete_behavior=behavior.schema_change.delete.upper(),
            ),
            recrawl_policy=glue.CfnCrawler.RecrawlPolicyProperty(
                recrawl_behavior=_RECRAWL[behavior.recrawl]
            ),
            table_prefix=behavior.table_prefix or None,
            configuration=self._configuration(behavior),
            schedule=glue.CfnCrawler.ScheduleProperty(schedule_expression=schedule)
            if schedule and schedule_enabled
            else None,
        )

    @property
    def arn(self) -> str:
        return cdk.Stack.of(self).format_arn(
            service="glue", resource="crawler", resource_name=self.crawler_name
        )

    @staticmethod
    def _validate(
        name: str,
        s3: S3Targets | None,
        jdbc: list[JdbcTarget],
        catalog_tables: list[str],
        behavior: CrawlerBehavior,
    ) -> None:
        if not (s3 and s3.paths) and not jdbc and not catalog_tables:
            raise ValueError(f"Crawler '{name}' needs S3 paths, JDBC targets or catalog tables")
        for path in s3.paths if s3 else []:
            if not cdk.Token.is_unresolved(path) and not path.startswith("s3://"):
                raise ValueError(f"Crawler '{name}': '{path}' is not an s3:// URI")
        if behavior.recrawl == "event_mode" and not (s3 and s3.event_queue_arn):
            raise ValueError(f"Crawler '{name}': recrawl event_mode needs an event queue ARN")

    @staticmethod
    def _targets(
        s3: S3Targets | None, jdbc: list[JdbcTarget], database: str, catalog_tables: list[str]
    ) -> glue.CfnCrawler.TargetsProperty:
        s3_targets = (
            [
                glue.CfnCrawler.S3TargetProperty(
                    path=path,
                    exclusions=s3.exclusions or None,
                    sample_size=s3.sample_size,
                    event_queue_arn=s3.event_queue_arn,
                )
                for path in s3.paths
            ]
            if s3
            else []
        )
        return glue.CfnCrawler.TargetsProperty(
            s3_targets=s3_targets or None,
            jdbc_targets=[
                glue.CfnCrawler.JdbcTargetProperty(
                    connection_name=t.connection_name, path=t.path, exclusions=t.exclusions or None
                )
                for t in jdbc
            ]
            or None,
            catalog_targets=[
                glue.CfnCrawler.CatalogTargetProperty(database_name=database, tables=catalog_tables)
            ]
            if catalog_tables
            else None,
        )

    @staticmethod
    def _configuration(behavior: CrawlerBehavior) -> str | None:
        """Glue's Configuration JSON; none when it would hold only its version (Glue's defaults)."""
        grouping: dict[str, object] = {}
        if behavior.combine_compatible_schemas:
            grouping["TableGroupingPolicy"] = "CombineCompatibleSchemas"
        if behavior.table_level is not None:
            grouping["TableLevelConfiguration"] = behavior.table_level
        configuration: dict[str, object] = {}
        if behavior.partition_schema == "from_table":
            configuration["CrawlerOutput"] = {"Partitions": PARTITIONS_FROM_TABLE}
        if grouping:
            configuration["Grouping"] = grouping
        if not configuration:
            return None
        return json.dumps({"Version": CONFIGURATION_VERSION, **configuration})
