"""Glue Data Quality's API in the offline account: rulesets, evaluation runs that execute on the
catalog table's files, and results, as
https://docs.aws.amazon.com/goto/WebAPI/glue-2017-03-31/StartDataQualityRulesetEvaluationRun and
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-data-quality-api.html describe them.
"""

import json
import shutil
from pathlib import Path
from typing import Any

import boto3
import pytest
from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.local.cdk_out.deploy import deploy_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import wait_for_job_run
from gluestack.ops.data_quality import (
    EvaluationRunFailed,
    TableRulesets,
    evaluate_rulesets,
    quality_results,
    wait_for_evaluation_run,
)
from tests.local.glue_compat.conftest import csv_table

runner = CliRunner()

ROLE = "arn:aws:iam::123456789012:role/glue"
RULES = 'Rules = [ RowCount = 3, IsComplete "id", ColumnValues "amount" > 0 ]'
ORDERS = TableRulesets("sales", "orders", ("orders-quality",), ROLE)


def _orders_table(session: boto3.Session) -> Any:
    glue, s3 = session.client("glue"), session.client("s3")
    s3.put_object(Bucket="raw", Key="orders/a.csv", Body=b"id,amount\n1,2.5\n2,-1\n,4\n")
    glue.create_database(DatabaseInput={"Name": "sales"})
    csv_table(glue, "orders", "s3://raw/orders/", [("id", "bigint"), ("amount", "double")],
              database="sales")  # fmt: skip
    glue.create_data_quality_ruleset(
        Name="orders-quality",
        Ruleset=RULES,
        TargetTable={"DatabaseName": "sales", "TableName": "orders"},
    )
    return glue


