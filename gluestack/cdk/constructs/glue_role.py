"""An IAM role for a Glue job or crawler, granted only what it is given explicitly.

Every grant names its actions one by one (no `s3:Get*`); where a resource must end in a
wildcard (objects under a folder, log streams), the grant gives the reason, and that reason
becomes the cdk-nag acknowledgment of exactly that resource.
"""

from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from constructs import Construct

from gluestack.cdk.compliance.nag_ids import wildcard_action_id, wildcard_resource_id

_CATALOG_READ = [
    "glue:GetDatabase",
    "glue:GetTable",
    "glue:GetTables",
    "glue:GetPartition",
    "glue:GetPartitions",
    "glue:BatchGetPartition",
]
_CATALOG_WRITE = [
    "glue:CreateTable",
    "glue:UpdateTable",
    "glue:DeleteTable",
    "glue:CreatePartition",
    "glue:BatchCreatePartition",
    "glue:UpdatePartition",
    "glue:BatchUpdatePartition",
    "glue:DeletePartition",
    "glue:BatchDeletePartition",
]
_OBJECT_READ = ["s3:GetObject"]
_OBJECT_WRITE = ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
_KEY_READ = ["kms:Decrypt", "kms:DescribeKey"]
_KEY_WRITE = ["kms:Encrypt", "kms:GenerateDataKey"]


