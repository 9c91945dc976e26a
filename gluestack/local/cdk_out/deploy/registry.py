"""Which handler creates which resource type, and which types have no offline meaning."""

from gluestack.local.cdk_out.deploy.handlers import cloudwatch, events, glue, iam, kms, s3, sns
from gluestack.local.cdk_out.deploy.handlers.base import Handler

HANDLERS: dict[str, Handler] = {
    "AWS::S3::Bucket": s3.create_bucket,
    "AWS::S3::BucketPolicy": s3.create_bucket_policy,
    "AWS::KMS::Key": kms.create_key,
    "AWS::KMS::Alias": kms.create_alias,
    "AWS::IAM::Role": iam.create_role,
    "AWS::IAM::Policy": iam.create_policy,
    "AWS::Glue::Database": glue.create_database,
    "AWS::Glue::SecurityConfiguration": glue.create_security_configuration,
    "AWS::Glue::Crawler": glue.create_crawler,
    "AWS::Glue::Job": glue.create_job,
    "AWS::Glue::Workflow": glue.create_workflow,
    "AWS::Glue::Trigger": glue.create_trigger,
    "AWS::Glue::Connection": glue.create_connection,
    "AWS::Glue::DataCatalogEncryptionSettings": glue.put_catalog_encryption,
    "AWS::Glue::DataQualityRuleset": glue.create_data_quality_ruleset,
    "AWS::SNS::Topic": sns.create_topic,
    "AWS::SNS::TopicPolicy": sns.create_topic_policy,
    "AWS::SNS::Subscription": sns.create_subscription,
    "AWS::Events::Rule": events.create_rule,
    "AWS::CloudWatch::Alarm": cloudwatch.create_alarm,
    "AWS::CloudWatch::Dashboard": cloudwatch.create_dashboard,
}

# Types deliberately not created offline, with the reason shown in docs and logs.
SKIPPED_TYPES: dict[str, str] = {
    "AWS::CDK::Metadata": "CDK's version analytics; it creates nothing in the account",
}
