"""Crawls: join a running crawl, wait for READY, normalize moto's status, fail typed."""

from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto.moto_api import state_manager

from gluestack.ops import (
    CrawlerFailed,
    WaitDeadlineExceeded,
    run_crawler,
    start_crawler,
    wait_for_crawler,
)
from tests.ops.conftest import FakeClock

EARLIER = datetime(2026, 1, 1, tzinfo=UTC)
LATER = datetime(2026, 1, 2, tzinfo=UTC)


def _create_crawler(glue: Any) -> None:
    glue.create_crawler(
        Name="raw",
        Role="arn:aws:iam::123456789012:role/glue",
        DatabaseName="db",
        Targets={"S3Targets": [{"Path": "s3://raw/flights/"}]},
    )


def _crawler(state: str, status: str | None = None, **last: Any) -> dict[str, Any]:
    crawler: dict[str, Any] = {"Name": "raw", "State": state}
    if status:
        crawler["LastCrawl"] = {"Status": status, "StartTime": LATER, **last}
    return {"Crawler": crawler}


def test_moto_crawl_reports_succeeded_not_completed(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    _create_crawler(glue)
    result = run_crawler(glue, "raw", deadline_seconds=30)
    assert result.status == "SUCCEEDED"
    assert glue.get_crawler(Name="raw")["Crawler"]["LastCrawl"]["Status"] == "COMPLETED"


def test_starting_a_crawler_that_runs_joins_it_in_moto(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    _create_crawler(glue)
    state_manager.set_transition("glue::crawl", {"progression": "manual", "times": 99})
    glue.start_crawler(Name="raw")
    start_crawler(glue, "raw")  # moto raises CrawlerRunningException; it must be absorbed
    assert glue.get_crawler(Name="raw")["Crawler"]["State"] == "RUNNING"


def test_a_joined_crawl_is_waited_for(stubbed_glue: tuple[Any, Stubber], clock: FakeClock) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_crawler", _crawler("READY"), {"Name": "raw"})
    stubber.add_client_error("start_crawler", "CrawlerRunningException")
    stubber.add_response("get_crawler", _crawler("RUNNING"), {"Name": "raw"})
    stubber.add_response("get_crawler", _crawler("READY", "SUCCEEDED"), {"Name": "raw"})
    metrics = {"CrawlerMetricsList": [{"TablesCreated": 5, "TablesUpdated": 0, "TablesDeleted": 0}]}
    stubber.add_response("get_crawler_metrics", metrics)
    result = run_crawler(glue, "raw", deadline_seconds=60, clock=clock)
    assert (result.status, result.tables_created) == ("SUCCEEDED", 5)


@pytest.mark.parametrize("status", ["FAILED", "CANCELLED"])
def test_failed_and_cancelled_crawls_raise_with_the_message(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock, status: str
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("get_crawler", _crawler("RUNNING"), {"Name": "raw"})
    failed = _crawler("READY", status, ErrorMessage="Access denied to s3://raw/")
    stubber.add_response("get_crawler", failed, {"Name": "raw"})
    with pytest.raises(CrawlerFailed, match="Access denied") as raised:
        wait_for_crawler(glue, "raw", deadline_seconds=60, clock=clock)
    assert raised.value.status == status


def test_a_previous_crawl_is_not_taken_for_the_new_one(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    stale = {
        "Crawler": {
            "Name": "raw",
            "State": "READY",
            "LastCrawl": {"Status": "FAILED", "StartTime": EARLIER},
        }
    }
    stubber.add_response("get_crawler", stale, {"Name": "raw"})
    stubber.add_response("get_crawler", _crawler("READY", "SUCCEEDED"), {"Name": "raw"})
    stubber.add_response("get_crawler_metrics", {"CrawlerMetricsList": []})
    result = wait_for_crawler(glue, "raw", deadline_seconds=60, started_after=EARLIER, clock=clock)
    assert (result.status, result.started_on) == ("SUCCEEDED", LATER)
    assert len(clock.sleeps) == 1


def test_the_deadline_ends_a_crawl_that_never_finishes(
    stubbed_glue: tuple[Any, Stubber], clock: FakeClock
) -> None:
    glue, stubber = stubbed_glue
    for _ in range(4):
        stubber.add_response("get_crawler", _crawler("RUNNING"), {"Name": "raw"})
    with pytest.raises(WaitDeadlineExceeded, match="still RUNNING"):
        wait_for_crawler(glue, "raw", deadline_seconds=3, clock=clock)
    assert clock.now_seconds == 3
