"""One pipeline, three runtimes: a 5.1 job, a 6.0 job and a Python shell step run end to end
offline, each on its own Spark or Python, and the run report says which each used.

Glue 5.1 runs Spark 3.5.6 and 6.0 Spark 4.1.1 (https://docs.aws.amazon.com/glue/latest/dg/
release-notes.html); a Python shell job Python 3.9 (.../add-job-python.html).
"""

import platform
from pathlib import Path
from typing import Any

import pytest

from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.execution.runtimes import find_python
from gluestack.local.pipeline_run import run_pipeline_locally
from gluestack.local.records.workspace import Workspace
from tests.project.project_copy import copy_project

MIXED = """name: mixed
description: Counting events on Glue 5.1 and 6.0, then a Python shell step comparing them.
database: mixed
sources:
  events: {prefix: mixed/events/, format: json}
crawlers:
  raw: {tables: [events]}
jobs:
  count_51:
    script: glue_scripts/mixed_count_51.py
    inputs: [events]
    outputs:
      counts_51: {prefix: mixed/counts_51/, format: json}
  count_60:
    script: glue_scripts/mixed_count_60.py
    glue_version: "6.0"
    inputs: [events]
    outputs:
      counts_60: {prefix: mixed/counts_60/, format: json}
  compare:
    type: pythonshell
    script: glue_scripts/mixed_compare.py
    inputs: [counts_51, counts_60]
    outputs:
      comparison: {prefix: mixed/comparison/, format: json}
triggers:
  start: {type: on_demand, actions: [{crawler: raw}]}
  after_crawl:
    type: conditional
    conditions: [{crawler: raw}]
    actions: [{job: count_51}, {job: count_60}]
  after_counts:
    type: conditional
    match: all
    conditions: [{job: count_51}, {job: count_60}]
    actions: [{job: compare}]
"""
COUNT = """import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "database", "{table}_path"])
glueContext = GlueContext(SparkContext())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
database = args["database"]
events = glueContext.create_dynamic_frame.from_catalog(database=database, table_name="events")
spark = glueContext.spark_session
counted = spark.createDataFrame([(spark.version, events.count())], "spark string, events long")
counted.write.mode("overwrite").json(args["{table}_path"])
job.commit()
"""
COMPARE = """import json, sys
import boto3
from awsglue.utils import getResolvedOptions

names = ["database", "counts_51_path", "counts_60_path", "comparison_path"]
args = getResolvedOptions(sys.argv, names)
s3 = boto3.client("s3")
glue = boto3.client("glue", region_name="us-east-1")

def rows(location):
    bucket, _, prefix = location[len("s3://"):].partition("/")
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    keys = [o["Key"] for o in listed if o["Key"].endswith(".json")]
    bodies = [s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode() for key in keys]
    return [json.loads(line) for body in bodies for line in body.splitlines() if line]

tables = [t["Name"] for t in glue.get_tables(DatabaseName=args["database"])["TableList"]]
result = {"tables": tables, "runs": rows(args["counts_51_path"]) + rows(args["counts_60_path"])}
bucket, _, prefix = args["comparison_path"][len("s3://"):].partition("/")
s3.put_object(Bucket=bucket, Key=prefix + "comparison.json", Body=json.dumps(result))
"""


@pytest.fixture(scope="module")
def mixed(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = copy_project(
        project_root,
        tmp_path_factory.mktemp("project"),
        {
            "pipelines/mixed.yaml": MIXED,
            "glue_scripts/mixed_count_51.py": COUNT.replace("{table}", "counts_51"),
            "glue_scripts/mixed_count_60.py": COUNT.replace("{table}", "counts_60"),
            "glue_scripts/mixed_compare.py": COMPARE,
        },
    )
    return project, synthesize(project, "dev", project / "cdk.out")


def test_each_job_runs_on_its_own_spark_and_python_and_the_report_says_which(
    mixed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, cdk_out = mixed
    workspace = Workspace(tmp_path / "ws")
    raw = workspace.local_path(
        "s3://gluestack-dev-raw-123456789012-us-east-1/mixed/events/day=1/events.json"
    )
    raw.parent.mkdir(parents=True)
    raw.write_text('{"id": 1}\n{"id": 2}\n{"id": 3}\n')
    run = run_pipeline_locally(cdk_out, "dev", "mixed", workspace)
    assert run.succeeded, _failure_report(run.outcomes, workspace)
    details = {o.node.name.removeprefix("mixed-dev-"): o.detail for o in run.outcomes}
    assert "Spark 3.5.6, Python 3.11" in details["count_51"]
    # 6.0 runs on Python 3.13 where one is installed, else on gluestack's, and says so.
    on_313 = "Spark 4.1.1, Python 3.13."
    elsewhere = f"Spark 4.1.1, Python {platform.python_version()} (Glue 6.0 runs 3.13)"
    assert (on_313 if find_python("3.13") else elsewhere) in details["count_60"]
    assert ("Python 3.9." if find_python("3.9") else "(Glue's Python shell runs 3.9)") in details[
        "compare"
    ]
    comparison = workspace.local_path(
        "s3://gluestack-dev-curated-123456789012-us-east-1/mixed/comparison/comparison.json"
    )
    written = comparison.read_text()
    assert '"tables": ["events"]' in written
    assert (
        '{"spark": "3.5.6", "events": 3}' in written
        and '{"spark": "4.1.1", "events": 3}' in written
    )


def _failure_report(outcomes: list[Any], workspace: Workspace) -> str:
    """Each node's outcome, then the end of every run log (pytest shortens the outcomes)."""
    logs = sorted((workspace.root / "runs").glob("*/*.log")) + sorted(
        (workspace.root / "logs").glob("*/*.log")
    )
    tails = [f"--- {log}\n{log.read_text(errors='replace')[-2500:]}" for log in logs]
    lines = [f"{o.node.name} {o.state}: {o.detail}" for o in outcomes]
    return "\n".join([*lines, *tails])
