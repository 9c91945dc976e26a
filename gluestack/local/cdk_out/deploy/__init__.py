"""Deploy cdk.out into moto: every resource created through boto3, outputs recorded."""

from gluestack.local.cdk_out.deploy.assembly import AssemblyError, StackArtifact, read_assembly
from gluestack.local.cdk_out.deploy.deployer import (
    DeployedApp,
    DeployedResource,
    DeployedStack,
    deploy_assembly,
)
from gluestack.local.cdk_out.deploy.errors import DeployError
from gluestack.local.cdk_out.deploy.registry import HANDLERS, SKIPPED_TYPES

__all__ = [
    "HANDLERS",
    "SKIPPED_TYPES",
    "AssemblyError",
    "DeployError",
    "DeployedApp",
    "DeployedResource",
    "DeployedStack",
    "StackArtifact",
    "deploy_assembly",
    "read_assembly",
]
