"""Record a deployed stack's outputs in (moto's) CloudFormation, so describe_stacks finds them.

moto's CloudFormation cannot create AWS::Glue resources, so the real resources are created
through the service APIs; this stack holds only a placeholder and the resolved outputs.
"""

import json
import warnings
from typing import Any

PLACEHOLDER = {"Type": "AWS::CloudFormation::WaitConditionHandle"}


def record_stack(cloudformation: Any, stack_name: str, outputs: dict[str, dict[str, Any]]) -> None:
    """Create a CloudFormation stack whose outputs (and exports) are the given resolved ones."""
    template = {
        "Description": f"gluestack offline deploy of {stack_name}: outputs only",
        "Resources": {"GluestackOfflineDeploy": PLACEHOLDER},
        "Outputs": outputs,
    }
    with warnings.catch_warnings():
        # moto parses but does not model the placeholder type; nothing depends on it.
        warnings.filterwarnings("ignore", message=".*WaitConditionHandle.*")
        cloudformation.create_stack(StackName=stack_name, TemplateBody=json.dumps(template))
