"""StartWorkflowRun runs the workflow's trigger graph in the offline account, as Glue does.

https://docs.aws.amazon.com/glue/latest/dg/workflows_overview.html: the starting trigger fires,
conditional triggers fire when their conditions hold for this run, and the run is COMPLETED
when nothing is left to run. Jobs read and write run properties through --WORKFLOW_NAME and
--WORKFLOW_RUN_ID: https://docs.aws.amazon.com/glue/latest/dg/workflow-run-properties-code.html
"""

from typing import Any

from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import wait_for_workflow_run

CLEAN = """import sys
import boto3
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "WORKFLOW_NAME", "WORKFLOW_RUN_ID", "out_path"])
glue_context = GlueContext(SparkContext())
job = Job(glue_context)
job.init(args["JOB_NAME"], args)
glue = boto3.client("glue")
properties = glue.get_workflow_run_properties(
    Name=args["WORKFLOW_NAME"], RunId=args["WORKFLOW_RUN_ID"]
)["RunProperties"]
orders = glue_context.create_dynamic_frame.from_catalog(database="sales", table_name="orders")
glue_context.write_dynamic_frame.from_options(
    frame=orders, connection_type="s3", connection_options={"path": args["out_path"]},
    format="json",
)
glue.put_workflow_run_properties(
    Name=args["WORKFLOW_NAME"], RunId=args["WORKFLOW_RUN_ID"],
    RunProperties={"cleaned_day": properties["day"]},
)
job.commit()
"""
ROLE = "arn:aws:iam::123456789012:role/glue"


def _workflow(glue: Any, s3: Any) -> None:
    s3.put_object(Bucket="scripts", Key="clean.py", Body=CLEAN.encode())
    s3.put_object(Bucket="raw", Key="orders/a.csv", Body=b"id,amount\n1,2.5\n2,3.5\n")
    glue.create_database(DatabaseInput={"Name": "sales"})
    glue.create_crawler(
        Name="raw", Role=ROLE, DatabaseName="sales",
        Targets={"S3Targets": [{"Path": "s3://raw/orders/"}]},
    )  # fmt: skip
    for name in ("clean", "alert"):
        glue.create_job(
            Name=name, Role=ROLE, GlueVersion="5.1",
            Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/clean.py"},
            DefaultArguments={"--out_path": f"s3://out/{name}/"},
        )  # fmt: skip
    glue.create_workflow(Name="w", DefaultRunProperties={"day": "2024-01-01"})
    glue.create_trigger(
        Name="start", WorkflowName="w", Type="ON_DEMAND", Actions=[{"CrawlerName": "raw"}]
    )
    conditions = {
        "after_crawl": {"CrawlerName": "raw", "CrawlState": "SUCCEEDED"},
        "on_failure": {"JobName": "clean", "State": "FAILED"},
    }
    for name, condition in conditions.items():
        predicate = {"Logical": "AND", "Conditions": [{"LogicalOperator": "EQUALS", **condition}]}
        glue.create_trigger(
            Name=name, WorkflowName="w", Type="CONDITIONAL", StartOnCreation=True,
            Predicate=predicate,
            Actions=[{"JobName": "clean" if name == "after_crawl" else "alert"}],
        )  # fmt: skip


def test_a_workflow_run_crawls_then_runs_the_job_and_completes(account: Any) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    _workflow(glue, s3)

    run_id = glue.start_workflow_run(Name="w")["RunId"]
    result = wait_for_workflow_run(glue, "w", run_id, deadline_seconds=300, schedule=LOCAL_POLLING)

    assert result.status == "COMPLETED"
    run = glue.get_workflow_run(Name="w", RunId=run_id, IncludeGraph=True)["Run"]
    assert (run["Statistics"]["SucceededActions"], run["Statistics"]["FailedActions"]) == (2, 0)
    states = {
        n["Name"]: (n.get("JobDetails") or n.get("CrawlerDetails"))
        for n in run["Graph"]["Nodes"]
        if n["Type"] != "TRIGGER"
    }
    assert sorted(states) == ["clean", "raw"]  # the failure branch never fired
    properties = glue.get_workflow_run_properties(Name="w", RunId=run_id)["RunProperties"]
    assert properties == {"day": "2024-01-01", "cleaned_day": "2024-01-01"}
    written = s3.list_objects_v2(Bucket="out", Prefix="clean/").get("Contents", [])
    assert [o for o in written if o["Key"].endswith(".json")]
    job_run = glue.get_job_runs(JobName="clean")["JobRuns"][0]
    assert job_run["Arguments"]["--WORKFLOW_RUN_ID"] == run_id
