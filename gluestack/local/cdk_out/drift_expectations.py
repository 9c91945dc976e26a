"""What drift detection expects of a pipeline: its stack's Glue resources as synthesized, as
the Create* calls would make them, with every intrinsic resolved to the deployed values."""

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluestack.local.cdk_out.deploy.assembly import StackArtifact, read_assembly
from gluestack.local.cdk_out.deploy.assets import asset_body, asset_destination
from gluestack.local.cdk_out.deploy.glue_inputs import (
    crawler_input,
    job_input,
    trigger_input,
    workflow_input,
)
from gluestack.local.cdk_out.deploy.intrinsics import Scope, resolve_where_possible
from gluestack.local.cdk_out.deployed_scope import deployed_scope
from gluestack.ops.drift import ExpectedPipeline, Unresolved

if TYPE_CHECKING:
    from mypy_boto3_cloudformation import CloudFormationClient

# Template type -> (ExpectedPipeline field, the Create* parameters of its properties)
_GLUE_INPUTS: dict[str, tuple[str, Callable[[Mapping[str, Any]], dict[str, Any]]]] = {
    "AWS::Glue::Job": ("jobs", job_input),
    "AWS::Glue::Crawler": ("crawlers", crawler_input),
    "AWS::Glue::Trigger": ("triggers", trigger_input),
    "AWS::Glue::Workflow": ("workflows", workflow_input),
}


class ExpectationError(Exception):
    """The assembly has no such stack, or a resource the deployer would refuse."""


def expected_pipeline(
    cdk_out: Path,
    stack_name: str,
    resource_prefix: str,
    cloudformation: "CloudFormationClient",
    account: str,
    region: str,
) -> ExpectedPipeline:
    """The Glue resources of stack_name in cdk_out, resolved against the deployed stack."""
    stack = _stack(cdk_out, stack_name)
    scope = deployed_scope(stack, cloudformation, account, region)
    kinds: dict[str, dict[str, Mapping[str, Any]]] = {
        field: {} for field, _ in _GLUE_INPUTS.values()
    }
    for logical_id, resource in stack.template.get("Resources", {}).items():
        if resource["Type"] not in _GLUE_INPUTS or not _condition_holds(resource, scope):
            continue
        field, to_input = _GLUE_INPUTS[resource["Type"]]
        props = resolve_where_possible(resource.get("Properties", {}), scope, Unresolved)
        try:
            kinds[field][_name(logical_id, props, scope)] = to_input(props)
        except ValueError as error:
            raise ExpectationError(f"{stack_name}/{logical_id}: {error}") from None
    scripts = {name: _script_sha256(job, stack, scope) for name, job in kinds["jobs"].items()}
    return ExpectedPipeline(resource_prefix=resource_prefix, scripts=scripts, **kinds)


def _stack(cdk_out: Path, stack_name: str) -> StackArtifact:
    stacks = {stack.name: stack for stack in read_assembly(cdk_out)}
    if stack_name not in stacks:
        raise ExpectationError(f"the app synthesizes no stack '{stack_name}'")
    return stacks[stack_name]


def _condition_holds(resource: Mapping[str, Any], scope: Scope) -> bool:
    condition = resource.get("Condition")
    return condition is None or scope.conditions[condition]


def _name(logical_id: str, props: Mapping[str, Any], scope: Scope) -> str:
    """The template's Name, else the deployed physical id, else the logical id (which no
    deployed resource has: the resource is reported missing)."""
    name = props.get("Name")
    if isinstance(name, str) and name:
        return name
    return scope.refs.get(logical_id, logical_id)


def _script_sha256(job: Mapping[str, Any], stack: StackArtifact, scope: Scope) -> str | Unresolved:
    location = job.get("Command", {}).get("ScriptLocation")
    if not isinstance(location, str):
        return Unresolved(getattr(location, "reason", "the job has no ScriptLocation"))
    for asset in stack.assets:
        bucket, key = asset_destination(asset, scope.pseudo)
        if location == f"s3://{bucket}/{key}":
            return hashlib.sha256(asset_body(asset)).hexdigest()
    return Unresolved(f"{location} is not a file the assembly ships")
