"""Resolve a synthesized template's intrinsics to what a deployed stack holds.

Physical ids come from the offline deployer's record when the stack has one (the offline
account: moto's CloudFormation lists only the record's placeholder), else from CloudFormation's
ListStackResources (a real account). Fn::GetAtt values: the offline record keeps every
attribute; against CloudFormation only those derivable from a physical id are known (an IAM
role's Arn), and any other one is left unresolved.
"""

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from gluestack.local.cdk_out.deploy.assembly import StackArtifact
from gluestack.local.cdk_out.deploy.intrinsics import (
    IntrinsicError,
    Scope,
    pseudo_parameters,
    template_conditions,
    template_parameters,
)
from gluestack.local.cdk_out.deploy.stack_record import recorded_resources
from gluestack.ops.stacks import StackNotFound, stack_exports, stack_outputs, stack_resources

if TYPE_CHECKING:
    from mypy_boto3_cloudformation import CloudFormationClient


def deployed_scope(
    stack: StackArtifact, cloudformation: "CloudFormationClient", account: str, region: str
) -> Scope:
    """What the stack's template refers to, as deployed; StackNotFound when it is not."""
    try:
        described = cloudformation.describe_stacks(StackName=stack.name)["Stacks"][0]
    except cloudformation.exceptions.ClientError as error:
        raise StackNotFound(f"stack '{stack.name}' is not deployed: {error}") from None
    pseudo = pseudo_parameters(account, region, stack.name, described.get("StackId"))
    parameters = template_parameters(stack.template)
    for parameter in described.get("Parameters", []):
        value = parameter.get("ResolvedValue", parameter.get("ParameterValue"))
        parameters[parameter["ParameterKey"]] = str(value)
    recorded = recorded_resources(cloudformation, stack.name)
    if recorded is not None:
        refs = {logical_id: r.physical_id for logical_id, r in recorded.items()}
        attributes = {logical_id: r.attributes for logical_id, r in recorded.items()}
    else:
        refs = stack_resources(cloudformation, stack.name)
        attributes = _derived_attributes(stack.template, refs, pseudo)
    scope = Scope(
        pseudo=pseudo,
        parameters=parameters,
        conditions={},
        refs=refs,
        attributes=attributes,
        exports=stack_exports(cloudformation),
        stack_outputs=_output_reader(cloudformation),
    )
    scope.conditions = template_conditions(stack.template, scope)
    return scope


def _derived_attributes(
    template: Mapping[str, Any], refs: Mapping[str, str], pseudo: Mapping[str, str]
) -> dict[str, dict[str, str]]:
    attributes: dict[str, dict[str, str]] = {}
    for logical_id, resource in template.get("Resources", {}).items():
        path = resource.get("Properties", {}).get("Path", "/")
        if resource["Type"] == "AWS::IAM::Role" and logical_id in refs and isinstance(path, str):
            arn = f"arn:{pseudo['AWS::Partition']}:iam::{pseudo['AWS::AccountId']}:role"
            attributes[logical_id] = {"Arn": f"{arn}{path}{refs[logical_id]}"}
    return attributes


def _output_reader(cloudformation: "CloudFormationClient") -> Callable[[str, str], str]:
    read: dict[str, dict[str, str]] = {}

    def output(stack_name: str, output_name: str) -> str:
        try:
            if stack_name not in read:
                read[stack_name] = stack_outputs(cloudformation, stack_name)
            return read[stack_name][output_name]
        except (StackNotFound, KeyError):
            raise IntrinsicError(
                f"Fn::GetStackOutput {stack_name}.{output_name}: no deployed stack has it"
            ) from None

    return output
