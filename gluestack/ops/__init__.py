"""boto3 runtime helpers for deployed pipelines: the same code against AWS and moto."""

from gluestack.ops.clients import RETRY_CONFIG, client, glue_client
from gluestack.ops.crawlers import CrawlResult, run_crawler, start_crawler, wait_for_crawler
from gluestack.ops.errors import (
    ConcurrentRunsExceeded,
    CrawlerFailed,
    GlueOpsError,
    JobRunFailed,
    ResourceNotFound,
    UnknownRunState,
    WaitDeadlineExceeded,
)
from gluestack.ops.job_result import JobRunResult
from gluestack.ops.job_start import WhenBusy, new_run_token, start_job_run
from gluestack.ops.jobs import run_job, stop_job_run, wait_for_job_run
from gluestack.ops.polling import Clock, PollSchedule, SystemClock
from gluestack.ops.stacks import PipelineManifest, pipeline_manifest, stack_outputs

__all__ = [
    "RETRY_CONFIG",
    "Clock",
    "ConcurrentRunsExceeded",
    "CrawlResult",
    "CrawlerFailed",
    "GlueOpsError",
    "JobRunFailed",
    "JobRunResult",
    "PipelineManifest",
    "PollSchedule",
    "ResourceNotFound",
    "SystemClock",
    "UnknownRunState",
    "WaitDeadlineExceeded",
    "WhenBusy",
    "client",
    "glue_client",
    "new_run_token",
    "pipeline_manifest",
    "run_crawler",
    "run_job",
    "stack_outputs",
    "start_crawler",
    "start_job_run",
    "stop_job_run",
    "wait_for_crawler",
    "wait_for_job_run",
]
