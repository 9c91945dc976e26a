"""Runs of one offline account share a warm JVM, and cannot tell: each gets a SparkContext of
its own, with the settings, temporary views and configuration a fresh JVM would have given it
(a Glue run starts on fresh capacity, https://docs.aws.amazon.com/glue/latest/dg/job-run-statuses.html).
"""

import json
import time
from pathlib import Path
from typing import Any

import boto3

from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.local.records.workspace import Workspace
from gluestack.local.service import executing_glue
from gluestack.ops import wait_for_job_run

# Each run records what a script could see of the JVM and the session it got, then leaves
# behind what a shared JVM could leak into the next run: a temporary view, a changed setting,
# a cached table, and a SparkContext it never stops (Glue scripts never stop theirs).
PROBE = """import json, os, sys
from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "report_path"])
glue_context = GlueContext(SparkContext())
spark = glue_context.spark_session
jvm = spark.sparkContext._jvm
seen = {
    "jvm": jvm.java.lang.ProcessHandle.current().pid(),
    "application": spark.sparkContext.applicationId,
    "views": [t.name for t in spark.catalog.listTables() if t.isTemporary],
    "partitions": spark.conf.get("spark.sql.shuffle.partitions"),
    "app_name": spark.sparkContext.appName,
    "endpoint": os.environ["AWS_ENDPOINT_URL"],
    "worker_endpoint": spark.sparkContext.parallelize([0], 1)
    .map(lambda _: os.environ.get("AWS_ENDPOINT_URL")).collect()[0],
}
jvm.java.lang.System.err.println("said by the JVM of " + args["JOB_NAME"])
with open(args["report_path"], "a") as report:
    report.write(json.dumps(seen) + "\\n")
spark.createDataFrame([(1,)], "id int").createOrReplaceTempView("left_behind")
spark.table("left_behind").cache().count()
spark.conf.set("spark.sql.shuffle.partitions", "7")
"""


def _probe_job(account: Any, name: str, report: str) -> str:
    session, _ = account
    session.client("s3").put_object(Bucket="scripts", Key="probe.py", Body=PROBE.encode())
    session.client("glue").create_job(
        Name=name,
        Role="arn:aws:iam::123456789012:role/glue",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/probe.py"},
        DefaultArguments={"--report_path": report},
        GlueVersion="5.1",
    )
    return name


def _run(glue: Any, name: str) -> str:
    run_id = str(glue.start_job_run(JobName=name)["JobRunId"])
    result = wait_for_job_run(glue, name, run_id, deadline_seconds=300, schedule=LOCAL_POLLING)
    assert result.state == "SUCCEEDED", result
    return run_id


def test_a_second_run_gets_the_warm_jvm_and_a_fresh_session(account: Any, tmp_path: Any) -> None:
    report = tmp_path / "seen.jsonl"
    glue = account[0].client("glue")
    name = _probe_job(account, "probe", str(report))
    first_run, second_run = _run(glue, name), _run(glue, name)
    first, second = (json.loads(line) for line in report.read_text().splitlines())
    assert first["jvm"] == second["jvm"]  # the JVM was started once
    assert first["application"] != second["application"]  # each run its own SparkContext
    for seen in (first, second):
        assert seen["views"] == []  # the first run's temporary view is gone
        assert seen["partitions"] == "4"  # and the setting it changed
        assert seen["app_name"] == f"glue-{name}"
        assert seen["worker_endpoint"] == seen["endpoint"]  # Python workers reach its account
    # What the JVM printed is in the log of the run that held it, not another's.
    logs = account[1].workspace.root / "runs" / name
    assert "said by the JVM of probe" in (logs / f"{first_run}.process.log").read_text()
    assert "said by the JVM of probe" in (logs / f"{second_run}.process.log").read_text()


def test_a_stopped_run_s_jvm_is_ended_and_the_next_run_gets_a_new_one(
    account: Any, tmp_path: Any
) -> None:
    report = tmp_path / "seen.jsonl"
    session, executor = account
    glue = session.client("glue")
    name = _probe_job(account, "probe", str(report))
    _run(glue, name)
    sleeper = PROBE + "import time\ntime.sleep(600)\n"
    session.client("s3").put_object(Bucket="scripts", Key="probe.py", Body=sleeper.encode())
    stopped = glue.start_job_run(JobName=name)["JobRunId"]
    deadline = time.monotonic() + 120
    while len(report.read_text().splitlines()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    glue.batch_stop_job_run(JobName=name, JobRunIds=[stopped])
    while glue.get_job_run(JobName=name, RunId=stopped)["JobRun"]["JobRunState"] != "STOPPED":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    session.client("s3").put_object(Bucket="scripts", Key="probe.py", Body=PROBE.encode())
    _run(glue, name)
    first, during_stop, after = (json.loads(line) for line in report.read_text().splitlines())
    assert during_stop["jvm"] == first["jvm"]
    assert after["jvm"] != during_stop["jvm"]  # the stopped run's JVM was not lent again
    assert not [host for owner, host in executor.jvms.lent if owner is executor]


def test_the_next_account_s_run_gets_the_jvm_and_its_workers_reach_that_account(
    aws: boto3.Session, tmp_path: Path
) -> None:
    report = tmp_path / "seen.jsonl"
    for bucket in ("scripts", "out"):
        aws.client("s3").create_bucket(Bucket=bucket)
    for number in (1, 2):
        workspace = Workspace(tmp_path / f"ws{number}")
        with executing_glue(workspace) as executor:
            glue = aws.client("glue")
            if number == 1:
                _probe_job((aws, executor), "probe", str(report))
            _run(glue, "probe")
            executor.wait_idle(120)
    first, second = (json.loads(line) for line in report.read_text().splitlines())
    assert first["jvm"] == second["jvm"]
    assert first["endpoint"] != second["endpoint"]  # each account is served on its own port
    assert second["worker_endpoint"] == second["endpoint"]
