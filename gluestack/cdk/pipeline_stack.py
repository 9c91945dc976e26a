"""One pipeline in a stack of its own: what `synth_project` builds for each spec."""

from pathlib import Path

import aws_cdk as cdk
from constructs import Construct

from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.glue_pipeline import TRANSPARENT_ID, GluePipeline, tag_pipeline
from gluestack.cdk.shared_stacks import SharedStacks
from gluestack.spec import PipelineSpec


class PipelineStack(cdk.Stack):
    """Everything one pipeline spec declares, in one environment: a GluePipeline."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        env: DeployEnvironment,
        spec: PipelineSpec,
        shared: SharedStacks,
        project_root: Path,
    ) -> None:
        super().__init__(scope, construct_id, env=env.cdk_environment())
        self.pipeline = GluePipeline(
            self,
            TRANSPARENT_ID,
            spec=spec,
            environment=env,
            shared=shared,
            project_root=project_root,
        )
        self.spec = self.pipeline.spec
        tag_pipeline(self, self.spec)  # the stack's own tags too, not only its resources'
