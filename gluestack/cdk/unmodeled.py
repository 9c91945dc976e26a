"""A spec's unmodeled CloudFormation properties, applied verbatim to the synthesized resource."""

from collections.abc import Mapping
from typing import Any

import aws_cdk as cdk


def apply_unmodeled(resource: cdk.CfnResource, properties: Mapping[str, Any]) -> None:
    """Set each property as given (the spec checked the names: gluestack/spec/unmodeled.py)."""
    for name, value in properties.items():
        resource.add_property_override(name, value)
