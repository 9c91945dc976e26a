"""An IAM role for a Glue job or crawler, granted only what it is given explicitly."""

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
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

    def grant_catalog(self, database_name: str, *, write: bool) -> None:
        """Read (and with write, create and update) tables of one database only."""
        stack = cdk.Stack.of(self)
        resources = [
            stack.format_arn(service="glue", resource="catalog"),
            stack.format_arn(service="glue", resource="database", resource_name=database_name),
            stack.format_arn(service="glue", resource="table", resource_name=f"{database_name}/*"),
        ]
        actions = _CATALOG_READ + (_CATALOG_WRITE if write else [])
        self.add_to_policy(iam.PolicyStatement(actions=actions, resources=resources))

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
