"""A user adds a pipeline as README's "Add a pipeline" says: the project keeps passing its gates.

A copy of this project gets a second pipeline (spec and script); it validates, synthesizes
(cdk-nag gates every stack), lints with cfn-lint and deploys into moto beside the first.
"""

import json
import subprocess
import sys
from pathlib import Path

import boto3
import pytest

from gluestack.local.cdk_out.deploy import deploy_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.local.records.workspace import Workspace
from gluestack.local.service import executing_glue
from gluestack.ops import pipeline_manifest, wait_for_workflow_run
from gluestack.spec import load_all
from gluestack.spec.names import pipeline_stack_name
from tests.project.project_copy import copy_project

ORDERS = """name: orders
description: A second pipeline, as a user adds one.
database: sales
sources:
  orders: {prefix: shop/orders/, format: csv}
crawlers:
  raw: {tables: [orders]}
jobs:
  clean:
    script: glue_scripts/orders_clean.py
    inputs: [orders]
    outputs:
      orders_clean: {prefix: orders_clean/, format: parquet}
triggers:
  start: {type: event, on_new_files: [orders], actions: [{crawler: raw}]}
  after_raw_crawl:
    type: conditional
    conditions: [{crawler: raw, state: SUCCEEDED}]
    actions: [{job: clean}]
"""
SCRIPT = """import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "database", "orders_clean_path"])
glue_context = GlueContext(SparkContext())
job = Job(glue_context)
job.init(args["JOB_NAME"], args)
orders = glue_context.create_dynamic_frame.from_catalog(
    database=args["database"], table_name="orders", transformation_ctx="orders"
).toDF()
orders.write.mode("append").parquet(args["orders_clean_path"])
job.commit()
"""


@pytest.fixture(scope="module")
def second(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The copied project with the second pipeline, and its cdk.out."""
    project = copy_project(
        project_root,
        tmp_path_factory.mktemp("project"),
        {"pipelines/orders.yaml": ORDERS, "glue_scripts/orders_clean.py": SCRIPT},
    )
    return project, synthesize(project, "dev", project / "cdk.out")


def test_a_second_pipeline_validates_synthesizes_lints_and_deploys(
    second: tuple[Path, Path], aws: boto3.Session
) -> None:
    project, cdk_out = second
    names = [spec.name for spec in load_all(project / "pipelines", project)]
    assert "orders" in names and len(names) >= 2
    orders_stack = pipeline_stack_name("dev", "orders")
    lint = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), "--ignore-checks", "I", "--",
         str(cdk_out / f"{orders_stack}.template.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert lint.returncode == 0, lint.stdout + lint.stderr

    deployed = deploy_assembly(cdk_out, aws)
    assert {pipeline_stack_name("dev", n) for n in names} <= set(deployed.stacks)
    job = aws.client("glue").get_job(JobName="orders-dev-clean")["Job"]
    assert job["DefaultArguments"]["--database"] == "sales_dev"


def test_a_new_file_under_the_source_starts_the_event_triggered_workflow(
    second: tuple[Path, Path], aws: boto3.Session, tmp_path: Path
) -> None:
    # on_new_files: the raw bucket's Object Created events under the source's prefix reach the
    # workflow's event trigger (https://docs.aws.amazon.com/glue/latest/dg/starting-workflow-eventbridge.html)
    _, cdk_out = second
    with executing_glue(Workspace(tmp_path / "ws")) as executor:
        deployed = deploy_assembly(cdk_out, aws)
        raw = deployed.output("gluestack-dev-storage", "RawBucketName")
        manifest = pipeline_manifest(
            aws.client("cloudformation"), pipeline_stack_name("dev", "orders")
        )
        glue, s3 = aws.client("glue"), aws.client("s3")
        s3.put_object(Bucket=raw, Key="elsewhere/x.csv", Body=b"id,paid\n1,true\n")
        assert glue.get_workflow_runs(Name=manifest.workflow)["Runs"] == []
        s3.put_object(Bucket=raw, Key="shop/orders/a.csv", Body=b"id,paid\n1,true\n")
        (run,) = glue.get_workflow_runs(Name=manifest.workflow)["Runs"]
        assert len(json.loads(run["WorkflowRunProperties"]["aws:eventIds"])) == 1
        result = wait_for_workflow_run(
            glue, manifest.workflow, run["WorkflowRunId"], deadline_seconds=300,
            schedule=LOCAL_POLLING,
        )  # fmt: skip
        assert result.status == "COMPLETED"
        executor.wait_idle(60)
