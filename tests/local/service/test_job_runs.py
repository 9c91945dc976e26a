"""StartJobRun in the offline account executes the deployed script, with Glue's run semantics.

States, Attempt / PreviousRunId, Timeout, MaxRetries and BatchStopJobRun follow
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html; each run is a process
of its own, reaching the account through the served endpoint.
"""

import json
import time
from typing import Any

import pytest

from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import wait_for_job_run
from gluestack.ops.errors import JobRunFailed

WRITER = """import sys, time
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "target_path", "then"])
sc = SparkContext()
glue_context = GlueContext(sc)
job = Job(glue_context)
job.init(args["JOB_NAME"], args)
rows = glue_context.spark_session.createDataFrame([(1, "a"), (2, "b")], "id int, name string")
glue_context.write_dynamic_frame.from_options(
    frame=DynamicFrame.fromDF(rows, glue_context, "rows"), connection_type="s3",
    connection_options={"path": args["target_path"]}, format="json",
)
print("wrote two rows")
if args["then"] == "fail":
    raise ValueError("the input was bad")
if args["then"] == "sleep":
    time.sleep(600)
job.commit()
"""


@pytest.fixture(autouse=True)
def writer_script(account: Any) -> None:
    account[0].client("s3").put_object(Bucket="scripts", Key="writer.py", Body=WRITER.encode())


def _job(glue: Any, name: str, then: str, **settings: Any) -> str:
    glue.create_job(
        Name=name,
        Role="arn:aws:iam::123456789012:role/glue",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/writer.py"},
        DefaultArguments={"--target_path": f"s3://out/{name}/", "--then": then},
        GlueVersion="5.1",
        WorkerType="G.1X",
        NumberOfWorkers=2,
        **settings,
    )
    return name


def _keys(s3: Any, prefix: str) -> list[str]:
    listed = s3.list_objects_v2(Bucket="out", Prefix=prefix).get("Contents", [])
    return sorted(o["Key"] for o in listed if o["Key"].endswith(".json"))


