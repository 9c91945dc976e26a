"""Build the whole CDK app from the pipeline specs of one environment."""

from dataclasses import dataclass
from pathlib import Path

import aws_cdk as cdk

from gluestack.spec import PipelineSpec
from stacks.alerts_stack import AlertsStack
from stacks.catalog_stack import CatalogStack
from stacks.environment import DeployEnvironment
from stacks.naming import PipelineNames
from stacks.pipeline_stack import PipelineStack
from stacks.storage_stack import StorageStack


@dataclass(frozen=True)
class GluestackApp:
    """The stacks of one environment."""

    storage: StorageStack
    alerts: AlertsStack
    catalog: CatalogStack
    pipelines: dict[str, PipelineStack]


def build_app(
    app: cdk.App, specs: list[PipelineSpec], env: DeployEnvironment, project_root: Path
) -> GluestackApp:
    """Storage and catalog stacks shared by the environment, then one stack per pipeline."""
    prefix = f"gluestack-{env.name}"
    storage = StorageStack(app, f"{prefix}-storage", env=env)
    alerts = AlertsStack(app, f"{prefix}-alerts", env=env)
    database_names = {
        spec.database: PipelineNames(env.name, spec.name).database(spec.database) for spec in specs
    }
    catalog = CatalogStack(
        app, f"{prefix}-catalog", env=env, database_names=database_names, key=storage.key
    )
    pipelines = {}
    for spec in specs:
        stack = PipelineStack(
            app,
            f"{prefix}-pipeline-{spec.name}",
            env=env,
            spec=spec,
            storage=storage,
            alerts=alerts,
            database=catalog.databases[spec.database],
            project_root=project_root,
        )
        stack.add_stack_dependency(catalog)
        pipelines[spec.name] = stack
    cdk.Tags.of(app).add("gluestack:project", env.project)
    cdk.Tags.of(app).add("gluestack:env", env.name)
    return GluestackApp(storage=storage, alerts=alerts, catalog=catalog, pipelines=pipelines)
