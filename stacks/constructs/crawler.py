"""A Glue crawler over S3 paths: CDK's Glue module has no crawler construct, only CfnCrawler."""

import json

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from aws_cdk import aws_iam as iam
from constructs import Construct

# Partitions take their schema from the table, and compatible files under one folder
# become one table: what a folder-per-table layout needs.
_CONFIGURATION = {
    "Version": 1.0,
    "CrawlerOutput": {"Partitions": {"AddOrUpdateBehavior": "InheritFromTable"}},
    "Grouping": {"TableGroupingPolicy": "CombineCompatibleSchemas"},
}


class Crawler(Construct):
    """Crawls S3 paths into one database, updating changed schemas and logging deletions."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        crawler_name: str,
        role: iam.IRole,
        database_name: str,
        s3_paths: list[str],
        description: str = "",
    ) -> None:
        """s3_paths: s3:// URIs of table folders; each folder becomes a table."""
        super().__init__(scope, construct_id)
        if not s3_paths:
            raise ValueError(f"Crawler '{crawler_name}' needs at least one S3 path to crawl")
        for path in s3_paths:
            if not cdk.Token.is_unresolved(path) and not path.startswith("s3://"):
                raise ValueError(f"Crawler '{crawler_name}': '{path}' is not an s3:// URI")
        self.crawler_name = crawler_name
        self.resource = glue.CfnCrawler(
            self,
            "Resource",
            name=crawler_name,
            role=role.role_arn,
            database_name=database_name,
            description=description or None,
            targets=glue.CfnCrawler.TargetsProperty(
                s3_targets=[glue.CfnCrawler.S3TargetProperty(path=p) for p in s3_paths]
            ),
            schema_change_policy=glue.CfnCrawler.SchemaChangePolicyProperty(
                update_behavior="UPDATE_IN_DATABASE", delete_behavior="LOG"
            ),
            recrawl_policy=glue.CfnCrawler.RecrawlPolicyProperty(
                recrawl_behavior="CRAWL_EVERYTHING"
            ),
            configuration=json.dumps(_CONFIGURATION),
        )
