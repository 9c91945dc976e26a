"""A user adds a pipeline as README's "Add a pipeline" says: the project keeps passing its gates.

A copy of this project gets a second pipeline (spec and script); it validates, synthesizes
(cdk-nag gates every stack), lints with cfn-lint and deploys into moto beside the first.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import boto3

from gluestack.local.cdk_out.deploy import deploy_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.spec import load_all
from gluestack.spec.names import pipeline_stack_name

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
  start: {type: on_demand, actions: [{crawler: raw}]}
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


def _copy_with_second_pipeline(project_root: Path, target: Path) -> Path:
    for name in ("app.py", "cdk.json"):
        shutil.copy(project_root / name, target / name)
    for folder in ("pipelines", "glue_scripts"):
        shutil.copytree(project_root / folder, target / folder, ignore=_caches)
    settings = json.loads((target / "cdk.json").read_text())
    settings["app"] = f"{sys.executable} app.py"
    (target / "cdk.json").write_text(json.dumps(settings))
    (target / "pipelines" / "orders.yaml").write_text(ORDERS)
    (target / "glue_scripts" / "orders_clean.py").write_text(SCRIPT)
    return target


def _caches(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__"]


def test_a_second_pipeline_validates_synthesizes_lints_and_deploys(
    project_root: Path, tmp_path: Path, aws: boto3.Session
) -> None:
    project = _copy_with_second_pipeline(project_root, tmp_path)
    names = [spec.name for spec in load_all(project / "pipelines", project)]
    assert "orders" in names and len(names) >= 2

    cdk_out = synthesize(project, "dev", tmp_path / "cdk.out")
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
