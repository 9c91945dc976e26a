"""An IAM role for a Glue job or crawler, granted only what it is given explicitly."""

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from constructs import Construct

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


class GlueServiceRole(iam.Role):
    """Assumed by glue.amazonaws.com; starts with no permissions (no AWS managed policy)."""

    def __init__(self, scope: Construct, construct_id: str, *, description: str) -> None:
        super().__init__(
            scope,
            construct_id,
            assumed_by=iam.ServicePrincipal("glue.amazonaws.com"),
            description=description,
        )

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
        are known only at crawl time (JDBC). The catalog and database ARNs are part of every
        table action's authorization.
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
        readable = sorted({*read, *(write or [])})
        if readable:
            self.add_to_policy(
                iam.PolicyStatement(actions=_CATALOG_READ, resources=scope + table_arns(readable))
            )
        writable = table_arns(write or [])
        if write_prefix is not None:
            writable += table_arns([f"{write_prefix}*"])
        if writable:
            self.add_to_policy(
                iam.PolicyStatement(actions=_CATALOG_WRITE, resources=scope + writable)
            )
            if write_prefix is not None:
                self.add_to_policy(
                    iam.PolicyStatement(actions=_CATALOG_READ, resources=scope + writable)
                )

    def grant_security_configuration_key(self, key: kms.IKey) -> None:
        """Glue encrypts this role's S3 writes, logs and bookmarks with the key."""
        key.grant_encrypt_decrypt(self)

    def grant_connection(self, connection_name: str, secret_name: str) -> None:
        """Use one Glue connection: read it and its secret, and place ENIs in its subnet."""
        stack = cdk.Stack.of(self)
        self.add_to_policy(
            iam.PolicyStatement(
                actions=["glue:GetConnection"],
                resources=[
                    stack.format_arn(service="glue", resource="catalog"),
                    stack.format_arn(
                        service="glue", resource="connection", resource_name=connection_name
                    ),
                ],
            )
        )
        # Secrets Manager appends six random characters to a secret's ARN.
        secret_arn = stack.format_arn(
            service="secretsmanager",
            resource="secret",
            resource_name=f"{secret_name}-??????",
            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
        )
        self.add_to_policy(
            iam.PolicyStatement(actions=["secretsmanager:GetSecretValue"], resources=[secret_arn])
        )
        # EC2 Describe* actions support no resource-level permissions.
        self.add_to_policy(
            iam.PolicyStatement(
                actions=[
                    "ec2:CreateNetworkInterface",
                    "ec2:DeleteNetworkInterface",
                    "ec2:DescribeNetworkInterfaces",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeVpcEndpoints",
                    "ec2:DescribeRouteTables",
                    "ec2:DescribeVpcAttribute",
                    "ec2:CreateTags",
                    "ec2:DeleteTags",
                ],
                resources=["*"],
            )
        )

    def grant_glue_logs(self) -> None:
        """Write to Glue's own CloudWatch log groups (/aws-glue/...)."""
        stack = cdk.Stack.of(self)
        log_groups = stack.format_arn(
            service="logs",
            resource="log-group",
            resource_name="/aws-glue/*",
            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
        )
        self.add_to_policy(
            iam.PolicyStatement(
                actions=[
                    "logs:CreateLogGroup",
                    "logs:CreateLogStream",
                    "logs:PutLogEvents",
                    "logs:AssociateKmsKey",
                ],
                resources=[log_groups, f"{log_groups}:*"],
            )
        )