def _until(condition: Any, seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "the condition did not hold in time"
        time.sleep(0.2)


def test_a_run_executes_the_script_and_its_output_is_in_s3(account: Any) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    run_id = glue.start_job_run(JobName=_job(glue, "ok", "commit"))["JobRunId"]
    assert glue.get_job_run(JobName="ok", RunId=run_id)["JobRun"]["JobRunState"] in (
        "STARTING", "RUNNING",
    )  # fmt: skip
    result = wait_for_job_run(glue, "ok", run_id, deadline_seconds=180, schedule=LOCAL_POLLING)
    assert result.state == "SUCCEEDED"
    run = glue.get_job_run(JobName="ok", RunId=run_id)["JobRun"]
    assert (run["Attempt"], run["GlueVersion"], run["LogGroupName"]) == (0, "5.1", "/aws-glue/jobs")
    assert run["ExecutionTime"] >= 1 and run["DPUSeconds"] == run["ExecutionTime"] * 2.0
    assert _keys(s3, "ok/")  # written by the job's process, readable through the API
    bodies = [s3.get_object(Bucket="out", Key=k)["Body"].read().decode() for k in _keys(s3, "ok/")]
    lines = sorted(line for body in bodies for line in body.splitlines())
    assert lines == ['{"id":1,"name":"a"}', '{"id":2,"name":"b"}']


def test_a_failing_run_is_failed_with_its_message_retried_and_its_output_unchanged(
    account: Any,
) -> None:
    session, _ = account
    glue, s3, logs = (session.client(n) for n in ("glue", "s3", "logs"))
    run_id = glue.start_job_run(JobName=_job(glue, "bad", "fail", MaxRetries=1))["JobRunId"]
    with pytest.raises(JobRunFailed):
        wait_for_job_run(glue, "bad", run_id, deadline_seconds=180, schedule=LOCAL_POLLING)
    first = glue.get_job_run(JobName="bad", RunId=run_id)["JobRun"]
    assert (first["JobRunState"], first["ErrorMessage"]) == (
        "FAILED",
        "ValueError: the input was bad",
    )
    _until(lambda: len(glue.get_job_runs(JobName="bad")["JobRuns"]) == 2)
    retry = next(r for r in glue.get_job_runs(JobName="bad")["JobRuns"] if r["Id"] != run_id)
    assert (retry["Attempt"], retry["PreviousRunId"]) == (1, run_id)
    _until(
        lambda: (
            glue.get_job_run(JobName="bad", RunId=retry["Id"])["JobRun"]["JobRunState"] == "FAILED"
        ),
        180,
    )
    assert _keys(s3, "bad/") == []  # a failed run's writes are rolled back
    events = logs.filter_log_events(logGroupName="/aws-glue/jobs/error", logStreamNames=[run_id])
    assert any("the input was bad" in e["message"] for e in events["events"])


def test_concurrent_runs_over_the_limit_are_refused(account: Any) -> None:
    session, _ = account
    glue = session.client("glue")
    run_id = glue.start_job_run(JobName=_job(glue, "busy", "sleep"))["JobRunId"]
    with pytest.raises(glue.exceptions.ConcurrentRunsExceededException):
        glue.start_job_run(JobName="busy")
    glue.batch_stop_job_run(JobName="busy", JobRunIds=[run_id])


def test_with_run_queuing_a_run_over_the_limit_waits_for_a_free_slot(account: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/job-run-statuses.html: with job run queuing a
    # run over the job's MaxConcurrentRuns is WAITING; a run's JobRunQueuingEnabled overrides
    # the job's (https://docs.aws.amazon.com/glue/latest/webapi/API_CreateJob.html).
    session, _ = account
    glue = session.client("glue")
    name = _job(glue, "queued", "sleep", JobRunQueuingEnabled=True)
    assert glue.get_job(JobName=name)["Job"]["JobRunQueuingEnabled"] is True

    def state(run_id: str) -> str:
        return str(glue.get_job_run(JobName=name, RunId=run_id)["JobRun"]["JobRunState"])

    first = glue.start_job_run(JobName=name)["JobRunId"]
    second = glue.start_job_run(JobName=name)["JobRunId"]
    third = glue.start_job_run(JobName=name)["JobRunId"]
    with pytest.raises(glue.exceptions.ConcurrentRunsExceededException):
        glue.start_job_run(JobName=name, JobRunQueuingEnabled=False)
    assert (state(second), state(third)) == ("WAITING", "WAITING")

    glue.batch_stop_job_run(JobName=name, JobRunIds=[third])  # never started: stopped at once
    assert state(third) == "STOPPED"
    glue.batch_stop_job_run(JobName=name, JobRunIds=[first])
    _until(lambda: state(second) in ("STARTING", "RUNNING"), 120)
    assert state(first) == "STOPPED"
    glue.batch_stop_job_run(JobName=name, JobRunIds=[second])
    _until(lambda: state(second) == "STOPPED", 120)


def test_a_stopped_run_is_stopped_and_leaves_its_outputs_as_they_were(account: Any) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    run_id = glue.start_job_run(JobName=_job(glue, "stopme", "sleep"))["JobRunId"]
    written = account[1].workspace.s3_root / "out" / "stopme"
    _until(lambda: list(written.glob("*.json")), 120)  # the script has written, then sleeps
    # Its output is in CloudWatch Logs while it runs, as with Glue's continuous logging.
    logs = session.client("logs")

    def output() -> list[str]:
        events = logs.get_log_events(logGroupName="/aws-glue/jobs/output", logStreamName=run_id)
        return [e["message"] for e in events["events"]]

    _until(lambda: "wrote two rows" in output(), 30)
    assert glue.get_job_run(JobName="stopme", RunId=run_id)["JobRun"]["JobRunState"] == "RUNNING"
    answer = glue.batch_stop_job_run(JobName="stopme", JobRunIds=[run_id])
    assert answer["SuccessfulSubmissions"] == [{"JobName": "stopme", "JobRunId": run_id}]
    _until(
        lambda: (
            glue.get_job_run(JobName="stopme", RunId=run_id)["JobRun"]["JobRunState"] == "STOPPED"
        )
    )
    assert _keys(s3, "stopme/") == []
    assert not list(written.glob("*.json"))  # the folder is restored on disk too


def test_a_run_over_its_timeout_is_timeout(account: Any) -> None:
    session, _ = account
    glue = session.client("glue")
    run_id = glue.start_job_run(JobName=_job(glue, "slow", "sleep"), Timeout=1)["JobRunId"]
    _until(
        lambda: (
            glue.get_job_run(JobName="slow", RunId=run_id)["JobRun"]["JobRunState"] == "TIMEOUT"
        ),
        120,
    )
    run = glue.get_job_run(JobName="slow", RunId=run_id)["JobRun"]
    assert run["Timeout"] == 1 and "timeout of 1 minutes" in run["ErrorMessage"]


COUNTER = """import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "target_path"])
glue_context = GlueContext(SparkContext())
job = Job(glue_context)
job.init(args["JOB_NAME"], args)
events = glue_context.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://raw/events/"]}, format="json"
)
spark = glue_context.spark_session
spark.createDataFrame([(events.count(),)], "events long").write.mode("overwrite").json(
    args["target_path"]
)
job.commit()
"""


def test_an_object_deleted_between_runs_is_neither_read_nor_put_back(account: Any) -> None:
    # After DeleteObject S3 holds no such object (AmazonS3/latest/API/API_DeleteObject.html):
    # the next run must not read the copy an earlier run pulled into the workspace.
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    for day in (1, 2, 3):
        s3.put_object(Bucket="raw", Key=f"events/{day}.json", Body=f'{{"day": {day}}}\n'.encode())
    s3.put_object(Bucket="scripts", Key="counter.py", Body=COUNTER.encode())
    glue.create_job(
        Name="counter",
        Role="arn:aws:iam::123456789012:role/glue",
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/counter.py"},
        DefaultArguments={"--target_path": "s3://out/counter/"},
        GlueVersion="5.1",
    )

    def counted() -> int:
        run_id = glue.start_job_run(JobName="counter")["JobRunId"]
        wait_for_job_run(glue, "counter", run_id, deadline_seconds=180, schedule=LOCAL_POLLING)
        bodies = [s3.get_object(Bucket="out", Key=k)["Body"].read() for k in _keys(s3, "counter/")]
        (line,) = [line for body in bodies for line in body.decode().splitlines() if line]
        return int(json.loads(line)["events"])

    assert counted() == 3
    s3.delete_object(Bucket="raw", Key="events/1.json")
    s3.delete_objects(Bucket="raw", Delete={"Objects": [{"Key": "events/2.json"}]})
    assert counted() == 1
    listed = s3.list_objects_v2(Bucket="raw", Prefix="events/").get("Contents", [])
    assert [o["Key"] for o in listed] == ["events/3.json"]
