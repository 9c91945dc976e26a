"""cdk-nag's finding ids for wildcard IAM permissions, computed from the resolved policy."""

import json
from typing import Any

NAG_PLUGIN = "AwsSolutions"


def flatten_cfn_reference(node: Any) -> str:
    """A resolved CloudFormation value as cdk-nag prints it in a finding id.

    Mirrors cdk-nag's flattenCfnReference: joins are joined, Refs become <Name>, GetAtts
    <Resource.Attribute>, Fn::Sub's ${...} becomes <...>, anything else compact JSON.
    """
    if node is None:
        return ""
    if isinstance(node, str):
        return node.replace("${", "<").replace("}", ">")
    if isinstance(node, dict):
        if "Fn::Join" in node:
            delimiter, items = node["Fn::Join"]
            return str(delimiter).join(flatten_cfn_reference(item) for item in items)
        if "Fn::Sub" in node:
            return flatten_cfn_reference(node["Fn::Sub"])
        if "Fn::GetAtt" in node:
            resource, attribute = node["Fn::GetAtt"]
            return f"<{flatten_cfn_reference(resource)}.{flatten_cfn_reference(attribute)}>"
        if "Fn::ImportValue" in node:
            return flatten_cfn_reference(node["Fn::ImportValue"])
        if "Ref" in node:
            return f"<{flatten_cfn_reference(node['Ref'])}>"
    return json.dumps(node, separators=(",", ":"))


def wildcard_resource_id(resolved_resource: Any) -> str:
    """The id that acknowledges one wildcard resource of an IAM policy (AwsSolutions-IAM5)."""
    return f"{NAG_PLUGIN}::AwsSolutions-IAM5[Resource::{flatten_cfn_reference(resolved_resource)}]"


def wildcard_action_id(action: str) -> str:
    return f"{NAG_PLUGIN}::AwsSolutions-IAM5[Action::{action}]"


def rule_id(rule: str) -> str:
    """The id that acknowledges a whole rule on a construct, e.g. AwsSolutions-S1."""
    return f"{NAG_PLUGIN}::{rule}"
