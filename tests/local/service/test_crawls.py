"""StartCrawler in the offline account crawls the offline S3's objects into the catalog.

LastCrawl.Status SUCCEEDED / CANCELLED, crawler State READY / RUNNING / STOPPING and
GetCrawlerMetrics as https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-crawling.html
describes them.
"""

import time
from typing import Any

import pytest
from moto.glue.models import glue_backends

from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import wait_for_crawler
from gluestack.ops.errors import CrawlerFailed


def _crawler(glue: Any, name: str, path: str) -> str:
    glue.create_database(DatabaseInput={"Name": "sales"})
    glue.create_crawler(
        Name=name,
        Role="arn:aws:iam::123456789012:role/glue",
        DatabaseName="sales",
        Targets={"S3Targets": [{"Path": path}]},
    )
    return name


def test_objects_put_through_the_api_are_crawled_into_tables(account: Any) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    s3.put_object(Bucket="raw", Key="orders/a.csv", Body=b"Order Id,Amount\n1,2.5\n2,3\n")
    glue.start_crawler(Name=_crawler(glue, "orders", "s3://raw/orders/"))
    assert glue.get_crawler(Name="orders")["Crawler"]["State"] == "RUNNING"
    with pytest.raises(glue.exceptions.CrawlerRunningException):
        glue.start_crawler(Name="orders")
    result = wait_for_crawler(glue, "orders", deadline_seconds=120, schedule=LOCAL_POLLING)
    assert result.status == "SUCCEEDED"
    crawler = glue.get_crawler(Name="orders")["Crawler"]
    assert (crawler["State"], crawler["LastCrawl"]["Status"]) == ("READY", "SUCCEEDED")
    columns = glue.get_table(DatabaseName="sales", Name="orders")["Table"]["StorageDescriptor"]
    assert [(c["Name"], c["Type"]) for c in columns["Columns"]] == [
        ("order id", "bigint"),
        ("amount", "double"),
    ]
    metrics = glue.get_crawler_metrics(CrawlerNameList=["orders"])["CrawlerMetricsList"][0]
    assert (metrics["TablesCreated"], metrics["TablesUpdated"]) == (1, 0)


def test_a_stopped_crawl_is_cancelled(account: Any) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    s3.put_object(Bucket="raw", Key="late/a.csv", Body=b"x\n1\n")
    glue.start_crawler(Name=_crawler(glue, "late", "s3://raw/late/"))
    glue.stop_crawler(Name="late")
    assert glue.get_crawler(Name="late")["Crawler"]["State"] == "STOPPING"
    end = time.monotonic() + 60
    while glue.get_crawler(Name="late")["Crawler"]["State"] != "READY":
        assert time.monotonic() < end
        time.sleep(0.2)
    assert glue.get_crawler(Name="late")["Crawler"]["LastCrawl"]["Status"] == "CANCELLED"
    with pytest.raises(glue.exceptions.EntityNotFoundException):
        glue.get_table(DatabaseName="sales", Name="late")


def test_a_crawl_of_an_empty_prefix_succeeds_and_its_report_names_the_prefix(
    account: Any,
) -> None:
    # Glue's crawl of a folder without data files succeeds and creates no table; the run report
    # (what `gluestack local run` prints per node) says where it found nothing.
    session, _ = account
    glue = session.client("glue")
    glue.start_crawler(Name=_crawler(glue, "nothing", "s3://raw/nothing-here/"))
    result = wait_for_crawler(glue, "nothing", deadline_seconds=120, schedule=LOCAL_POLLING)
    assert result.status == "SUCCEEDED"
    assert glue.get_tables(DatabaseName="sales")["TableList"] == []
    backend = glue_backends["123456789012"]["us-east-1"]
    assert backend.crawlers["nothing"].crawls[-1].report == (
        "tables: none; no files under s3://raw/nothing-here/"
    )


def test_a_crawler_with_targets_offline_crawls_cannot_read_fails_naming_them(
    account: Any,
) -> None:
    # Skipping the DynamoDB target would let the crawl succeed with fewer tables than Glue makes.
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    s3.put_object(Bucket="raw", Key="mixed/a.csv", Body=b"x\n1\n")
    glue.create_database(DatabaseInput={"Name": "sales"})
    glue.create_crawler(
        Name="mixed",
        Role="arn:aws:iam::123456789012:role/glue",
        DatabaseName="sales",
        Targets={
            "S3Targets": [{"Path": "s3://raw/mixed/"}],
            "DynamoDBTargets": [{"Path": "orders"}],
        },
    )
    glue.start_crawler(Name="mixed")
    refusal = (
        "crawler targets DynamoDBTargets: offline crawls read S3, JDBC and catalog targets only"
    )
    with pytest.raises(CrawlerFailed, match=refusal):
        wait_for_crawler(glue, "mixed", deadline_seconds=120, schedule=LOCAL_POLLING)
    with pytest.raises(glue.exceptions.EntityNotFoundException):
        glue.get_table(DatabaseName="sales", Name="mixed")
