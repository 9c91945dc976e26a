"""Every linter finding the project accepts, in one place, each with its reason.

cdk-nag wildcard acknowledgments are made where a grant is declared (GlueServiceRole.allow),
because their ids name the exact resource; everything else is listed here.
"""

from dataclasses import dataclass
from typing import Literal

import jsii
from aws_cdk import Acknowledgment, CfnResource, IAspect, Validations
from constructs import IConstruct


@dataclass(frozen=True)
class Suppression:
    """A rule of one tool that does not apply to some resources, and why.

    It applies to resources of resource_type, or to the resource of the construct whose id is
    construct_id. cfn-lint rules are acknowledged in CDK's own CloudFormation validation too.
    """

    tool: Literal["checkov", "cfn-lint"]
    rule: str
    reason: str
    construct_id: str = ""
    resource_type: str = ""

    def applies_to(self, resource: CfnResource) -> bool:
        owner = resource.node.scope
        if self.resource_type:
            return resource.cfn_resource_type == self.resource_type
        return owner is not None and owner.node.id == self.construct_id


SUPPRESSIONS = [
    Suppression(
        tool="checkov",
        rule="CKV_AWS_18",
        construct_id="AccessLogs",
        reason="the server access log bucket is the logging destination itself; "
        "logging it into another bucket would only move the question",
    ),
    Suppression(
        tool="cfn-lint",
        rule="W3010",
        resource_type="AWS::Glue::Connection",
        reason="a Glue connection must name its subnet's availability zone; the spec declares it",
    ),
]


@jsii.implements(IAspect)
class ApplySuppressions:
    """Writes SUPPRESSIONS into template Metadata, where checkov and cfn-lint read them."""

    def visit(self, node: IConstruct) -> None:
        if not isinstance(node, CfnResource):
            return
        skips = [s for s in SUPPRESSIONS if s.applies_to(node)]
        checkov = [{"id": s.rule, "comment": s.reason} for s in skips if s.tool == "checkov"]
        if checkov:
            node.add_metadata("checkov", {"skip": checkov})
        cfn_lint = [s.rule for s in skips if s.tool == "cfn-lint"]
        if cfn_lint:
            node.add_metadata("cfn-lint", {"config": {"ignore_checks": cfn_lint}})
        for skip in skips:
            if skip.tool == "cfn-lint":
                Validations.of(node).acknowledge(
                    Acknowledgment(id=f"CloudFormation-Validate::{skip.rule}", reason=skip.reason)
                )
