"""CloudFormation intrinsics resolve as CloudFormation would resolve them."""

from typing import Any

import pytest

from gluestack.local.cdk_out.deploy.intrinsics import IntrinsicError, Scope, referenced_ids, resolve


def _scope(**overrides: Any) -> Scope:
    values: dict[str, Any] = {
        "pseudo": {"AWS::Region": "eu-west-1", "AWS::AccountId": "111122223333"},
        "parameters": {"Stage": "dev"},
        "conditions": {"IsProd": False},
        "refs": {"Bucket": "my-bucket"},
        "attributes": {"Bucket": {"Arn": "arn:aws:s3:::my-bucket"}},
        "exports": {"shared-key": "key-123"},
        "stack_outputs": lambda stack, name: f"{stack}.{name}",
    }
    return Scope(**{**values, **overrides})


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ({"Ref": "Bucket"}, "my-bucket"),
        ({"Ref": "AWS::Region"}, "eu-west-1"),
        ({"Ref": "Stage"}, "dev"),
        ({"Fn::GetAtt": ["Bucket", "Arn"]}, "arn:aws:s3:::my-bucket"),
        ({"Fn::GetAtt": "Bucket.Arn"}, "arn:aws:s3:::my-bucket"),
        ({"Fn::Join": ["/", ["a", {"Ref": "Bucket"}]]}, "a/my-bucket"),
        (
            {"Fn::Sub": "s3://${Bucket}/${AWS::AccountId}/${!Literal}"},
            "s3://my-bucket/111122223333/${Literal}",
        ),
        (
            {"Fn::Sub": ["${Name}-${Bucket.Arn}", {"Name": {"Ref": "Stage"}}]},
            "dev-arn:aws:s3:::my-bucket",
        ),
        ({"Fn::Select": [1, {"Fn::Split": [",", "a,b,c"]}]}, "b"),
        ({"Fn::If": ["IsProd", "retain", "delete"]}, "delete"),
        ({"Fn::ImportValue": "shared-key"}, "key-123"),
        ({"Fn::GetStackOutput": {"StackName": "s", "OutputName": "o", "Region": "r"}}, "s.o"),
    ],
)
def test_intrinsic_resolves(template: Any, expected: Any) -> None:
    assert resolve(template, _scope()) == expected


def test_no_value_removes_the_property() -> None:
    template = {"A": {"Fn::If": ["IsProd", "x", {"Ref": "AWS::NoValue"}]}, "B": 1}
    assert resolve(template, _scope()) == {"B": 1}


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ({"Ref": "Missing"}, "Ref to 'Missing'"),
        ({"Fn::GetAtt": ["Bucket", "Nope"]}, "Bucket.Nope"),
        ({"Fn::ImportValue": "unknown"}, "no stack exports it"),
    ],
)
def test_unresolvable_intrinsic_names_what_it_wanted(template: Any, message: str) -> None:
    with pytest.raises(IntrinsicError, match=message):
        resolve(template, _scope())


def test_references_are_found_for_ordering() -> None:
    template = {
        "A": {"Ref": "Bucket"},
        "B": {"Fn::GetAtt": ["Key", "Arn"]},
        "C": {"Fn::Sub": "${Role.Arn}-${AWS::Region}"},
    }
    assert referenced_ids(template) == {"Bucket", "Key", "Role", "AWS::Region"}
