"""UpdateJob, UpdateTrigger and UpdateCrawler in the offline account, with Glue's semantics."""

import boto3
import pytest
from botocore.exceptions import ClientError

ROLE = "arn:aws:iam::123456789012:role/glue"
COMMAND = {"Name": "glueetl", "ScriptLocation": "s3://scripts/etl.py", "PythonVersion": "3"}


def test_update_job_replaces_the_definition_and_resets_what_it_leaves_out(
    aws: boto3.Session,
) -> None:
    glue = aws.client("glue")
    glue.create_job(
        Name="etl", Role=ROLE, Command=COMMAND, DefaultArguments={"--day": "1"},
        WorkerType="G.1X", NumberOfWorkers=4, Timeout=30, ExecutionClass="FLEX",
    )  # fmt: skip
    # "Unspecified configuration is removed or reset to default values."
    # https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateJob.html
    glue.update_job(JobName="etl", JobUpdate={"Role": ROLE, "Command": COMMAND, "Timeout": 60})
    job = glue.get_job(JobName="etl")["Job"]
    assert job["Timeout"] == 60
    assert job["DefaultArguments"] == {}
    assert "NumberOfWorkers" not in job and "WorkerType" not in job
    assert job["ExecutionClass"] == "STANDARD"


def test_update_job_of_an_unknown_job_is_entity_not_found(aws: boto3.Session) -> None:
    with pytest.raises(ClientError, match="EntityNotFoundException"):
        aws.client("glue").update_job(JobName="nope", JobUpdate={"Role": ROLE})


def test_update_trigger_overwrites_its_definition_but_not_its_type(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_trigger(
        Name="nightly", Type="SCHEDULED", Schedule="cron(30 2 * * ? *)",
        Actions=[{"JobName": "etl"}], Description="nightly load",
    )  # fmt: skip
    # TriggerUpdate "updates the previous trigger definition by overwriting it completely"
    # https://docs.aws.amazon.com/glue/latest/webapi/API_TriggerUpdate.html
    answer = glue.update_trigger(
        Name="nightly", TriggerUpdate={"Schedule": "cron(0 5 * * ? *)", "Actions": []}
    )
    trigger = glue.get_trigger(Name="nightly")["Trigger"]
    assert answer["Trigger"]["Schedule"] == trigger["Schedule"] == "cron(0 5 * * ? *)"
    assert trigger["Type"] == "SCHEDULED"
    assert trigger["Actions"] == []
    assert "Description" not in trigger


def test_update_crawler_replaces_only_what_it_names(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    targets = {"S3Targets": [{"Path": "s3://raw/orders/"}]}
    glue.create_crawler(Name="raw", Role=ROLE, DatabaseName="sales", Targets=targets)
    glue.update_crawler(Name="raw", Schedule="cron(0 6 * * ? *)")
    crawler = glue.get_crawler(Name="raw")["Crawler"]
    assert crawler["Schedule"]["ScheduleExpression"] == "cron(0 6 * * ? *)"
    assert crawler["Targets"] == targets
    assert crawler["DatabaseName"] == "sales"
