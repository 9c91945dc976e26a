"""Every bucket is encrypted, SSL-only, private, versioned and access-logged."""

from typing import Any

from aws_cdk.assertions import Match

from tests.cdk.conftest import Templates


def _buckets(dev: Templates) -> dict[str, dict[str, Any]]:
    return dev.storage.find_resources("AWS::S3::Bucket")


def _encryption(bucket: dict[str, Any]) -> dict[str, Any]:
    rules = bucket["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    return rules[0]["ServerSideEncryptionByDefault"]


def test_data_buckets_use_the_project_kms_key(dev: Templates) -> None:
    (key_id,) = dev.storage.find_resources("AWS::KMS::Key")
    data = {k: b for k, b in _buckets(dev).items() if not k.startswith("AccessLogs")}
    assert sorted(k.rstrip("0123456789ABCDEF") for k in data) == ["Curated", "Raw", "Temp"]
    for bucket in data.values():
        assert _encryption(bucket) == {
            "SSEAlgorithm": "aws:kms",
            "KMSMasterKeyID": {"Fn::GetAtt": [key_id, "Arn"]},
        }
        assert bucket["Properties"]["LoggingConfiguration"]["DestinationBucketName"]["Ref"]


def test_the_access_log_bucket_uses_sse_s3(dev: Templates) -> None:
    (log_bucket,) = [b for k, b in _buckets(dev).items() if k.startswith("AccessLogs")]
    assert _encryption(log_bucket) == {"SSEAlgorithm": "AES256"}


def test_every_bucket_is_private_and_versioned(dev: Templates) -> None:
    for bucket in _buckets(dev).values():
        props = bucket["Properties"]
        assert all(props["PublicAccessBlockConfiguration"].values())
        assert props["VersioningConfiguration"] == {"Status": "Enabled"}
        assert props["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]


def test_every_bucket_denies_requests_without_ssl(dev: Templates) -> None:
    policies = dev.storage.find_resources("AWS::S3::BucketPolicy")
    assert len(policies) == len(_buckets(dev))
    for policy in policies.values():
        statements = policy["Properties"]["PolicyDocument"]["Statement"]
        assert any(
            s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
            for s in statements
        )


def test_the_key_rotates_and_lets_cloudwatch_logs_encrypt_glue_logs(dev: Templates) -> None:
    dev.storage.has_resource_properties(
        "AWS::KMS::Key",
        {
            "EnableKeyRotation": True,
            "KeyPolicy": {
                "Statement": Match.array_with(
                    [Match.object_like({"Principal": {"Service": "logs.us-east-1.amazonaws.com"}})]
                )
            },
        },
    )
