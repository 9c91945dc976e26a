"""One pipeline: its roles, crawlers, jobs, and the workflow whose triggers chain them."""

import json
from pathlib import Path

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from constructs import Construct

from gluestack.spec import JobSpec, PipelineSpec, TriggerSpec
from stacks.constructs import Crawler, GlueServiceRole
from stacks.environment import DeployEnvironment
from stacks.naming import PipelineNames, pascal
from stacks.storage_stack import StorageStack

MANIFEST_OUTPUT = "PipelineManifest"

_WORKER_TYPES = {w.name.replace("_", "."): w for w in glue.WorkerType}
_GLUE_VERSIONS = {"4.0": glue.GlueVersion.V4_0, "5.0": glue.GlueVersion.V5_0}
_CRAWLER_STATES = {s.value: s for s in glue.CrawlerState}
_JOB_STATES = {s.value: s for s in glue.JobState}


class PipelineStack(cdk.Stack):
    """Everything one pipeline spec declares, in one environment."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        env: DeployEnvironment,
        spec: PipelineSpec,
        storage: StorageStack,
        database: glue.Database,
        project_root: Path,
    ) -> None:
        super().__init__(scope, construct_id, env=env.cdk_environment())
        self.spec = spec
        self.names = PipelineNames(env=env.name, pipeline=spec.name)
        self.storage = storage
        self.database_name = database.database_name
        self.project_root = project_root
        self.crawlers = {name: self._crawler(name) for name in spec.crawlers}
        self.jobs = {name: self._job(name, job) for name, job in spec.jobs.items()}
        self.workflow = glue.Workflow(
            self,
            "Workflow",
            workflow_name=self.names.workflow,
            description=spec.description or f"gluestack pipeline {spec.name}",
        )
        for name, trigger in spec.triggers.items():
            self._trigger(name, trigger)
        cdk.CfnOutput(self, "WorkflowName", value=self.names.workflow)
        cdk.CfnOutput(self, MANIFEST_OUTPUT, value=json.dumps(self.manifest()))
        cdk.Tags.of(self).add("gluestack:pipeline", spec.name)
        cdk.Tags.of(self).add("gluestack:env", env.name)

    def manifest(self) -> dict[str, object]:
        """Deployed names by spec name: how tools find this pipeline's resources."""
        return {
            "pipeline": self.spec.name,
            "database": self.names.database(self.spec.database),
            "workflow": self.names.workflow,
            "crawlers": {name: c.crawler_name for name, c in self.crawlers.items()},
            "jobs": {name: self.names.resource(name) for name in self.jobs},
            "triggers": {name: self.names.resource(name) for name in self.spec.triggers},
        }

    def _table_location(self, table: str) -> str:
        """s3:// folder of a raw source or a job output."""
        if table in self.spec.sources:
            return self.storage.raw.s3_url_for_object(self.spec.sources[table].prefix)
        return self.storage.curated.s3_url_for_object(self.spec.outputs()[table].prefix)

    def _grant_tables(self, role: GlueServiceRole, tables: list[str], *, write: bool) -> None:
        for table in tables:
            if table in self.spec.sources:
                bucket, prefix = self.storage.raw, self.spec.sources[table].prefix
            else:
                bucket, prefix = self.storage.curated, self.spec.outputs()[table].prefix
            if write:
                bucket.grant_read_write(role, f"{prefix}*")
            else:
                bucket.grant_read(role, f"{prefix}*")

    def _crawler(self, name: str) -> Crawler:
        crawler_spec = self.spec.crawlers[name]
        role = GlueServiceRole(
            self,
            f"{pascal(name)}CrawlerRole",
            description=f"Glue crawler {name} of {self.spec.name}",
        )
        self._grant_tables(role, crawler_spec.tables, write=False)
        role.grant_catalog(self.database_name, write=True)
        role.grant_glue_logs()
        return Crawler(
            self,
            f"{pascal(name)}Crawler",
            crawler_name=self.names.resource(name),
            role=role,
            database_name=self.database_name,
            s3_paths=[self._table_location(table) for table in crawler_spec.tables],
            description=crawler_spec.description,
        )

    def _job(self, name: str, job: JobSpec) -> glue.PySparkEtlJob:
        role = GlueServiceRole(
            self, f"{pascal(name)}JobRole", description=f"Glue job {name} of {self.spec.name}"
        )
        self._grant_tables(role, job.inputs, write=False)
        self._grant_tables(role, list(job.outputs), write=True)
        temp_prefix = f"glue-temp/{self.spec.name}/{name}/"
        self.storage.temp.grant_read_write(role, f"{temp_prefix}*")
        role.grant_catalog(self.database_name, write=bool(job.outputs))
        role.grant_glue_logs()
        # The security configuration encrypts logs and bookmarks with the project key.
        self.storage.key.grant_encrypt_decrypt(role)
        arguments = {
            "--database": self.database_name,
            "--TempDir": self.storage.temp.s3_url_for_object(temp_prefix),
            **{f"--{out}_path": self._table_location(out) for out in job.outputs},
            **{f"--{key}": value for key, value in job.arguments.items()},
        }
        return glue.PySparkEtlJob(
            self,
            f"{pascal(name)}Job",
            job_name=self.names.resource(name),
            description=job.description or None,
            role=role,
            script=glue.Code.from_asset(str(self.project_root / job.script)),
            glue_version=_GLUE_VERSIONS[job.glue_version],
            worker_configuration=glue.WorkerConfiguration(
                worker_type=_WORKER_TYPES[job.worker_type],
                number_of_workers=job.number_of_workers,
            ),
            timeout=cdk.Duration.minutes(job.timeout_minutes),
            max_retries=job.max_retries,
            default_arguments=arguments,
            security_configuration=self.storage.security_configuration,
        )

    def _trigger(self, name: str, trigger: TriggerSpec) -> None:
        actions = [
            glue.Action.job(self.jobs[t.name])
            if t.kind == "job"
            else glue.Action.crawler(self.crawlers[t.name].resource)
            for t in trigger.actions
        ]
        trigger_name = self.names.resource(name)
        if trigger.type == "on_demand":
            self.workflow.add_on_demand_trigger(
                pascal(name),
                actions=actions,
                name=trigger_name,
                description=trigger.description or None,
            )
            return
        conditions = [
            glue.Condition.job(self.jobs[c.name], _JOB_STATES[c.state])
            if c.kind == "job"
            else glue.Condition.crawler(self.crawlers[c.name].resource, _CRAWLER_STATES[c.state])
            for c in trigger.conditions
        ]
        logical = glue.PredicateLogical.AND if trigger.match == "all" else glue.PredicateLogical.ANY
        self.workflow.add_conditional_trigger(
            pascal(name),
            actions=actions,
            name=trigger_name,
            description=trigger.description or None,
            predicate=glue.Predicate(conditions=conditions, logical=logical),
            start_on_creation=True,
        )
