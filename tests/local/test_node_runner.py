"""Jobs run from their deployed script; failures are retried, logged and recorded in moto."""

from pathlib import Path
from typing import Any

import boto3
import pytest
from pyspark.sql import SparkSession

from gluestack.local.node_runner import LocalNodeRunner
from gluestack.local.trigger_chain import Node
from gluestack.local.workspace import Workspace

SUCCEEDS = """
import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "out"])
context = GlueContext(SparkContext.getOrCreate())
job = Job(context)
job.init(args["JOB_NAME"], args)
context.spark_session.createDataFrame([(1,)], "n int").write.json(args["out"])
job.commit()
"""
FAILS = "raise ValueError('bad input row 7')\n"


@pytest.fixture
def runner(aws: boto3.Session, spark: SparkSession, s3_root: Path) -> LocalNodeRunner:
    return LocalNodeRunner(aws, spark, Workspace(s3_root.parent), account="123456789012")


def _job(aws: boto3.Session, script: str, max_retries: int = 0) -> Any:
    s3, glue = aws.client("s3"), aws.client("glue")
    for bucket in ("scripts", "out"):
        s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket="scripts", Key="job.py", Body=script.encode())
    glue.create_job(
        Name="job",
        Role="arn:aws:iam::123456789012:role/r",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/job.py"},
        DefaultArguments={"--out": "s3://out/result/"},
        MaxRetries=max_retries,
    )
    return glue


def test_a_job_runs_its_deployed_script_and_its_output_reaches_moto(
    aws: boto3.Session, runner: LocalNodeRunner
) -> None:
    glue = _job(aws, SUCCEEDS)
    state, _ = runner(Node("job", "job"))
    assert state == "SUCCEEDED"
    keys = [o["Key"] for o in aws.client("s3").list_objects_v2(Bucket="out")["Contents"]]
    assert any(k.startswith("result/part-") and k.endswith(".json") for k in keys)
    runs = glue.get_job_runs(JobName="job")["JobRuns"]
    assert [r["JobRunState"] for r in runs] == ["SUCCEEDED"]


def test_a_failing_job_is_retried_then_recorded_failed_with_its_log(
    aws: boto3.Session, runner: LocalNodeRunner
) -> None:
    glue = _job(aws, FAILS, max_retries=1)
    state, detail = runner(Node("job", "job"))
    assert state == "FAILED"
    assert "ValueError: bad input row 7" in detail
    runs = glue.get_job_runs(JobName="job")["JobRuns"]
    assert [r["JobRunState"] for r in runs] == ["FAILED", "FAILED"]
    log = Path(detail.rsplit("(log ", 1)[1].rstrip(")"))
    assert "Traceback" in log.read_text() and "bad input row 7" in log.read_text()


def test_a_crawl_reports_its_table_counts_through_get_crawler_metrics(
    aws: boto3.Session, runner: LocalNodeRunner, s3_root: Path
) -> None:
    s3, glue = aws.client("s3"), aws.client("glue")
    s3.create_bucket(Bucket="raw")
    for table in ("a", "b"):
        s3.put_object(Bucket="raw", Key=f"{table}/data.csv", Body=b"x,y\n1,2\n")
    glue.create_database(DatabaseInput={"Name": "db"})
    glue.create_crawler(
        Name="crawler",
        Role="arn:aws:iam::123456789012:role/r",
        DatabaseName="db",
        Targets={"S3Targets": [{"Path": "s3://raw/a/"}, {"Path": "s3://raw/b/"}]},
    )
    glue.create_crawler(
        Name="never",
        Role="arn:aws:iam::123456789012:role/r",
        DatabaseName="db",
        Targets={"S3Targets": [{"Path": "s3://raw/a/"}]},
    )
    state, detail = runner(Node("crawler", "crawler"))
    assert (state, detail) == ("SUCCEEDED", "tables: a, b")
    metrics = glue.get_crawler_metrics(CrawlerNameList=["crawler", "never"])["CrawlerMetricsList"]
    counts = {m["CrawlerName"]: (m["TablesCreated"], m["TablesUpdated"]) for m in metrics}
    assert counts == {"crawler": (2, 0), "never": (0, 0)}
    runner(Node("crawler", "crawler"))
    (again,) = glue.get_crawler_metrics(CrawlerNameList=["crawler"])["CrawlerMetricsList"]
    assert (again["TablesCreated"], again["TablesUpdated"]) == (0, 2)
