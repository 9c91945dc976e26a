"""One deployed pipeline at a glance: its jobs, crawlers and triggers, and how each last ran."""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from gluestack.ops.run_history import latest_job_run
from gluestack.ops.stacks import PipelineManifest
from gluestack.ops.states import CRAWL_STATUS_ALIASES
from gluestack.ops.triggers import TriggerInfo, workflow_triggers

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient


@dataclass(frozen=True)
class JobStatus:
    name: str
    deployed_name: str
    last_state: str
    last_started: datetime | None
    last_seconds: int | None
    last_error: str


@dataclass(frozen=True)
class CrawlerStatus:
    name: str
    deployed_name: str
    state: str
    last_crawl: str
    last_error: str


@dataclass(frozen=True)
class PipelineStatus:
    pipeline: str
    workflow: str
    last_workflow_run: str
    jobs: list[JobStatus]
    crawlers: list[CrawlerStatus]
    triggers: list[TriggerInfo]


def pipeline_status(glue: "GlueClient", manifest: PipelineManifest) -> PipelineStatus:
    """Each resource of the manifest with its latest run (one Get call per job and crawler)."""
    last_run = glue.get_workflow(Name=manifest.workflow)["Workflow"].get("LastRun", {})
    return PipelineStatus(
        pipeline=manifest.pipeline,
        workflow=manifest.workflow,
        last_workflow_run=last_run.get("Status", "never run"),
        jobs=[_job_status(glue, name, deployed) for name, deployed in manifest.jobs.items()],
        crawlers=[
            _crawler_status(glue, name, deployed) for name, deployed in manifest.crawlers.items()
        ],
        triggers=workflow_triggers(glue, manifest.workflow),
    )


def _job_status(glue: "GlueClient", name: str, deployed_name: str) -> JobStatus:
    run = latest_job_run(glue, deployed_name)
    if run is None:
        return JobStatus(name, deployed_name, "never run", None, None, "")
    return JobStatus(
        name,
        deployed_name,
        run["JobRunState"],
        run.get("StartedOn"),
        run.get("ExecutionTime"),
        run.get("ErrorMessage", ""),
    )


def _crawler_status(glue: "GlueClient", name: str, deployed_name: str) -> CrawlerStatus:
    crawler = glue.get_crawler(Name=deployed_name)["Crawler"]
    last = crawler.get("LastCrawl", {})
    status = last.get("Status", "never run")
    return CrawlerStatus(
        name,
        deployed_name,
        crawler.get("State", ""),
        CRAWL_STATUS_ALIASES.get(status, status),
        last.get("ErrorMessage", ""),
    )