class GlueServiceRole(iam.Role):
    """Assumed by glue.amazonaws.com; starts with no permissions (no AWS managed policy)."""

    def __init__(self, scope: Construct, construct_id: str, *, description: str) -> None:
        super().__init__(
            scope,
            construct_id,
            assumed_by=iam.ServicePrincipal("glue.amazonaws.com"),
            description=description,
        )

    def allow(self, actions: list[str], resources: list[str], *, wildcard_reason: str = "") -> None:
        """Add one statement; resources ending in a wildcard need wildcard_reason."""
        self.add_to_policy(iam.PolicyStatement(actions=actions, resources=resources))
        stack = cdk.Stack.of(self)
        for resource in resources:
            if "*" not in repr(stack.resolve(resource)):
                continue
            if not wildcard_reason:
                raise ValueError(f"{self.node.path}: wildcard resource {resource} needs a reason")
            self.acknowledge(wildcard_resource_id(stack.resolve(resource)), wildcard_reason)

    def acknowledge(self, finding_id: str, reason: str) -> None:
        cdk.Validations.of(self).acknowledge(cdk.Acknowledgment(id=finding_id, reason=reason))

    def acknowledge_cdk_job_grants(self) -> None:
        """Acknowledge the S3 grants CDK's job construct adds itself: read on the script asset
        (glue.Code.from_asset) and read-write on the Spark UI log folder (sparkUI).

        Call after the job is created. This role's own statements never use wildcard actions,
        so the statements carrying CDK's `s3:GetObject*` are exactly those grants.
        """
        reason = "CDK's own grants for a Glue job: its script asset and its Spark UI log folder"
        stack = cdk.Stack.of(self)
        policy = self.node.try_find_child("DefaultPolicy")
        assert isinstance(policy, iam.Policy)
        for statement in stack.resolve(policy.document)["Statement"]:
            actions = _as_list(statement["Action"])
            if "s3:GetObject*" not in actions:
                continue
            for action in actions:
                if "*" in action:
                    self.acknowledge(wildcard_action_id(action), reason)
            for resource in _as_list(statement["Resource"]):
                if "*" in repr(resource):
                    self.acknowledge(wildcard_resource_id(resource), reason)

    def grant_objects(self, bucket_name: str, prefix: str, *, write: bool) -> None:
        """Read (and with write, write and delete) the objects under one folder of a bucket."""
        bucket_arn = f"arn:{cdk.Aws.PARTITION}:s3:::{bucket_name}"
        folder = prefix.rstrip("/")
        objects = [f"{bucket_arn}/{folder}/*", f"{bucket_arn}/{folder}_$folder$"]
        self.allow(
            _OBJECT_READ + (_OBJECT_WRITE if write else []),
            objects,
            wildcard_reason=f"objects under the folder '{prefix}' that this role's spec declares",
        )
        self.add_to_policy(
            iam.PolicyStatement(
                actions=["s3:ListBucket"],
                resources=[bucket_arn],
                conditions={"StringLike": {"s3:prefix": [folder, f"{folder}/*"]}},
            )
        )
        self.add_to_policy(
            iam.PolicyStatement(actions=["s3:GetBucketLocation"], resources=[bucket_arn])
        )

    def grant_read_location(self, bucket_name: str, prefix: str) -> None:
        """Read an existing S3 location (a crawler's s3_targets entry): the objects under its
        prefix and their listing, or every object of the bucket when the prefix is empty."""
        if prefix.strip("/"):
            self.grant_objects(bucket_name, prefix, write=False)
            return
        bucket_arn = f"arn:{cdk.Aws.PARTITION}:s3:::{bucket_name}"
        self.allow(
            _OBJECT_READ,
            [f"{bucket_arn}/*"],
            wildcard_reason=f"the objects of s3://{bucket_name}/, which this role's spec crawls",
        )
        self.add_to_policy(
            iam.PolicyStatement(
                actions=["s3:ListBucket", "s3:GetBucketLocation"], resources=[bucket_arn]
            )
        )

    def grant_key(self, key_arn: str, *, write: bool) -> None:
        """Decrypt (and with write, encrypt) with one KMS key."""
        self.allow(_KEY_READ + (_KEY_WRITE if write else []), [key_arn])

    def grant_catalog(
        self,
        database_name: str,
        *,
        read: list[str],
        write: list[str] | None = None,
        write_prefix: str | None = None,
    ) -> None:
        """Read the `read` tables and create or update the `write` tables of one database.

        write_prefix: also tables whose names start with it, for crawlers whose table names
        are known only at crawl time (JDBC, existing S3 locations). The catalog and database
        ARNs are part of every table action's authorization.
        """
        stack = cdk.Stack.of(self)

        def table_arns(tables: list[str]) -> list[str]:
            return [
                stack.format_arn(
                    service="glue", resource="table", resource_name=f"{database_name}/{table}"
                )
                for table in sorted(tables)
            ]

        scope = [
            stack.format_arn(service="glue", resource="catalog"),
            stack.format_arn(service="glue", resource="database", resource_name=database_name),
        ]
        readable = table_arns(sorted({*read, *(write or [])}))
        writable = table_arns(write or [])
        reason = (
            f"tables named '{write_prefix}*': a JDBC crawl names them after its source tables, "
            "an S3 location crawl after its folders"
        )
        if write_prefix is not None:
            readable += table_arns([f"{write_prefix}*"])
            writable += table_arns([f"{write_prefix}*"])
        if readable:
            self.allow(_CATALOG_READ, scope + readable, wildcard_reason=reason)
        if writable:
            self.allow(_CATALOG_WRITE, scope + writable, wildcard_reason=reason)

    def grant_glue_logs(self) -> None:
        """Write to Glue's own CloudWatch log groups (/aws-glue/...)."""
        stack = cdk.Stack.of(self)
        log_groups = stack.format_arn(
            service="logs",
            resource="log-group",
            resource_name="/aws-glue/*",
            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
        )
        self.allow(
            [
                "logs:CreateLogGroup",
                "logs:CreateLogStream",
                "logs:PutLogEvents",
                "logs:AssociateKmsKey",
            ],
            [log_groups, f"{log_groups}:*"],
            wildcard_reason=(
                "Glue names its log groups and streams per role, security configuration and "
                "run at run time, always under /aws-glue/"
            ),
        )

    def grant_connection(
        self, connection_name: str, secret_name: str, subnet_id: str, security_group_ids: list[str]
    ) -> None:
        """Use one Glue connection: read it and its secret, and place network interfaces in its
        subnet with its security groups (and remove them again)."""
        stack = cdk.Stack.of(self)
        self.allow(
            ["glue:GetConnection"],
            [
                stack.format_arn(service="glue", resource="catalog"),
                stack.format_arn(
                    service="glue", resource="connection", resource_name=connection_name
                ),
            ],
        )
        secret_arn = stack.format_arn(
            service="secretsmanager",
            resource="secret",
            resource_name=f"{secret_name}-??????",
            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
        )
        self.allow(["secretsmanager:GetSecretValue"], [secret_arn])
        interfaces = stack.format_arn(
            service="ec2", resource="network-interface", resource_name="*"
        )
        interface_reason = (
            "Glue creates, tags and deletes network interfaces in the connection's subnet; their "
            "ids are known only at run time"
        )
        self.allow(
            ["ec2:CreateNetworkInterface"],
            [
                interfaces,
                stack.format_arn(service="ec2", resource="subnet", resource_name=subnet_id),
                *[
                    stack.format_arn(service="ec2", resource="security-group", resource_name=group)
                    for group in security_group_ids
                ],
            ],
            wildcard_reason=interface_reason,
        )
        self.allow(
            ["ec2:DeleteNetworkInterface", "ec2:CreateTags", "ec2:DeleteTags"],
            [interfaces],
            wildcard_reason=interface_reason,
        )
        self.allow(
            [
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeVpcEndpoints",
                "ec2:DescribeRouteTables",
                "ec2:DescribeVpcAttribute",
            ],
            ["*"],
            wildcard_reason=(
                "Glue reads the connection's network to place its interfaces; these EC2 Describe "
                "actions support no resource-level permissions"
            ),
        )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
