"""boto3 runtime helpers for deployed pipelines: the same code against AWS and moto."""

from gluestack.ops.clients import RETRY_CONFIG, client, glue_client
from gluestack.ops.crawlers import CrawlResult, run_crawler, start_crawler, wait_for_crawler
from gluestack.ops.errors import (
    CrawlerFailed,
    GlueOpsError,
    JobRunFailed,
    UnknownRunState,
    WaitDeadlineExceeded,
)
from gluestack.ops.jobs import JobRunResult, run_job, start_job_run, wait_for_job_run
from gluestack.ops.polling import Clock, PollSchedule, SystemClock
from gluestack.ops.stacks import PipelineManifest, pipeline_manifest, stack_outputs

__all__ = [
    "RETRY_CONFIG",
    "Clock",
    "CrawlResult",
    "CrawlerFailed",
    "GlueOpsError",
    "JobRunFailed",
    "JobRunResult",
    "PipelineManifest",
    "PollSchedule",
    "SystemClock",
    "UnknownRunState",
    "WaitDeadlineExceeded",
    "client",
    "glue_client",
    "pipeline_manifest",
    "run_crawler",
    "run_job",
    "stack_outputs",
    "start_crawler",
    "start_job_run",
    "wait_for_crawler",
    "wait_for_job_run",
]
