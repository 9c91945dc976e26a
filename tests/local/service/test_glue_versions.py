"""Each job run executes on its Glue version's own Spark, so offline shows what an upgrade breaks.

Glue 5.1 runs Spark 3.5.6, 6.0 Spark 4.1.1 (https://docs.aws.amazon.com/glue/latest/dg/
release-notes.html, .../migrating-version-60.html). Spark 4 turns ANSI SQL mode on: "Overflow
and cast operations that used to return NULL now throw" (the migration guide's Spark SQL
actions). Abbreviated job arguments: accepted up to 5.1, refused by 6.0's getResolvedOptions
(awslabs/aws-glue-libs, README "Breaking change", branches glue-5.1 and main).
"""

from typing import Any

import pytest

from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import wait_for_job_run
from gluestack.ops.errors import JobRunFailed

# Glue Studio's start; a cast Spark 3.5 turns into NULL and Spark 4's ANSI mode refuses; an
# abbreviated argument (--target for target_path).
SCRIPT = """import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "target_path"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
rows = spark.sql("SELECT '" + spark.version + "' AS spark, CAST('n/a' AS INT) AS delay")
rows.write.mode("overwrite").json(args["target_path"])
job.commit()
"""


@pytest.fixture(autouse=True)
def script(account: Any) -> None:
    account[0].client("s3").put_object(Bucket="scripts", Key="cast.py", Body=SCRIPT.encode())


def _run(glue: Any, version: str, target_argument: str = "--target_path") -> str:
    name = f"cast-{version}"
    glue.create_job(
        Name=name, Role="arn:aws:iam::123456789012:role/glue", GlueVersion=version,
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/cast.py"},
        DefaultArguments={target_argument: f"s3://out/{name}/"},
        WorkerType="G.1X", NumberOfWorkers=2,
    )  # fmt: skip
    run_id: str = glue.start_job_run(JobName=name)["JobRunId"]
    return run_id


def _written(s3: Any, prefix: str) -> list[str]:
    listed = s3.list_objects_v2(Bucket="out", Prefix=prefix).get("Contents", [])
    keys = [o["Key"] for o in listed if o["Key"].endswith(".json")]
    return [s3.get_object(Bucket="out", Key=k)["Body"].read().decode().strip() for k in keys]


def test_a_5_1_job_runs_on_spark_3_5_6_where_the_bad_cast_is_null(account: Any) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    run_id = _run(glue, "5.1", target_argument="--target")  # abbreviations match up to 5.1
    wait_for_job_run(glue, "cast-5.1", run_id, deadline_seconds=180, schedule=LOCAL_POLLING)
    assert _written(s3, "cast-5.1/") == ['{"spark":"3.5.6"}']  # delay is null: not written


def test_a_6_0_job_runs_on_spark_4_1_1_whose_ansi_mode_fails_the_same_script(
    account: Any,
) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    run_id = _run(glue, "6.0")
    # The first 6.0 run on a machine installs its pyspark (once, into gluestack's cache).
    with pytest.raises(JobRunFailed):
        wait_for_job_run(glue, "cast-6.0", run_id, deadline_seconds=900, schedule=LOCAL_POLLING)
    run = glue.get_job_run(JobName="cast-6.0", RunId=run_id)["JobRun"]
    assert (run["GlueVersion"], run["JobRunState"]) == ("6.0", "FAILED")
    assert "CAST_INVALID_INPUT" in run["ErrorMessage"] and "'n/a'" in run["ErrorMessage"]
    assert _written(s3, "cast-6.0/") == []


def test_6_0_refuses_an_abbreviated_argument_that_5_1_accepted(account: Any) -> None:
    session, _ = account
    glue = session.client("glue")
    run_id = _run(glue, "6.0", target_argument="--target")
    with pytest.raises(JobRunFailed):
        wait_for_job_run(glue, "cast-6.0", run_id, deadline_seconds=900, schedule=LOCAL_POLLING)
    message = glue.get_job_run(JobName="cast-6.0", RunId=run_id)["JobRun"]["ErrorMessage"]
    assert message == "GlueArgumentError: the following arguments are required: --target_path"


def test_a_4_0_job_is_refused_by_name_rather_than_run_on_another_spark(account: Any) -> None:
    session, _ = account
    glue = session.client("glue")
    run_id = _run(glue, "4.0")
    with pytest.raises(JobRunFailed):
        wait_for_job_run(glue, "cast-4.0", run_id, deadline_seconds=60, schedule=LOCAL_POLLING)
    message = glue.get_job_run(JobName="cast-4.0", RunId=run_id)["JobRun"]["ErrorMessage"]
    assert message.startswith("GlueVersion 4.0 offline: its Spark 3.3.0 does not run on Python")
