"""Jobs run from their deployed script; failures are retried, logged and recorded in moto."""

from pathlib import Path
from typing import Any

import boto3
import pytest
from pyspark.sql import SparkSession

from gluestack.local.node_runner import LocalNodeRunner
from gluestack.local.trigger_chain import Node
from gluestack.local.workspace import Workspace
from gluestack.ops import read_run_logs

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


GLUE_COPY = """
import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "out_path"])
context = GlueContext(SparkContext.getOrCreate())
job = Job(context)
job.init(args["JOB_NAME"], args)
rows = context.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://src/rows/"]}, format="json"
)
context.write_dynamic_frame.from_options(
    frame=rows.filter(lambda row: row["n"] > 1),
    connection_type="s3",
    connection_options={"path": args["out_path"]},
    format="json",
)
FAIL_AFTER_WRITE
job.commit()
"""


def _copy_job(aws: boto3.Session, fail_after_write: bool = False) -> Any:
    s3, glue = aws.client("s3"), aws.client("glue")
    for bucket in ("scripts", "src", "out"):
        s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket="src", Key="rows/a.json", Body=b'{"n": 1}\n{"n": 2}\n{"n": 3}\n')
    failure = "raise RuntimeError('killed after the write')" if fail_after_write else ""
    script = GLUE_COPY.replace("FAIL_AFTER_WRITE", failure)
    s3.put_object(Bucket="scripts", Key="copy.py", Body=script.encode())
    glue.create_job(
        Name="copy",
        Role="arn:aws:iam::123456789012:role/r",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/copy.py"},
        DefaultArguments={"--out_path": "s3://out/copy/"},
    )
    return glue


def _keys(aws: boto3.Session, bucket: str) -> list[str]:
    return [o["Key"] for o in aws.client("s3").list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_a_job_reports_the_rows_its_glue_sources_read_and_sinks_wrote(
    aws: boto3.Session, runner: LocalNodeRunner
) -> None:
    _copy_job(aws)
    state, detail = runner(Node("job", "copy"))
    assert state == "SUCCEEDED"
    assert detail.startswith("3 rows in, 2 out; ")


def test_a_job_that_fails_after_writing_leaves_its_output_unchanged(
    aws: boto3.Session, runner: LocalNodeRunner, s3_root: Path
) -> None:
    _copy_job(aws, fail_after_write=True)
    aws.client("s3").put_object(Bucket="out", Key="copy/earlier.json", Body=b'{"n": 0}\n')
    state, detail = runner(Node("job", "copy"))
    assert state == "FAILED" and "killed after the write" in detail
    assert _keys(aws, "out") == ["copy/earlier.json"]
    assert sorted(p.name for p in (s3_root / "out" / "copy").iterdir()) == ["earlier.json"]


def test_files_an_overwrite_deleted_are_deleted_in_moto_too(
    aws: boto3.Session, runner: LocalNodeRunner
) -> None:
    _job(aws, SUCCEEDS.replace(".write.json(", '.write.mode("overwrite").json('))
    aws.client("s3").put_object(Bucket="out", Key="result/stale.json", Body=b'{"n": 9}\n')
    assert runner(Node("job", "job"))[0] == "SUCCEEDED"
    keys = _keys(aws, "out")
    assert "result/stale.json" not in keys
    assert any(k.startswith("result/part-") for k in keys)


def test_a_failed_runs_traceback_is_in_its_error_log_stream(
    aws: boto3.Session, runner: LocalNodeRunner
) -> None:
    glue = _job(aws, FAILS)
    runner(Node("job", "job"))
    (run,) = glue.get_job_runs(JobName="job")["JobRuns"]
    errors = read_run_logs(aws.client("logs"), glue, "job", run["Id"], errors_only=True)
    assert errors.lines[0].message.startswith("Traceback")
    assert errors.lines[-1].message == "ValueError: bad input row 7"
