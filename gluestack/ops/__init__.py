"""boto3 runtime helpers for deployed pipelines: the same code against AWS and moto."""

from gluestack.ops.bookmarks import job_bookmark, reset_job_bookmark
from gluestack.ops.catalog import describe_table, list_databases, list_tables, table_exists
from gluestack.ops.clients import RETRY_CONFIG, client, glue_client
from gluestack.ops.costs import Rates, estimated_cost
from gluestack.ops.crawlers import CrawlResult, run_crawler, start_crawler, wait_for_crawler
from gluestack.ops.errors import (
    AccessDenied,
    ConcurrentRunsExceeded,
    CrawlerFailed,
    GlueOpsError,
    GlueRequestRefused,
    InvalidRequest,
    JobRunFailed,
    LimitExceeded,
    PartitionBatchFailed,
    ResourceNotFound,
    UnknownRunState,
    WaitDeadlineExceeded,
    WorkflowRunFailed,
)
from gluestack.ops.job_result import JobRunResult
from gluestack.ops.job_start import WhenBusy, new_run_token, start_job_run
from gluestack.ops.jobs import run_job, stop_job_run, wait_for_job_run
from gluestack.ops.partitions import (
    add_partitions,
    delete_partitions,
    list_partitions,
    wait_for_partition,
)
from gluestack.ops.pipeline_status import pipeline_status
from gluestack.ops.polling import Clock, PollSchedule, SystemClock
from gluestack.ops.run_history import job_run_history
from gluestack.ops.run_logs import LogLine, RunLogs, follow_run_logs, read_run_logs
from gluestack.ops.schema_diff import table_schema_diff
from gluestack.ops.stacks import PipelineManifest, pipeline_manifest, stack_outputs
from gluestack.ops.triggers import start_trigger, stop_trigger, workflow_triggers
from gluestack.ops.workflows import start_workflow_run, wait_for_workflow_run

__all__ = [
    "RETRY_CONFIG",
    "AccessDenied",
    "Clock",
    "ConcurrentRunsExceeded",
    "CrawlResult",
    "CrawlerFailed",
    "GlueOpsError",
    "GlueRequestRefused",
    "InvalidRequest",
    "JobRunFailed",
    "JobRunResult",
    "LimitExceeded",
    "LogLine",
    "PartitionBatchFailed",
    "PipelineManifest",
    "PollSchedule",
    "Rates",
    "ResourceNotFound",
    "RunLogs",
    "SystemClock",
    "UnknownRunState",
    "WaitDeadlineExceeded",
    "WhenBusy",
    "WorkflowRunFailed",
    "add_partitions",
    "client",
    "delete_partitions",
    "describe_table",
    "estimated_cost",
    "follow_run_logs",
    "glue_client",
    "job_bookmark",
    "job_run_history",
    "list_databases",
    "list_partitions",
    "list_tables",
    "new_run_token",
    "pipeline_manifest",
    "pipeline_status",
    "read_run_logs",
    "reset_job_bookmark",
    "run_crawler",
    "run_job",
    "stack_outputs",
    "start_crawler",
    "start_job_run",
    "start_trigger",
    "start_workflow_run",
    "stop_job_run",
    "stop_trigger",
    "table_exists",
    "table_schema_diff",
    "wait_for_crawler",
    "wait_for_job_run",
    "wait_for_partition",
    "wait_for_workflow_run",
    "workflow_triggers",
]
