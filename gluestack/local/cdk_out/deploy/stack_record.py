"""Record a deployed stack in (moto's) CloudFormation, so describe_stacks finds its outputs.

moto's CloudFormation cannot create AWS::Glue resources, so the real resources are created
through the service APIs; this stack holds only a placeholder and the resolved outputs. What the
deployer created (physical ids and Fn::GetAtt attributes, by logical id) goes in the recorded
template's Metadata: moto's ListStackResources would list the placeholder only, and drift
detection needs the physical ids to resolve the template's Ref and Fn::GetAtt.
"""

import json
import warnings
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_cloudformation import CloudFormationClient

PLACEHOLDER = {"Type": "AWS::CloudFormation::WaitConditionHandle"}
RESOURCES_METADATA = "gluestack:offline-resources"


@dataclass(frozen=True)
class RecordedResource:
    """One resource the offline deployer created."""

    type: str
    physical_id: str
    attributes: dict[str, str] = field(default_factory=dict)


def record_stack(
    cloudformation: "CloudFormationClient",
    stack_name: str,
    outputs: dict[str, dict[str, Any]],
    resources: Mapping[str, RecordedResource] | None = None,
) -> None:
    """Create a CloudFormation stack with the given resolved outputs (and exports), and the
    deployer's record of the resources it created in the template's Metadata."""
    template = {
        "Description": f"gluestack offline deploy of {stack_name}: outputs only",
        "Metadata": {RESOURCES_METADATA: {k: asdict(r) for k, r in (resources or {}).items()}},
        "Resources": {"GluestackOfflineDeploy": PLACEHOLDER},
        "Outputs": outputs,
    }
    with warnings.catch_warnings():
        # moto parses but does not model the placeholder type; nothing depends on it.
        warnings.filterwarnings("ignore", message=".*WaitConditionHandle.*")
        cloudformation.create_stack(StackName=stack_name, TemplateBody=json.dumps(template))


def recorded_resources(
    cloudformation: "CloudFormationClient", stack_name: str
) -> dict[str, RecordedResource] | None:
    """The offline deployer's record of a stack's resources; None for a stack it did not
    deploy (e.g. one CloudFormation deployed in a real account)."""
    body = cloudformation.get_template(StackName=stack_name)["TemplateBody"]
    template = json.loads(body) if isinstance(body, str) else body
    record = template.get("Metadata", {}).get(RESOURCES_METADATA)
    if record is None:
        return None
    return {logical_id: RecordedResource(**entry) for logical_id, entry in record.items()}
