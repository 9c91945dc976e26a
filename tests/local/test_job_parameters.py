"""Glue's own job parameters offline: each honoured, accepted as changing no data, or refused.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html lists
the parameters Glue reads itself, and orders them: "job NonOverridableArguments will override
job run Arguments, which will override job DefaultArguments".
"""

import os
from pathlib import Path
from typing import Any

import boto3
import pytest
from pyspark.sql import SparkSession

from gluestack.local.execution.job_execution import execute_job
from gluestack.local.execution.job_parameters import TREATMENT, Offline
from gluestack.local.records.workspace import Workspace
from gluestack.spec.glue_job_parameters import SPARK_JOB_PARAMETERS
from gluestack.testing import OfflineGlue

# A console-style script: it writes where --target says, so the winning value is visible.
SCRIPT = """\
import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "target"])
glueContext = GlueContext(SparkContext.getOrCreate())
print("script started")
glueContext.spark_session.createDataFrame([(1,)], "n int").write.json(args["target"])
"""


def test_every_parameter_glue_reads_has_an_offline_treatment() -> None:
    assert set(TREATMENT) == SPARK_JOB_PARAMETERS


@pytest.mark.parametrize(
    ("argument", "value", "message"),
    [
        ("--extra-jars", "s3://libs/udfs.jar", "job argument --extra-jars (jars on the Java"),
        ("--datalake-formats", "iceberg", "job argument --datalake-formats (Hudi, Delta Lake"),
        (
            "--conf",
            "spark.sql.ansi.enabled=true --conf spark.serializer=org.apache.spark.serializer."
            "KryoSerializer",
            "--conf spark.serializer=org.apache.spark.serializer.KryoSerializer offline: Spark "
            "fixes spark.serializer when it starts",
        ),
        ("--job-language", "scala", "job argument --job-language scala"),
    ],
)
def test_a_parameter_offline_runs_cannot_honour_fails_the_run_before_the_script(
    offline_glue: OfflineGlue, tmp_path: Path, argument: str, value: str, message: str
) -> None:
    script = tmp_path / "job.py"
    script.write_text(SCRIPT)
    offline_glue.create_bucket("out")
    run = offline_glue.run_script(script, {"--target": "s3://out/rows/", argument: value})
    assert run.state == "FAILED"
    assert run.error.startswith(f"UnsupportedGlueFeature: {message}"), run.error
    assert "script started" not in run.output


def test_monitoring_and_capacity_parameters_run_the_script_unchanged(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    script = tmp_path / "job.py"
    script.write_text(SCRIPT)
    offline_glue.create_bucket("out")
    accepted = [n for n, (treatment, _) in TREATMENT.items() if treatment is Offline.NO_DATA_EFFECT]
    values = {"encryption-type": "sse-s3", "executor-cores": "4"}  # the reference's forms
    arguments = {f"--{name}": values.get(name, "true") for name in accepted}
    run = offline_glue.run_script(script, {"--target": "s3://out/rows/", **arguments})
    assert run.state == "SUCCEEDED", run.error + run.output
    assert offline_glue.read("s3://out/rows/", format="json").count() == 1


def _deployed(aws: boto3.Session, **job: Any) -> tuple[Any, Any]:
    s3, glue = aws.client("s3"), aws.client("glue")
    for bucket in ("scripts", "out"):
        s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket="scripts", Key="job.py", Body=SCRIPT.encode())
    s3.put_object(Bucket="scripts", Key="broken.py", Body=b"raise SystemExit('not this one')\n")
    glue.create_job(
        Name="rows",
        Role="arn:aws:iam::123456789012:role/glue",
        GlueVersion="5.1",
        **{"Command": {"Name": "glueetl", "ScriptLocation": "s3://scripts/job.py"}, **job},
    )
    return glue, s3


def test_non_overridable_arguments_win_over_the_run_s_and_the_default_ones(
    aws: boto3.Session, spark: SparkSession, s3_root: Path, tmp_path: Path
) -> None:
    glue, s3 = _deployed(
        aws,
        DefaultArguments={"--target": "s3://out/default/"},
        NonOverridableArguments={"--target": "s3://out/fixed/"},
    )
    workspace = Workspace(tmp_path / "workspace")
    run = execute_job(glue, s3, spark, workspace, "rows", "jr_1", {"--target": "s3://out/run/"})
    assert run.succeeded, run.error_message
    written = {p.parent.name for p in s3_root.glob("out/*/*.json")}
    assert written == {"fixed"}


