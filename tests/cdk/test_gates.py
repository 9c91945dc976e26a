"""cdk-nag gates every synthesis: the real app passes, an unexplained wildcard fails."""

import json
from pathlib import Path

import aws_cdk as cdk
import pytest
from aws_cdk import aws_iam as iam

from gluestack.cdk.app_builder import build_app
from gluestack.cdk.compliance.gates import add_gates
from gluestack.cdk.compliance.nag_ids import flatten_cfn_reference
from gluestack.cdk.constructs import GlueServiceRole
from gluestack.cdk.environment import environment_from_context
from gluestack.spec import load
from tests.cdk.conftest import PROJECT_ROOT, context

SPECS = [
    PROJECT_ROOT / "pipelines" / "flights.yaml",
    Path(__file__).parent / "specs" / "sales.yaml",
    Path(__file__).parent / "specs" / "imported.yaml",
]


def test_every_option_synthesizes_with_zero_cdk_nag_findings(tmp_path: Path) -> None:
    app = cdk.App(context=context("prod"), outdir=str(tmp_path))
    specs = [load(path, PROJECT_ROOT, ["dev", "prod"]) for path in SPECS]
    build_app(app, specs, environment_from_context(app), PROJECT_ROOT)
    add_gates(app)
    app.synth()  # raises ValidationFailed on any unacknowledged finding
    report = json.loads((tmp_path / "validation-report.json").read_text())
    assert {r["conclusion"] for r in report["pluginReports"]} == {"success"}


def test_an_unexplained_wildcard_fails_synthesis(tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.Stack(app, "Loose")
    role = GlueServiceRole(stack, "Role", description="too broad")
    role.add_to_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=["*"]))
    add_gates(app)
    with pytest.raises(RuntimeError, match="ValidationFailed"):
        app.synth()
    assert "AwsSolutions-IAM5[Resource::*]" in (tmp_path / "validation-report.json").read_text()


def test_a_wildcard_grant_without_a_reason_is_refused() -> None:
    stack = cdk.Stack(cdk.App(), "Loose")
    role = GlueServiceRole(stack, "Role", description="too broad")
    with pytest.raises(ValueError, match="needs a reason"):
        role.allow(["s3:GetObject"], ["arn:aws:s3:::bucket/*"])


@pytest.mark.parametrize(
    ("resolved", "flat"),
    [
        ("arn:aws:s3:::b/*", "arn:aws:s3:::b/*"),
        (
            {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::b/*"]]},
            "arn:<AWS::Partition>:s3:::b/*",
        ),
        ({"Fn::Sub": "cdk-${AWS::AccountId}"}, "cdk-<AWS::AccountId>"),
        ({"Fn::GetAtt": ["Bucket", "Arn"]}, "<Bucket.Arn>"),
        ({"Fn::GetStackOutput": {"StackName": "s"}}, '{"Fn::GetStackOutput":{"StackName":"s"}}'),
    ],
)
def test_finding_ids_are_flattened_as_cdk_nag_does(resolved: object, flat: str) -> None:
    assert flatten_cfn_reference(resolved) == flat