def test_rulesets_are_created_read_listed_updated_and_deleted(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_data_quality_ruleset(
        Name="a", Ruleset=RULES, TargetTable={"DatabaseName": "sales", "TableName": "orders"}
    )
    glue.create_data_quality_ruleset(Name="b", Ruleset="Rules = [ RowCount > 0 ]")
    assert glue.get_data_quality_ruleset(Name="a")["Ruleset"] == RULES
    with pytest.raises(glue.exceptions.AlreadyExistsException):
        glue.create_data_quality_ruleset(Name="a", Ruleset=RULES)
    with pytest.raises(glue.exceptions.InvalidInputException, match="not valid DQDL"):
        glue.create_data_quality_ruleset(Name="c", Ruleset="Rules = [ RowCount >> 0 ]")
    first = glue.list_data_quality_rulesets(MaxResults=1)
    second = glue.list_data_quality_rulesets(NextToken=first["NextToken"])
    listed = first["Rulesets"] + second["Rulesets"]
    assert [(r["Name"], r["RuleCount"]) for r in listed] == [("a", 3), ("b", 1)]
    on_orders = glue.list_data_quality_rulesets(
        Filter={"TargetTable": {"DatabaseName": "sales", "TableName": "orders"}}
    )
    assert [r["Name"] for r in on_orders["Rulesets"]] == ["a"]
    glue.update_data_quality_ruleset(Name="b", Ruleset="Rules = [ RowCount > 1 ]")
    assert glue.get_data_quality_ruleset(Name="b")["Ruleset"] == "Rules = [ RowCount > 1 ]"
    glue.delete_data_quality_ruleset(Name="b")
    with pytest.raises(glue.exceptions.EntityNotFoundException):
        glue.get_data_quality_ruleset(Name="b")


def test_an_evaluation_run_evaluates_the_tables_files_and_keeps_one_result_per_ruleset(
    account: Any,
) -> None:
    session, _ = account
    glue = _orders_table(session)

    (result,) = evaluate_rulesets(glue, ORDERS, deadline_seconds=300, schedule=LOCAL_POLLING)

    assert (result.ruleset, result.table) == ("orders-quality", "sales.orders")
    assert [(r.rule, r.result) for r in result.rules] == [
        ("RowCount = 3", "PASS"),
        ('IsComplete "id"', "FAIL"),
        ('ColumnValues "amount" > 0', "FAIL"),
    ]
    assert result.score == pytest.approx(1 / 3)
    assert result.rules[1].metrics == {"Column.id.Completeness": pytest.approx(2 / 3)}
    (run,) = glue.list_data_quality_ruleset_evaluation_runs(
        Filter={"DataSource": {"GlueTable": {"DatabaseName": "sales", "TableName": "orders"}}}
    )["Runs"]
    described = glue.get_data_quality_ruleset_evaluation_run(RunId=run["RunId"])
    assert described["Status"] == "SUCCEEDED"
    assert described["ResultIds"] == [result.result_id]
    raw = glue.get_data_quality_result(ResultId=result.result_id)
    assert raw["RulesetEvaluationRunId"] == run["RunId"]
    listed = quality_results(glue, database="sales", table="orders")
    assert [r.result_id for r in listed] == [result.result_id]


def test_an_option_offline_runs_do_not_honour_fails_the_run_naming_it(account: Any) -> None:
    session, _ = account
    glue = _orders_table(session)
    run_id = glue.start_data_quality_ruleset_evaluation_run(
        DataSource={"GlueTable": {"DatabaseName": "sales", "TableName": "orders"}},
        Role=ROLE,
        RulesetNames=["orders-quality"],
        AdditionalRunOptions={"ResultsS3Prefix": "s3://out/dq/"},
    )["RunId"]
    with pytest.raises(EvaluationRunFailed, match="ResultsS3Prefix='s3://out/dq/'") as failed:
        wait_for_evaluation_run(glue, run_id, deadline_seconds=300, schedule=LOCAL_POLLING)
    assert "UnsupportedGlueFeature" in failed.value.error


def test_without_an_executing_account_a_run_fails_saying_so(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_data_quality_ruleset(Name="orders-quality", Ruleset=RULES)
    with pytest.raises(EvaluationRunFailed, match="execute only in an executing offline account"):
        evaluate_rulesets(glue, ORDERS, deadline_seconds=10, schedule=LOCAL_POLLING)


def test_a_unknown_ruleset_is_refused_when_the_run_starts(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    with pytest.raises(glue.exceptions.EntityNotFoundException):
        evaluate_rulesets(glue, ORDERS, deadline_seconds=10, schedule=LOCAL_POLLING)


STUDIO_EVALUATION = """import sys
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
rows = glueContext.spark_session.createDataFrame([(1,), (2,)], "id int")
frame = DynamicFrame.fromDF(rows, glueContext, "rows")

# Script generated for node Evaluate Data Quality
EvaluateDataQuality_node2 = EvaluateDataQuality().process_rows(
    frame=frame,
    ruleset="Rules = [ RowCount = 2, ColumnValues \\"id\\" > 1 ]",
    publishing_options={
        "dataQualityEvaluationContext": "EvaluateDataQuality_node2",
        "enableDataQualityResultsPublishing": True,
    },
)
job.commit()
"""


def test_results_a_job_publishes_are_listed_by_its_name_and_run_id(account: Any) -> None:
    session, _ = account
    glue, s3 = session.client("glue"), session.client("s3")
    s3.put_object(Bucket="scripts", Key="dq.py", Body=STUDIO_EVALUATION.encode())
    glue.create_job(
        Name="checked",
        Role=ROLE,
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/dq.py"},
        GlueVersion="5.1",
    )
    run_id = glue.start_job_run(JobName="checked")["JobRunId"]
    assert wait_for_job_run(
        glue, "checked", run_id, deadline_seconds=180, schedule=LOCAL_POLLING
    ).state == "SUCCEEDED"  # fmt: skip

    (result,) = quality_results(glue, job_name="checked")

    assert (result.job_run_id, result.context) == (run_id, "EvaluateDataQuality_node2")
    assert [r.result for r in result.rules] == ["PASS", "FAIL"]
    assert quality_results(glue, job_name="checked", job_run_id="jr_other") == []


def test_the_cli_evaluates_a_deployed_pipelines_rulesets_and_shows_the_results(
    account: Any, cdk_out: Path
) -> None:
    session, executor = account
    endpoint = ["--endpoint-url", executor.endpoint]
    deployed = deploy_assembly(cdk_out, session)
    glue, s3 = session.client("glue"), session.client("s3")
    curated = deployed.output("gluestack-dev-storage", "CuratedBucketName")
    rows = "flight_date,is_late,distance\n2013-01-01,0,100\n,1,200\n2013-01-02,2,300\n"
    s3.put_object(Bucket=curated, Key="flights_clean/a.csv", Body=rows.encode())
    csv_table(glue, "flights_clean", f"s3://{curated}/flights_clean/",
              [("flight_date", "string"), ("is_late", "int"), ("distance", "int")],
              database="flights_dev")  # fmt: skip
    ran = runner.invoke(app, ["dq", "run", "flights", *endpoint, "--json"])
    assert ran.exit_code == 1, ran.output  # rules failed
    (evaluated,) = json.loads(ran.output)
    assert (evaluated["ruleset"], evaluated["table"]) == (
        "flights-dev-flights_clean-quality", "flights_dev.flights_clean",
    )  # fmt: skip
    assert [(r["rule"], r["result"]) for r in evaluated["rules"]] == [
        ("RowCount > 1000", "FAIL"),
        ('IsComplete "flight_date"', "FAIL"),
        ('IsComplete "airline"', "FAIL"),  # the table has no such column
        ('ColumnValues "is_late" in [0, 1]', "FAIL"),
        ('ColumnValues "distance" > 0', "PASS"),
    ]
    latest = runner.invoke(app, ["dq", "results", "flights", *endpoint, "--json"])
    assert latest.exit_code == 0, latest.output
    assert [r["result_id"] for r in json.loads(latest.output)] == [evaluated["result_id"]]
    table = runner.invoke(app, ["dq", "results", "flights", *endpoint])
    assert table.exit_code == 0 and "Data quality" in table.output, table.output
    no_job = runner.invoke(app, ["dq", "results", "flights-dev-features", *endpoint, "--json"])
    assert (no_job.exit_code, json.loads(no_job.output)) == (0, [])


def test_a_deployed_table_ruleset_is_evaluated_offline_with_the_role_given(
    account: Any, project_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/cdk/specs/imported.yaml: orders-checks on the crawled orders table, which no job
    of the pipeline writes; nightly-quality on the nightly job's output."""
    session, executor = account
    pipelines = tmp_path / "pipelines"
    pipelines.mkdir()
    shutil.copy(project_root / "tests" / "cdk" / "specs" / "imported.yaml", pipelines)
    monkeypatch.setenv("GLUESTACK_PIPELINES", str(pipelines))
    deploy_assembly(synthesize(project_root, "dev", tmp_path / "cdk.out"), session)
    glue, s3 = session.client("glue"), session.client("s3")
    for table, rows in (("orders", "id,amount\n1,2.5\n,4\n"), ("nightly", "id,amount\n1,2\n")):
        s3.put_object(Bucket="raw", Key=f"{table}/a.csv", Body=rows.encode())
        columns = [("id", "bigint"), ("amount", "double")]
        csv_table(glue, table, f"s3://raw/{table}/", columns, database="sales_raw")
    endpoint = ["--endpoint-url", executor.endpoint]

    refused = runner.invoke(app, ["dq", "run", "imported", *endpoint])
    ran = runner.invoke(app, ["dq", "run", "imported", "--role", ROLE, *endpoint, "--json"])

    assert refused.exit_code == 1 and "table rulesets (orders-checks)" in refused.output
    assert ran.exit_code == 1, ran.output  # IsComplete "id" fails on orders
    evaluated = {r["ruleset"]: r for r in json.loads(ran.output)}
    assert set(evaluated) == {"imported-dev-orders-checks", "imported-dev-nightly-quality"}
    checks = evaluated["imported-dev-orders-checks"]
    assert checks["table"] == "sales_raw.orders"
    assert [(r["rule"], r["result"]) for r in checks["rules"]] == [
        ("RowCount > 0", "PASS"),
        ('IsComplete "id"', "FAIL"),
    ]
