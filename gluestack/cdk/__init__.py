"""gluestack for CDK apps: the stacks and constructs a pipeline spec deploys, and the gates.

A project's app.py needs only synth_project; apps composed by hand use build_app and add_gates,
or shared_stacks and a GluePipeline construct per pipeline, in stacks of their own.
"""

from gluestack.cdk.app_builder import GluestackApp, build_app
from gluestack.cdk.compliance.gates import add_gates
from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.glue_pipeline import GluePipeline
from gluestack.cdk.pipeline_stack import PipelineStack
from gluestack.cdk.project_app import synth_project
from gluestack.cdk.shared_stacks import SharedStacks, shared_stacks

__all__ = [
    "DeployEnvironment",
    "GluePipeline",
    "GluestackApp",
    "PipelineStack",
    "SharedStacks",
    "add_gates",
    "build_app",
    "shared_stacks",
    "synth_project",
]
