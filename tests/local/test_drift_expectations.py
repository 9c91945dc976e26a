"""Drift's expectations resolve the template against the deployed stack, or say they cannot."""

import json
from pathlib import Path

import boto3

from gluestack.local.cdk_out.deploy import DeployedApp
from gluestack.local.cdk_out.drift_expectations import expected_pipeline
from gluestack.ops.drift import Unresolved, pipeline_drift

STACK = "gluestack-dev-pipeline-flights"


def expectations(aws: boto3.Session, cdk_out: Path, account: str):  # type: ignore[no-untyped-def]
    return expected_pipeline(
        cdk_out, STACK, "flights-dev-", aws.client("cloudformation"), account, "us-east-1"
    )


def test_the_offline_record_resolves_every_reference(
    aws: boto3.Session, cdk_out: Path, deployed_app: DeployedApp
) -> None:
    expected = expectations(aws, cdk_out, deployed_app.account)
    clean = expected.jobs["flights-dev-clean"]
    role = deployed_app.stacks[STACK].resources["CleanJobRole400FF0FD"].physical_id
    assert clean["Role"] == f"arn:aws:iam::{deployed_app.account}:role/{role}"
    assert clean["SecurityConfiguration"] == "flights-dev"
    assert expected.triggers["flights-dev-after_clean"]["Actions"] == [
        {"JobName": "flights-dev-features"}
    ]
    assert "EventBatchingCondition" not in expected.triggers["flights-dev-after_clean"]
    assert all(isinstance(digest, str) for digest in expected.scripts.values())


def test_without_the_offline_record_cloudformation_resolves_what_it_can(
    aws: boto3.Session, cdk_out: Path, deployed_app: DeployedApp
) -> None:
    """A stack CloudFormation deployed: physical ids from ListStackResources (here only the
    placeholder, so every Ref and Fn::GetAtt is unknown) and each unknown value not compared."""
    cloudformation = aws.client("cloudformation")
    outputs = cloudformation.describe_stacks(StackName=STACK)["Stacks"][0]["Outputs"]
    cloudformation.delete_stack(StackName=STACK)
    template = {
        "Resources": {"Placeholder": {"Type": "AWS::CloudFormation::WaitConditionHandle"}},
        "Outputs": {o["OutputKey"]: {"Value": o["OutputValue"]} for o in outputs},
    }
    cloudformation.create_stack(StackName=STACK, TemplateBody=json.dumps(template))

    expected = expectations(aws, cdk_out, deployed_app.account)
    assert isinstance(expected.jobs["flights-dev-clean"]["Role"], Unresolved)
    differences = pipeline_drift(aws.client("glue"), aws.client("s3"), expected)
    roles = [d for d in differences if d.field == "Role"]
    assert len(roles) == 5  # two jobs, three crawlers
    assert all(d.kind == "not compared" for d in roles)
    assert all(d.expected.startswith("not compared: Fn::GetAtt") for d in roles)
    # Refs to the crawlers, jobs and security configuration are unknown too: nothing is
    # reported changed, and nothing unknown passes as equal.
    assert {d.kind for d in differences} == {"not compared"}
    assert {d.field for d in differences} >= {"SecurityConfiguration", "Actions"}
