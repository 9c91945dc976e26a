"""Write local outcomes into moto's Glue backend, so the ops helpers and CLI report them.

moto has no API to end a job run or crawl in a chosen state (its state manager always ends them
in success), so these reach into its backend objects. They are the only place that does.
"""

from datetime import UTC, datetime

from moto.glue.models import glue_backends


def end_job_run(account: str, region: str, job_name: str, run_id: str, state: str) -> None:
    """Set the final state of a job run started through moto's StartJobRun."""
    run = glue_backends[account][region].get_job(job_name).get_job_run(run_id)
    run.status = state
    run.completed_on = datetime.now(UTC)


def fail_last_crawl(account: str, region: str, crawler_name: str) -> None:
    """Mark the crawler's running crawl FAILED."""
    crawl = glue_backends[account][region].get_crawler(crawler_name).crawls[-1]
    crawl.status = "FAILED"
    crawl.end_time = datetime.now(UTC)
