"""Reusable constructs: secure buckets, Glue service roles, crawlers, jobs, monitoring."""

from gluestack.cdk.constructs.crawler import Crawler, CrawlerBehavior, JdbcTarget, S3Targets
from gluestack.cdk.constructs.etl_job import EtlJob
from gluestack.cdk.constructs.glue_role import GlueServiceRole
from gluestack.cdk.constructs.pipeline_monitoring import MonitoredJob, PipelineMonitoring
from gluestack.cdk.constructs.secure_bucket import SecureBucket
from gluestack.spec.job_options import JobOptions

__all__ = [
    "Crawler",
    "CrawlerBehavior",
    "EtlJob",
    "GlueServiceRole",
    "JdbcTarget",
    "JobOptions",
    "MonitoredJob",
    "PipelineMonitoring",
    "S3Targets",
    "SecureBucket",
]
