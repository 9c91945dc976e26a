"""gluestack for CDK apps: the stacks and constructs a pipeline spec deploys, and the gates.

A project's app.py needs only synth_project; apps composed by hand use build_app and add_gates,
or the constructs one by one.
"""

from gluestack.cdk.app_builder import GluestackApp, build_app
from gluestack.cdk.compliance.gates import add_gates
from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.pipeline_stack import PipelineStack
from gluestack.cdk.project_app import synth_project

__all__ = [
    "DeployEnvironment",
    "GluestackApp",
    "PipelineStack",
    "add_gates",
    "build_app",
    "synth_project",
]
