"""Start Glue crawlers (or join a running crawl) and wait for the crawl's outcome."""

import contextlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from gluestack.ops.errors import (
    CrawlerFailed,
    UnknownRunState,
    WaitDeadlineExceeded,
    refusals_typed,
)
from gluestack.ops.polling import DEFAULT_SCHEDULE, Clock, Deadline, PollSchedule, SystemClock
from gluestack.ops.states import CRAWL_FAILED, CRAWL_STATUS_ALIASES, CRAWL_SUCCEEDED

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import CrawlerMetricsTypeDef, LastCrawlInfoTypeDef

CRAWLER_BUSY = frozenset({"RUNNING", "STOPPING"})


@dataclass(frozen=True)
class CrawlResult:
    """The outcome of a crawler's last crawl."""

    crawler_name: str
    status: str
    error_message: str
    started_on: datetime | None
    tables_created: int | None = None
    tables_updated: int | None = None
    tables_deleted: int | None = None


@refusals_typed("Glue crawler", "name")
def start_crawler(glue: "GlueClient", name: str) -> None:
    """Start a crawl; when one is already running, join it instead of failing."""
    with contextlib.suppress(glue.exceptions.CrawlerRunningException):
        glue.start_crawler(Name=name)


@refusals_typed("Glue crawler", "name")
def wait_for_crawler(
    glue: "GlueClient",
    name: str,
    *,
    deadline_seconds: float,
    started_after: datetime | None = None,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
) -> CrawlResult:
    """Poll until the crawler is READY with a crawl newer than started_after; report it."""
    deadline = Deadline(clock or SystemClock(), deadline_seconds)
    intervals = schedule.intervals()
    while True:
        crawler = glue.get_crawler(Name=name)["Crawler"]
        state = crawler["State"]
        last = crawler.get("LastCrawl")
        if (
            state == "READY"
            and last
            and (started_after is None or last["StartTime"] > started_after)
        ):
            return _finished_crawl(glue, name, last)
        if state not in CRAWLER_BUSY and state != "READY":
            raise UnknownRunState("Glue crawler", name, state)
        if deadline.remaining <= 0:
            raise WaitDeadlineExceeded("Glue crawler", name, state, deadline.elapsed)
        deadline.sleep(next(intervals))


@refusals_typed("Glue crawler", "name")
def run_crawler(
    glue: "GlueClient",
    name: str,
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
) -> CrawlResult:
    """Start (or join) a crawl and wait for its outcome."""
    previous = glue.get_crawler(Name=name)["Crawler"].get("LastCrawl", {}).get("StartTime")
    start_crawler(glue, name)
    return wait_for_crawler(
        glue,
        name,
        deadline_seconds=deadline_seconds,
        started_after=previous,
        schedule=schedule,
        clock=clock,
    )


def _finished_crawl(glue: "GlueClient", name: str, last: "LastCrawlInfoTypeDef") -> CrawlResult:
    status = CRAWL_STATUS_ALIASES.get(last["Status"], last["Status"])
    if status in CRAWL_FAILED:
        raise CrawlerFailed(name, status, last.get("ErrorMessage", ""))
    if status != CRAWL_SUCCEEDED:
        raise UnknownRunState("Glue crawl", name, status)
    metrics = _metrics(glue, name)
    return CrawlResult(
        crawler_name=name,
        status=status,
        error_message=last.get("ErrorMessage", ""),
        started_on=last.get("StartTime"),
        tables_created=metrics.get("TablesCreated"),
        tables_updated=metrics.get("TablesUpdated"),
        tables_deleted=metrics.get("TablesDeleted"),
    )


def _metrics(glue: "GlueClient", name: str) -> "CrawlerMetricsTypeDef":
    try:
        metrics = glue.get_crawler_metrics(CrawlerNameList=[name])["CrawlerMetricsList"]
    except (NotImplementedError, ClientError):
        # Table counts are extra detail: moto 5.2 lacks GetCrawlerMetrics (NotImplementedError
        # in-process, HTTP 500 from its server), and a role may not be allowed to call it.
        return {}
    return metrics[0] if metrics else {}