def test_script_location_runs_that_script_instead_of_the_job_s(
    aws: boto3.Session, spark: SparkSession, s3_root: Path, tmp_path: Path
) -> None:
    command = {"Name": "glueetl", "ScriptLocation": "s3://scripts/broken.py"}
    glue, s3 = _deployed(aws, Command=command, DefaultArguments={"--target": "s3://out/rows/"})
    workspace = Workspace(tmp_path / "workspace")
    plain = execute_job(glue, s3, spark, workspace, "rows", "jr_1")
    assert plain.error_message == "SystemExit: not this one"
    run = execute_job(
        glue, s3, spark, workspace, "rows", "jr_2", {"--scriptLocation": "s3://scripts/job.py"}
    )
    assert run.succeeded, run.error_message
    assert list(s3_root.glob("out/rows/*.json"))


def test_spark_settings_in_conf_are_in_force_for_the_run_and_only_for_it(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    script = tmp_path / "settings.py"
    script.write_text(
        "from pyspark.sql import SparkSession\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "print('partitions', spark.conf.get('spark.sql.shuffle.partitions'))\n"
        "spark.sql(\"SELECT CAST('x1' AS INT)\").collect()\n"
    )
    before = offline_glue.spark.conf.get("spark.sql.shuffle.partitions")
    conf = "spark.sql.shuffle.partitions=7 --conf spark.sql.ansi.enabled=true"
    run = offline_glue.run_script(script, {"--conf": conf})
    assert "partitions 7" in run.output
    # ANSI mode on: a cast that cannot parse fails the run instead of giving null.
    assert run.state == "FAILED"
    assert "CAST_INVALID_INPUT" in run.error
    assert offline_glue.spark.conf.get("spark.sql.shuffle.partitions") == before
    assert offline_glue.spark.conf.get("spark.sql.ansi.enabled") == "false"


# Glue Studio's SQL Query node: its frames as temporary views, then spark.sql over them.
STUDIO_SQL = Path(__file__).parent / "scripts" / "studio_sql_query.py"


def test_with_the_catalog_as_metastore_a_studio_sql_node_over_its_own_views_runs(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    run = offline_glue.run_script(STUDIO_SQL, {"--enable-glue-datacatalog": "true"})
    assert run.state == "SUCCEEDED", run.error + run.output
    assert "doubled 10.0" in run.output


@pytest.mark.parametrize(
    ("use", "what"),
    [
        ("spark.sql('SELECT * FROM sales.orders').show()", "spark.sql of a table that is not"),
        ("spark.table('sales.orders')", "table of a table that is not a temporary view"),
        ("spark.sql('CREATE DATABASE sales')", "spark.sql('CREATE DATABASE sales')"),
        ("spark.range(3).write.saveAsTable('sales.orders')", "DataFrameWriter.saveAsTable"),
        ("print(spark.catalog.listTables('sales'))", "spark.catalog.listTables"),
    ],
)
def test_with_the_catalog_as_metastore_a_use_of_spark_s_catalog_is_refused_by_name(
    offline_glue: OfflineGlue, tmp_path: Path, use: str, what: str
) -> None:
    script = tmp_path / "catalog_use.py"
    script.write_text(
        "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n" + use
    )
    run = offline_glue.run_script(script, {"--enable-glue-datacatalog": "true"})
    assert run.state == "FAILED"
    assert run.error.startswith(f"UnsupportedGlueFeature: --enable-glue-datacatalog: {what}")
    assert "would use the Data Catalog as Spark's metastore" in run.error


def test_customer_driver_variables_are_the_script_s_environment_for_the_run(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    script = tmp_path / "env.py"
    script.write_text(
        "import os\n"
        "print('region', os.environ.get('CUSTOMER_REGION'), os.environ.get('CUSTOMER_NOTE'))\n"
        "print('other', os.environ.get('OTHER'))\n"
    )
    value = 'CUSTOMER_REGION=eu-west-1,CUSTOMER_NOTE="a, b",OTHER=x'
    run = offline_glue.run_script(script, {"--customer-driver-env-vars": value})
    assert run.state == "SUCCEEDED", run.error + run.output
    # Keys without the CUSTOMER_ prefix are ignored, as the reference says.
    assert "region eu-west-1 a, b" in run.output
    assert "other None" in run.output
    assert "CUSTOMER_REGION" not in os.environ


def test_extra_files_are_in_the_script_s_working_directory(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text('{"threshold": 42}')
    offline_glue.create_bucket("job-config")
    location = offline_glue.upload("s3://job-config/jobs/", settings)
    script = tmp_path / "configured.py"
    script.write_text(
        "import json\nprint('threshold', json.load(open('settings.json'))['threshold'])\n"
    )
    run = offline_glue.run_script(script, {"--extra-files": location})
    assert run.state == "SUCCEEDED", run.error + run.output
    assert "threshold 42" in run.output
    assert not (Path.cwd() / "settings.json").exists()
