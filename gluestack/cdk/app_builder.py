"""Build the whole CDK app from the pipeline specs of one environment."""

from dataclasses import dataclass
from pathlib import Path

import aws_cdk as cdk

from gluestack.cdk.alerts_stack import AlertsStack
from gluestack.cdk.catalog_stack import CatalogStack
from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.naming import PipelineNames
from gluestack.cdk.pipeline_stack import PipelineStack
from gluestack.cdk.storage_stack import StorageStack
from gluestack.spec import PipelineSpec
from gluestack.spec.names import pipeline_stack_name, stack_prefix

DATABASES_PER_STACK = 400
CLOUDFORMATION_RESOURCE_LIMIT = 500


@dataclass(frozen=True)
class GluestackApp:
    """The stacks of one environment."""

    storage: StorageStack
    alerts: AlertsStack
    catalogs: list[CatalogStack]
    pipelines: dict[str, PipelineStack]

    @property
    def catalog(self) -> CatalogStack:
        return self.catalogs[0]


def build_app(
    app: cdk.App, specs: list[PipelineSpec], env: DeployEnvironment, project_root: Path
) -> GluestackApp:
    """Storage and catalog stacks shared by the environment, then one stack per pipeline."""
    prefix = stack_prefix(env.name)
    storage = StorageStack(app, f"{prefix}-storage", env=env)
    alerts = AlertsStack(app, f"{prefix}-alerts", env=env)
    database_names = {
        spec.database: PipelineNames(env.name, spec.name).database(spec.database) for spec in specs
    }
    catalogs = _catalog_stacks(app, prefix, env, database_names, storage)
    pipelines = {}
    for spec in specs:
        stack = PipelineStack(
            app,
            pipeline_stack_name(env.name, spec.name),
            env=env,
            spec=spec,
            storage=storage,
            alerts=alerts,
            project_root=project_root,
        )
        stack.add_stack_dependency(next(c for c in catalogs if spec.database in c.databases))
        _check_resource_limit(stack, spec.name)
        pipelines[spec.name] = stack
    cdk.Tags.of(app).add("gluestack:project", env.project)
    cdk.Tags.of(app).add("gluestack:env", env.name)
    return GluestackApp(storage=storage, alerts=alerts, catalogs=catalogs, pipelines=pipelines)


def _catalog_stacks(
    app: cdk.App,
    prefix: str,
    env: DeployEnvironment,
    database_names: dict[str, str],
    storage: StorageStack,
) -> list[CatalogStack]:
    """Databases in stacks of at most DATABASES_PER_STACK, far under CloudFormation's limit
    of 500 resources; only the first owns the account's catalog encryption settings."""
    names = sorted(database_names.items())
    chunks = [names[i : i + DATABASES_PER_STACK] for i in range(0, len(names), DATABASES_PER_STACK)]
    return [
        CatalogStack(
            app,
            f"{prefix}-catalog" + (f"-{index + 1}" if index else ""),
            env=env,
            database_names=dict(chunk),
            key=storage.key,
            owns_catalog_encryption=env.owns_catalog_encryption and index == 0,
        )
        for index, chunk in enumerate(chunks or [[]])
    ]


def _check_resource_limit(stack: cdk.Stack, pipeline: str) -> None:
    count = sum(isinstance(c, cdk.CfnResource) for c in stack.node.find_all())
    if count > CLOUDFORMATION_RESOURCE_LIMIT:
        raise ValueError(
            f"pipeline '{pipeline}' needs {count} CloudFormation resources, over the "
            f"{CLOUDFORMATION_RESOURCE_LIMIT} one stack may hold; split it into several pipelines"
        )
