"""An S3 bucket that is encrypted, SSL-only, private, versioned and access-logged."""

import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct


class SecureBucket(s3.Bucket):
    """KMS-encrypted (or SSE-S3 for the access-log bucket itself), SSL-only, never public."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        removal_policy: cdk.RemovalPolicy,
        bucket_name: str | None = None,
        encryption_key: kms.IKey | None = None,
        access_logs: s3.IBucket | None = None,
        expire_after_days: int | None = None,
    ) -> None:
        """encryption_key: SSE-KMS with it, or SSE-S3 when None (S3 server access logs can only
        be delivered to SSE-S3 buckets). access_logs: where this bucket's access is logged.
        expire_after_days: delete objects this old (for temporary data)."""
        super().__init__(
            scope,
            construct_id,
            bucket_name=bucket_name,
            encryption=s3.BucketEncryption.KMS
            if encryption_key
            else s3.BucketEncryption.S3_MANAGED,
            encryption_key=encryption_key,
            bucket_key_enabled=encryption_key is not None,
            enforce_ssl=True,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            versioned=True,
            server_access_logs_bucket=access_logs,
            server_access_logs_prefix=f"{construct_id.lower()}/" if access_logs else None,
            removal_policy=removal_policy,
            lifecycle_rules=[
                s3.LifecycleRule(
                    abort_incomplete_multipart_upload_after=cdk.Duration.days(7),
                    noncurrent_version_expiration=cdk.Duration.days(30),
                    expiration=cdk.Duration.days(expire_after_days) if expire_after_days else None,
                )
            ],
        )
