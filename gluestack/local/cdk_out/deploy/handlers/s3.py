"""AWS::S3::Bucket and AWS::S3::BucketPolicy."""

from typing import TYPE_CHECKING, Any

from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest, as_json, tag_list

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def create_bucket(request: ResourceRequest) -> Created:
    props = request.properties
    name = props.get("BucketName") or request.physical_name(lowercase=True)
    s3 = request.client("s3")
    location = (
        {}
        if request.region == "us-east-1"
        else {"CreateBucketConfiguration": {"LocationConstraint": request.region}}
    )
    s3.create_bucket(Bucket=name, **location)
    if "BucketEncryption" in props:
        rules = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
        s3.put_bucket_encryption(
            Bucket=name,
            ServerSideEncryptionConfiguration={"Rules": [_encryption_rule(rule) for rule in rules]},
        )
    if "PublicAccessBlockConfiguration" in props:
        s3.put_public_access_block(
            Bucket=name, PublicAccessBlockConfiguration=props["PublicAccessBlockConfiguration"]
        )
    if "OwnershipControls" in props:
        s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls=props["OwnershipControls"])
    if "VersioningConfiguration" in props:
        s3.put_bucket_versioning(
            Bucket=name, VersioningConfiguration=props["VersioningConfiguration"]
        )
    if "LifecycleConfiguration" in props:
        s3.put_bucket_lifecycle_configuration(
            Bucket=name,
            LifecycleConfiguration={
                "Rules": [
                    _lifecycle_rule(i, r)
                    for i, r in enumerate(props["LifecycleConfiguration"]["Rules"])
                ]
            },
        )
    _notifications(s3, name, props.get("NotificationConfiguration", {}))
    if tags := tag_list(props.get("Tags")):
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": tags})
    return Created(
        physical_id=name,
        attributes={
            "Arn": f"arn:aws:s3:::{name}",
            "DomainName": f"{name}.s3.amazonaws.com",
            "RegionalDomainName": f"{name}.s3.{request.region}.amazonaws.com",
        },
        finish=_logging_step(request, name),
    )


def _notifications(s3: "S3Client", name: str, configuration: dict[str, Any]) -> None:
    """EventBridge notifications (moto then puts Object Created events on the default bus)."""
    unhandled = sorted(set(configuration) - {"EventBridgeConfiguration"})
    if unhandled:
        # KeyError: the deployer reports it naming the stack and the resource.
        raise KeyError(f"NotificationConfiguration {', '.join(unhandled)} is not deployed offline")
    enabled = configuration.get("EventBridgeConfiguration", {}).get("EventBridgeEnabled")
    if enabled in (True, "true"):
        s3.put_bucket_notification_configuration(
            Bucket=name, NotificationConfiguration={"EventBridgeConfiguration": {}}
        )


def create_bucket_policy(request: ResourceRequest) -> Created:
    """Apply the policy, without the statements moto would misapply (see offline_statements)."""
    props = request.properties
    document = props["PolicyDocument"]
    statements = offline_statements(document["Statement"])
    if statements:
        request.client("s3").put_bucket_policy(
            Bucket=props["Bucket"], Policy=as_json({**document, "Statement": statements})
        )
    return Created(physical_id=request.physical_name())


def offline_statements(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements moto can enforce as AWS would.

    moto ignores policy conditions (its put_bucket_policy says so), so a conditional Deny such
    as CDK's SSL-only rule (Deny when aws:SecureTransport is false) would deny every request
    offline. Those statements stay in the template, where tests/cdk assert them.
    """
    return [s for s in statements if not (s["Effect"] == "Deny" and "Condition" in s)]


def _encryption_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """Rename the template's ServerSideEncryptionByDefault to the API's Apply... name."""
    api = {k: v for k, v in rule.items() if k != "ServerSideEncryptionByDefault"}
    if "ServerSideEncryptionByDefault" in rule:
        api["ApplyServerSideEncryptionByDefault"] = rule["ServerSideEncryptionByDefault"]
    return api


def _lifecycle_rule(index: int, rule: dict[str, Any]) -> dict[str, Any]:
    """The template's flat rule shape as the API's (Filter, days under their own keys)."""
    api: dict[str, Any] = {
        "ID": rule.get("Id", f"rule-{index}"),
        "Status": rule["Status"],
        "Filter": {"Prefix": rule.get("Prefix", "")},
    }
    if "AbortIncompleteMultipartUpload" in rule:
        api["AbortIncompleteMultipartUpload"] = rule["AbortIncompleteMultipartUpload"]
    if "NoncurrentVersionExpiration" in rule:
        api["NoncurrentVersionExpiration"] = rule["NoncurrentVersionExpiration"]
    if "ExpirationInDays" in rule:
        api["Expiration"] = {"Days": rule["ExpirationInDays"]}
    return api


def _logging_step(request: ResourceRequest, name: str) -> Any:
    logging = request.properties.get("LoggingConfiguration")
    if not logging:
        return None

    def enable_access_logging() -> None:
        request.client("s3").put_bucket_logging(
            Bucket=name,
            BucketLoggingStatus={
                "LoggingEnabled": {
                    "TargetBucket": logging["DestinationBucketName"],
                    "TargetPrefix": logging.get("LogFilePrefix", ""),
                }
            },
        )

    return enable_access_logging
