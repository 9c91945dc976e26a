"""Storage: the project KMS key, the Glue security configuration, and the buckets."""

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct

from gluestack.cdk.constructs import SecureBucket
from gluestack.cdk.environment import DeployEnvironment

# Glue's TempDir, Spark UI logs and shuffle spill: nothing there is needed after a week.
TEMP_RETENTION_DAYS = 7


def bucket_name(env: DeployEnvironment, role: str) -> str:
    """A bucket's name, such as gluestack-dev-raw-123456789012-us-east-1.

    Known to every stack without a cross-stack reference, so IAM grants name their exact
    folders; account and region make it globally unique.
    """
    name = f"{env.project}-{env.name}-{role}-{cdk.Aws.ACCOUNT_ID}-{env.region}"
    if len(f"{env.project}-{env.name}-{role}-123456789012-{env.region}") > 63:
        raise ValueError(f"bucket name '{name}' would pass S3's 63 characters; shorten the project")
    return name


class StorageStack(cdk.Stack):
    """Buckets and encryption every pipeline of one environment shares; nothing is public."""

    def __init__(self, scope: Construct, construct_id: str, *, env: DeployEnvironment) -> None:
        super().__init__(scope, construct_id, env=env.cdk_environment())
        removal = env.removal_policy
        self.key = kms.Key(
            self,
            "DataKey",
            alias=f"alias/gluestack-{env.name}",
            description=f"gluestack {env.name}: encrypts pipeline data, temp files and logs",
            enable_key_rotation=True,
            removal_policy=removal,
        )
        self._allow_cloudwatch_logs(self.key)
        self.access_logs = SecureBucket(
            self, "AccessLogs", removal_policy=removal, bucket_name=bucket_name(env, "access-logs")
        )
        self.raw = self._data_bucket("Raw", env)
        # New raw files are events a pipeline's event trigger can start from (on_new_files).
        # Set on the L1 bucket: CDK's event_bridge_enabled deploys a Lambda custom resource.
        raw_bucket = self.raw.node.default_child
        assert isinstance(raw_bucket, s3.CfnBucket)
        raw_bucket.notification_configuration = s3.CfnBucket.NotificationConfigurationProperty(
            event_bridge_configuration=s3.CfnBucket.EventBridgeConfigurationProperty(
                event_bridge_enabled=True
            )
        )
        self.curated = self._data_bucket("Curated", env)
        self.temp = self._data_bucket("Temp", env, expire_after_days=TEMP_RETENTION_DAYS)
        for name, bucket in [("Raw", self.raw), ("Curated", self.curated), ("Temp", self.temp)]:
            cdk.CfnOutput(self, f"{name}BucketName", value=bucket.bucket_name)
        cdk.CfnOutput(self, "DataKeyArn", value=self.key.key_arn)

    def _allow_cloudwatch_logs(self, key: kms.Key) -> None:
        """Glue's encrypted log groups are encrypted by CloudWatch Logs itself, with this key."""
        key.add_to_resource_policy(
            iam.PolicyStatement(
                principals=[iam.ServicePrincipal(f"logs.{self.region}.amazonaws.com")],
                actions=[
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*",
                ],
                resources=["*"],
                conditions={
                    "ArnLike": {
                        "kms:EncryptionContext:aws:logs:arn": self.format_arn(
                            service="logs",
                            resource="log-group",
                            resource_name="/aws-glue/*",
                            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
                        )
                    }
                },
            )
        )

    def _data_bucket(
        self, construct_id: str, env: DeployEnvironment, expire_after_days: int | None = None
    ) -> SecureBucket:
        return SecureBucket(
            self,
            construct_id,
            bucket_name=bucket_name(env, construct_id.lower()),
            removal_policy=env.removal_policy,
            encryption_key=self.key,
            access_logs=self.access_logs,
            expire_after_days=expire_after_days,
        )
