"""Reading an estate through boto3: every page, passwords hidden, narrowed to a scope."""

import boto3

from gluestack.ops.estate import EstateScope, read_estate
from tests.adopt.console_estate import create_console_estate, create_spark_job

SALES = {"sales_clean", "sales_report", "sales_audit"}


def test_every_page_of_150_jobs_is_read(aws: boto3.Session) -> None:
    aws.client("s3").create_bucket(Bucket="aws-glue-assets-123456789012-us-east-1")
    for number in range(150):
        create_spark_job(aws, f"job-{number:03d}", script=False)
    glue = aws.client("glue")
    first = glue.get_jobs()
    assert len(first["Jobs"]) == 100 and first.get("NextToken")  # moto's page: two pages here

    estate = read_estate(glue)

    assert sorted(estate.jobs) == [f"job-{n:03d}" for n in range(150)]


def test_everything_is_read_and_no_password(aws: boto3.Session) -> None:
    create_console_estate(aws)

    estate = read_estate(aws.client("glue"))

    assert set(estate.jobs) == SALES | {"Inventory Load"}
    assert set(estate.crawlers) == {"sales-raw-crawler", "inventory-reference", "weblogs-crawler"}
    assert set(estate.workflows) == {"sales-nightly", "inventory-hourly"}
    assert set(estate.rulesets) == {"orders-quality"}
    assert estate.rulesets["orders-quality"]["Ruleset"].startswith("Rules = [")
    assert {"sales", "inventory", "weblogs"} <= set(estate.databases)
    properties = estate.connections["reference-postgres"]["ConnectionProperties"]
    assert "PASSWORD" not in properties
    assert "hunter2" not in repr(estate.connections)


def test_a_workflow_scope_is_its_triggers_and_what_they_start(aws: boto3.Session) -> None:
    create_console_estate(aws)

    estate = read_estate(aws.client("glue"), EstateScope(workflow="sales-nightly"))

    assert set(estate.jobs) == SALES
    assert set(estate.crawlers) == {"sales-raw-crawler"}
    assert set(estate.triggers) == {"sales-start", "sales-after-crawl", "sales-any-done"}
    assert set(estate.workflows) == {"sales-nightly"}


def test_a_database_scope_reaches_through_the_trigger_graph(aws: boto3.Session) -> None:
    create_console_estate(aws)

    estate = read_estate(aws.client("glue"), EstateScope(database="sales"))

    assert set(estate.crawlers) == {"sales-raw-crawler"}
    assert set(estate.jobs) == SALES  # none crawls sales: reached through the triggers
    assert set(estate.rulesets) == {"orders-quality"}
    assert set(estate.databases) == {"sales"}


def test_a_job_prefix_scope_takes_what_the_jobs_are_connected_to(aws: boto3.Session) -> None:
    create_console_estate(aws)

    estate = read_estate(aws.client("glue"), EstateScope(job_prefix="Inventory"))

    assert set(estate.jobs) == {"Inventory Load"}
    assert set(estate.crawlers) == {"inventory-reference"}
    assert set(estate.workflows) == {"inventory-hourly"}


def test_scopes_given_together_all_apply(aws: boto3.Session) -> None:
    create_console_estate(aws)

    estate = read_estate(
        aws.client("glue"), EstateScope(workflow="sales-nightly", job_prefix="Inventory")
    )

    assert not estate.jobs and not estate.crawlers
