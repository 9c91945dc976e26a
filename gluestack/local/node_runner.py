"""Run trigger-chain nodes for real: crawls inferred from files, jobs executed on Spark."""

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import boto3

from gluestack.local import local_s3, moto_records
from gluestack.local.crawl import emulate_crawl
from gluestack.local.job_execution import execute_job
from gluestack.local.moto_crawler_metrics import CrawlMetrics, record_crawl_metrics
from gluestack.local.trigger_chain import Node
from gluestack.local.workspace import Workspace
from gluestack.ops import CrawlerFailed, client, glue_client, wait_for_crawler, wait_for_job_run
from gluestack.ops.errors import JobRunFailed

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

NODE_DEADLINE_SECONDS = 3600


@dataclass
class LocalNodeRunner:
    """Runs nodes against one moto account whose buckets mirror the workspace's folders."""

    session: boto3.Session
    spark: "SparkSession"
    workspace: Workspace
    account: str
    notes: dict[str, str] = field(default_factory=dict)
    # Run reports show rows in and out per job; counting costs one more pass over each.
    count_rows: bool = True

    def __post_init__(self) -> None:
        self.glue = glue_client(self.session)
        self.s3 = client(self.session, "s3")
        self.logs = client(self.session, "logs")

    def __call__(self, node: Node) -> tuple[str, str]:
        local_s3.pull(self.s3, self.workspace.s3_root)
        try:
            return self._crawl(node.name) if node.kind == "crawler" else self._job(node.name)
        finally:
            # Spark's overwrite deletes files; deleting them in moto too keeps the next pull
            # from bringing the old files back.
            local_s3.push(self.s3, self.workspace.s3_root, delete_missing=True)

    def _crawl(self, name: str) -> tuple[str, str]:
        started = self.glue.get_crawler(Name=name)["Crawler"].get("LastCrawl", {}).get("StartTime")
        self.glue.start_crawler(Name=name)
        clock = time.monotonic()
        try:
            summary = emulate_crawl(self.glue, self.spark, self.workspace, name)
        except Exception as error:
            moto_records.fail_last_crawl(self.account, self._region, name)
            return "FAILED", f"{type(error).__name__}: {error}"
        metrics = CrawlMetrics(
            TablesCreated=len(summary.created),
            TablesUpdated=len(summary.updated),
            TablesDeleted=len(summary.deleted),
            LastRuntimeSeconds=round(time.monotonic() - clock, 3),
        )
        record_crawl_metrics(self.account, self._region, name, metrics)
        try:
            result = wait_for_crawler(
                self.glue, name, deadline_seconds=NODE_DEADLINE_SECONDS, started_after=started
            )
        except CrawlerFailed as error:
            return error.status, str(error)
        tables = ", ".join(summary.created + summary.updated)
        return result.status, f"tables: {tables}"

    def _job(self, name: str) -> tuple[str, str]:
        job = self.glue.get_job(JobName=name)["Job"]
        attempts = 1 + int(job.get("MaxRetries", 0))
        detail = ""
        for _ in range(attempts):
            run_id = self.glue.start_job_run(JobName=name)["JobRunId"]
            started = time.perf_counter()
            execution = execute_job(
                self.glue,
                self.s3,
                self.spark,
                self.workspace,
                name,
                run_id,
                count_rows=self.count_rows,
                logs=self.logs,
            )
            state = "SUCCEEDED" if execution.succeeded else "FAILED"
            moto_records.end_job_run(self.account, self._region, name, run_id, state)
            seconds = time.perf_counter() - started
            try:
                wait_for_job_run(self.glue, name, run_id, deadline_seconds=NODE_DEADLINE_SECONDS)
                rows = (
                    f"{execution.rows_read:,} rows in, {execution.rows_written:,} out; "
                    if self.count_rows
                    else ""
                )
                return "SUCCEEDED", f"{rows}run {run_id[:15]}… {seconds:.1f}s"
            except JobRunFailed:
                detail = f"{execution.error_message} (log {execution.log_file})"
        return "FAILED", detail

    @property
    def _region(self) -> str:
        return self.session.region_name or "us-east-1"
