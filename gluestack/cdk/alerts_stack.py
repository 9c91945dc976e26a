"""Alerts: the environment's encrypted SNS topic that failures of every pipeline go to."""

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sns as sns
from constructs import Construct

from gluestack.cdk.environment import DeployEnvironment


class AlertsStack(cdk.Stack):
    """One topic per environment, encrypted with its own key, published to by EventBridge
    rules and CloudWatch alarms of the pipeline stacks."""

    def __init__(self, scope: Construct, construct_id: str, *, env: DeployEnvironment) -> None:
        super().__init__(scope, construct_id, env=env.cdk_environment())
        # A key of its own: EventBridge and CloudWatch must use it, and need no data access.
        self.key = kms.Key(
            self,
            "AlertsKey",
            alias=f"alias/gluestack-{env.name}-alerts",
            description=f"gluestack {env.name}: encrypts the alerts topic",
            enable_key_rotation=True,
            removal_policy=cdk.RemovalPolicy.DESTROY,
        )
        publishers = [
            iam.ServicePrincipal("events.amazonaws.com"),
            iam.ServicePrincipal("cloudwatch.amazonaws.com"),
        ]
        self.key.add_to_resource_policy(
            iam.PolicyStatement(
                principals=publishers,
                actions=["kms:Decrypt", "kms:GenerateDataKey*"],
                resources=["*"],
            )
        )
        self.topic = sns.Topic(
            self,
            "Alerts",
            topic_name=f"gluestack-{env.name}-alerts",
            display_name=f"gluestack {env.name} alerts",
            master_key=self.key,
            enforce_ssl=True,
        )
        cdk.CfnOutput(self, "AlertsTopicArn", value=self.topic.topic_arn)
