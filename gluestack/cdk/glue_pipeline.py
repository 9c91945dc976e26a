"""One pipeline as a construct: its roles, connections, crawlers, jobs, workflow, triggers,
quality rules and monitoring."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct

from gluestack.cdk.constructs import (
    Crawler,
    CrawlerBehavior,
    EtlJob,
    GlueServiceRole,
    JdbcTarget,
    MonitoredJob,
    PipelineMonitoring,
    S3Targets,
)
from gluestack.cdk.environment import ENVIRONMENTS_KEY, DeployEnvironment
from gluestack.cdk.naming import PipelineNames, pascal
from gluestack.cdk.pipeline_rulesets import (
    add_rulesets,
    checked_outputs,
    output_quality,
    output_ruleset_name,
)
from gluestack.cdk.pipeline_tables import PipelineTables
from gluestack.cdk.pipeline_triggers import add_triggers
from gluestack.cdk.shared_code import shared_code_asset
from gluestack.cdk.shared_stacks import SharedStacks
from gluestack.cdk.storage_stack import bucket_name
from gluestack.cdk.unmodeled import apply_unmodeled
from gluestack.spec import CrawlerSpec, JobSpec, PipelineSpec, validated
from gluestack.spec.existing_resources import s3_location
from gluestack.spec.job_arguments import location_parameter
from gluestack.spec.manifest import MANIFEST_OUTPUT, PipelineManifest

# CDK leaves a construct named "Default" out of logical ids: PipelineStack holds its pipeline so,
# and the resources keep the ids they had when that stack built them itself (deployed stacks
# update in place).
TRANSPARENT_ID = "Default"


class GluePipeline(Construct):
    """Everything one pipeline spec declares, in one environment, inside any stack.

    The spec may be built in Python (a PipelineSpec, or the mapping a YAML file would hold); it
    is checked exactly as a loaded YAML file is, and a SpecError naming this construct's path
    stops the synthesis before anything is added. The environment's shared stacks (buckets, key,
    alerts topic, catalog databases) come from `shared_stacks`.
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        spec: PipelineSpec | Mapping[str, Any],
        environment: DeployEnvironment,
        shared: SharedStacks,
        project_root: Path,
    ) -> None:
        path = "/".join(filter(None, [scope.node.path, construct_id]))
        spec = validated(
            spec, project_root, _declared_environments(scope), source=f"construct {path}"
        )
        catalog = shared.catalog_of(spec.database, existing=spec.existing_database)
        super().__init__(scope, construct_id)
        self.spec = spec
        self.env_name = environment.name
        self.names = PipelineNames(env=environment.name, pipeline=spec.name)
        self.key = shared.storage.key
        cdk.Stack.of(self).add_dependency(catalog)
        self.tables = PipelineTables(spec, environment)
        self.temp_bucket = bucket_name(environment, "temp")
        self.raw_bucket = bucket_name(environment, "raw")
        self._imported_temp_bucket: s3.IBucket | None = None
        self.security_configuration = self._security_configuration(self.key)
        # The deployed name, not the catalog stack's token: IAM statements then name it
        # literally and need no cross-stack reference (the stack depends on the catalog).
        self.database_name = self.names.database(spec.database, existing=spec.existing_database)
        self.project_root = project_root
        self.connections = {name: self._connection(name) for name in spec.connections}
        self.crawlers = {name: self._crawler(name, c) for name, c in spec.crawlers.items()}
        # The roles gluestack generates, by job; a job with an existing role has none here.
        self.job_roles: dict[str, GlueServiceRole] = {}
        self.jobs = {name: self._job(name, job) for name, job in spec.jobs.items()}
        self.workflow = glue.Workflow(
            self,
            "Workflow",
            workflow_name=self.names.workflow,
            description=spec.description or f"gluestack pipeline {spec.name}",
            max_concurrent_runs=spec.workflow.max_concurrent_runs,
            default_run_properties=spec.workflow.run_properties or None,
        )
        add_triggers(self, self, environment.name)
        add_rulesets(self, self)
        PipelineMonitoring(
            self,
            "Monitoring",
            pipeline=spec.name,
            environment=environment.name,
            topic=shared.alerts.topic,
            jobs=[
                MonitoredJob(self.jobs[name].job_name, job.alarm_minutes, job.type == "glueetl")
                for name, job in spec.jobs.items()
            ],
            crawler_names=[c.crawler_name for c in self.crawlers.values()],
            emails=list(spec.notifications.email),
        )
        cdk.CfnOutput(self, "WorkflowName", value=self.names.workflow)
        manifest = cdk.CfnOutput(self, MANIFEST_OUTPUT, value=self.manifest().to_json())
        if construct_id != TRANSPARENT_ID:
            # In a stack of the user's: a key naming the pipeline, not a hash of the path.
            manifest.override_logical_id(MANIFEST_OUTPUT + pascal(spec.name))
        tag_pipeline(self, spec)

    def manifest(self) -> PipelineManifest:
        """Deployed names by spec name: how tools find this pipeline's resources."""
        return PipelineManifest(
            pipeline=self.spec.name,
            database=self.database_name,
            workflow=self.names.workflow,
            crawlers={name: c.crawler_name for name, c in self.crawlers.items()},
            jobs={name: j.job_name for name, j in self.jobs.items()},
            job_outputs={name: list(job.outputs) for name, job in self.spec.jobs.items()},
            triggers={name: self.names.resource(name) for name in self.spec.triggers},
            connections={name: self.names.resource(name) for name in self.spec.connections},
            rulesets={
                table: {
                    "ruleset": output_ruleset_name(self.names, table),
                    "job": self.jobs[job].job_name,
                    "on_failure": output_quality(self.spec, job, table).on_failure,
                }
                for job, table in checked_outputs(self.spec)
            },
            table_rulesets={
                key: {"ruleset": self.names.ruleset(key), "table": ruleset.table}
                for key, ruleset in self.spec.rulesets.items()
            },
        )

    def _security_configuration(self, key: kms.IKey) -> glue.SecurityConfiguration:
        """S3 writes, CloudWatch logs and job bookmarks of this pipeline, encrypted with the key."""
        return glue.SecurityConfiguration(
            self,
            "GlueSecurity",
            security_configuration_name=self.names.workflow,
            s3_encryption=glue.S3Encryption.kms(key),
            cloud_watch_encryption=glue.CloudWatchEncryption.kms(key),
            job_bookmarks_encryption=glue.JobBookmarksEncryption.client_side_kms(key),
        )

    def _connection(self, name: str) -> glue.CfnConnection:
        connection = self.spec.connections[name]
        return glue.CfnConnection(
            self,
            f"{pascal(name)}Connection",
            catalog_id=cdk.Stack.of(self).account,
            connection_input=glue.CfnConnection.ConnectionInputProperty(
                name=self.names.resource(name),
                description=connection.description or None,
                connection_type="JDBC",
                # SECRET_ID names the secret; Glue reads user and password from it at run time.
                connection_properties={
                    "JDBC_CONNECTION_URL": connection.jdbc_url,
                    "SECRET_ID": connection.secret,
                },
                physical_connection_requirements=glue.CfnConnection.PhysicalConnectionRequirementsProperty(
                    subnet_id=connection.subnet_id,
                    security_group_id_list=connection.security_group_ids,
                    availability_zone=connection.availability_zone,
                ),
            ),
        )

    def _existing_role(self, construct_id: str, arn: str) -> iam.IRole:
        """A role the user owns: gluestack adds no policy to it (its own policies apply)."""
        return iam.Role.from_role_arn(self, construct_id, arn, mutable=False)

    def _crawler_role(self, name: str, crawler: CrawlerSpec) -> GlueServiceRole:
        role = GlueServiceRole(
            self,
            f"{pascal(name)}CrawlerRole",
            description=f"Glue crawler {name} of {self.spec.name}",
        )
        crawled = [*crawler.tables, *crawler.catalog_tables]
        self.tables.grant_read(role, crawled)
        for uri in crawler.s3_targets:
            location = s3_location(uri)
            role.grant_read_location(location.bucket, location.prefix)
        role.grant_catalog(
            self.database_name,
            read=[],
            write=[self.tables.crawled_name(name, t) for t in crawled],
            # Tables of JDBC targets and existing S3 locations are named at crawl time.
            write_prefix=crawler.table_prefix if crawler.jdbc or crawler.s3_targets else None,
        )
        role.grant_glue_logs()
        role.grant_key(self.key.key_arn, write=True)
        for target in crawler.jdbc:
            self._grant_connection(role, target.connection)
        return role

    def _crawler(self, name: str, crawler: CrawlerSpec) -> Crawler:
        role = (
            self._crawler_role(name, crawler)
            if crawler.role is None
            else self._existing_role(f"{pascal(name)}CrawlerRole", crawler.role)
        )
        paths = [*(self.tables.location(t) for t in crawler.tables), *crawler.s3_targets]
        construct = Crawler(
            self,
            f"{pascal(name)}Crawler",
            crawler_name=self.names.resource(name),
            role=role,
            database_name=self.database_name,
            security_configuration=self.security_configuration,
            s3=S3Targets(
                paths=paths,
                exclusions=crawler.exclusions,
                sample_size=crawler.sample_size,
                event_queue_arn=crawler.event_queue_arn,
            )
            if paths
            else None,
            jdbc=[
                JdbcTarget(self.names.resource(t.connection), t.path, t.exclusions)
                for t in crawler.jdbc
            ],
            catalog_tables=crawler.catalog_tables,
            behavior=CrawlerBehavior(
                schema_change=crawler.schema_change,
                recrawl=crawler.recrawl,
                combine_compatible_schemas=crawler.combine_compatible_schemas,
                table_level=crawler.table_level,
                table_prefix=crawler.table_prefix,
                partition_schema=crawler.partition_schema,
            ),
            schedule=crawler.schedule,
            schedule_enabled=self.env_name in crawler.schedule_enabled_in,
            description=crawler.description,
        )
        for connection in crawler.jdbc:
            construct.node.add_dependency(self.connections[connection.connection])
        apply_unmodeled(construct.resource, crawler.unmodeled)
        return construct

    def _grant_connection(self, role: GlueServiceRole, name: str) -> None:
        connection = self.spec.connections[name]
        role.grant_connection(
            self.names.resource(name),
            connection.secret,
            connection.subnet_id,
            connection.security_group_ids,
        )

    def _job_role(self, name: str, job: JobSpec, temp_prefix: str) -> GlueServiceRole:
        role = GlueServiceRole(
            self, f"{pascal(name)}JobRole", description=f"Glue job {name} of {self.spec.name}"
        )
        self.tables.grant_read(role, [t for t in job.inputs if self.tables.in_s3(t)])
        self.tables.grant_read_write(role, list(job.outputs))
        for connection in self.spec.job_connections(name):
            self._grant_connection(role, connection)
        role.grant_objects(self.temp_bucket, temp_prefix, write=True)
        role.grant_catalog(self.database_name, read=job.inputs, write=list(job.outputs))
        role.grant_glue_logs()
        role.grant_key(self.key.key_arn, write=True)
        self.job_roles[name] = role
        return role

    def _job(self, name: str, job: JobSpec) -> EtlJob:
        temp_prefix = f"glue-temp/{self.spec.name}/{name}/"
        role = (
            self._job_role(name, job, temp_prefix)
            if job.role is None
            else self._existing_role(f"{pascal(name)}JobRole", job.role)
        )
        connections = self.spec.job_connections(name)
        managed = {
            "--database": self.database_name,
            "--TempDir": f"s3://{self.temp_bucket}/{temp_prefix}",
            **{location_parameter(out): self.tables.location(out) for out in job.outputs},
            # Another job's output is read from its folder: it need not be crawled first.
            **{
                location_parameter(table): self.tables.location(table)
                for table in job.inputs
                if table in self.spec.outputs()
            },
        }
        etl_job = EtlJob(
            self,
            f"{pascal(name)}Job",
            job_name=self.names.resource(name),
            description=job.description,
            role=role,
            script=glue.Code.from_asset(str(self.project_root / job.script)),
            security_configuration=self.security_configuration,
            options=job.options(self.env_name),
            arguments=job.arguments,
            managed_arguments=managed,
            spark_ui_folder=(self._temp_bucket(), f"/spark-ui/{self.spec.name}/{name}")
            if job.spark_ui
            else None,
            extra_python_files=[shared_code_asset(self.project_root)] if job.shared_code else None,
            connections=[
                glue.Connection.from_connection_name(
                    self, f"{pascal(name)}Uses{pascal(c)}", self.names.resource(c)
                )
                for c in connections
            ],
        )
        for connection in connections:
            etl_job.node.add_dependency(self.connections[connection])
        if isinstance(role, GlueServiceRole):
            role.acknowledge_cdk_job_grants()
        resource = etl_job.job.node.default_child
        assert isinstance(resource, glue.CfnJob)
        apply_unmodeled(resource, job.unmodeled)
        return etl_job

    def _temp_bucket(self) -> s3.IBucket:
        if self._imported_temp_bucket is None:
            self._imported_temp_bucket = s3.Bucket.from_bucket_name(
                self, "TempBucket", self.temp_bucket
            )
        return self._imported_temp_bucket


def _declared_environments(scope: Construct) -> list[str] | None:
    """The environments the app's context declares (cdk.json), or None when it declares none."""
    declared = scope.node.try_get_context(ENVIRONMENTS_KEY)
    return sorted(declared) if declared else None


def tag_pipeline(scope: Construct, spec: PipelineSpec) -> None:
    """The spec's tags and gluestack:pipeline on every resource under scope."""
    for key, value in {**spec.tags, "gluestack:pipeline": spec.name}.items():
        cdk.Tags.of(scope).add(key, value)
