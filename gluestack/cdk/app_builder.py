"""Build the whole CDK app from the pipeline specs of one environment."""

from dataclasses import dataclass
from pathlib import Path

import aws_cdk as cdk

from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.pipeline_stack import PipelineStack
from gluestack.cdk.shared_stacks import SharedStacks, shared_stacks
from gluestack.spec import PipelineSpec
from gluestack.spec.names import pipeline_stack_name

CLOUDFORMATION_RESOURCE_LIMIT = 500


@dataclass(frozen=True)
class GluestackApp(SharedStacks):
    """The stacks of one environment: the shared ones, then one stack per pipeline."""

    pipelines: dict[str, PipelineStack]


def build_app(
    app: cdk.App, specs: list[PipelineSpec], env: DeployEnvironment, project_root: Path
) -> GluestackApp:
    """Storage and catalog stacks shared by the environment, then one stack per pipeline."""
    shared = shared_stacks(app, env, specs)
    pipelines = {}
    for spec in specs:
        stack = PipelineStack(
            app,
            pipeline_stack_name(env.name, spec.name),
            env=env,
            spec=spec,
            shared=shared,
            project_root=project_root,
        )
        _check_resource_limit(stack, spec.name)
        pipelines[spec.name] = stack
    cdk.Tags.of(app).add("gluestack:project", env.project)
    cdk.Tags.of(app).add("gluestack:env", env.name)
    return GluestackApp(shared.storage, shared.alerts, shared.catalogs, pipelines)


def _check_resource_limit(stack: cdk.Stack, pipeline: str) -> None:
    count = sum(isinstance(c, cdk.CfnResource) for c in stack.node.find_all())
    if count > CLOUDFORMATION_RESOURCE_LIMIT:
        raise ValueError(
            f"pipeline '{pipeline}' needs {count} CloudFormation resources, over the "
            f"{CLOUDFORMATION_RESOURCE_LIMIT} one stack may hold; split it into several pipelines"
        )
