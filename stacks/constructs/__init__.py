"""Reusable constructs: secure buckets, Glue service roles, crawlers, jobs, monitoring."""

from stacks.constructs.crawler import Crawler, CrawlerBehavior, JdbcTarget, S3Targets
from stacks.constructs.etl_job import EtlJob, JobOptions
from stacks.constructs.glue_role import GlueServiceRole
from stacks.constructs.pipeline_monitoring import MonitoredJob, PipelineMonitoring
from stacks.constructs.secure_bucket import SecureBucket

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
