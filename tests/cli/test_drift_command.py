"""`gluestack drift PIPELINE`: the deployed flights pipeline against what its spec synthesizes."""

import json
from pathlib import Path
from typing import Any

import boto3
from typer.testing import Result

from gluestack.local.cdk_out.deploy import DeployedApp
from tests.cli.conftest import gluestack

# JobUpdate replaces the whole definition (its unspecified configuration is reset to defaults:
# https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateJob.html), so a change by hand
# passes every member the job has.
JOB_UPDATE_MEMBERS = (
    "Description", "Role", "ExecutionProperty", "Command", "DefaultArguments",
    "NonOverridableArguments", "Connections", "MaxRetries", "Timeout", "WorkerType",
    "NumberOfWorkers", "SecurityConfiguration", "GlueVersion", "ExecutionClass",
)  # fmt: skip


def drift(project_root: Path, *options: str) -> Result:
    return gluestack("drift", "flights", "--project", str(project_root), *options)


def reported(project_root: Path) -> dict[tuple[str, str], dict[str, Any]]:
    ran = drift(project_root, "--json")
    assert ran.exit_code == 1, ran.output
    return {(d["resource"], d["field"]): d for d in json.loads(ran.output)}


def test_a_fresh_deploy_has_no_drift(deployed: DeployedApp, project_root: Path) -> None:
    ran = drift(project_root)
    assert ran.exit_code == 0, ran.output
    assert "flights (env dev): no drift" in ran.output
    assert json.loads(drift(project_root, "--json").output) == []


def test_a_job_changed_by_hand_names_each_changed_field(
    deployed: DeployedApp, aws: boto3.Session, project_root: Path
) -> None:
    glue = aws.client("glue")
    job = glue.get_job(JobName="flights-dev-clean")["Job"]
    update = {member: job[member] for member in JOB_UPDATE_MEMBERS if member in job}
    update["NumberOfWorkers"] = 5
    update["DefaultArguments"] = {**job["DefaultArguments"], "--database": "scratch"}
    glue.update_job(JobName="flights-dev-clean", JobUpdate=update)

    differences = reported(project_root)
    assert set(differences) == {
        ("job flights-dev-clean", "NumberOfWorkers"),
        ("job flights-dev-clean", "DefaultArguments[--database]"),
    }
    workers = differences[("job flights-dev-clean", "NumberOfWorkers")]
    assert (workers["kind"], workers["expected"], workers["deployed"]) == ("changed", 2, 5)
    database = differences[("job flights-dev-clean", "DefaultArguments[--database]")]
    assert (database["expected"], database["deployed"]) == ("flights_dev", "scratch")
    table = drift(project_root)
    assert table.exit_code == 1
    assert "NumberOfWorkers" in table.output and "DefaultArguments[--database]" in table.output


def test_a_script_overwritten_in_s3_is_a_script_content_difference(
    deployed: DeployedApp, aws: boto3.Session, project_root: Path
) -> None:
    location = aws.client("glue").get_job(JobName="flights-dev-features")["Job"]["Command"]
    bucket, _, key = location["ScriptLocation"].removeprefix("s3://").partition("/")
    aws.client("s3").put_object(Bucket=bucket, Key=key, Body=b"print('patched by hand')\n")

    differences = reported(project_root)
    assert list(differences) == [("job flights-dev-features", "script content (sha256)")]
    script = differences[("job flights-dev-features", "script content (sha256)")]
    assert script["expected"] != script["deployed"]
    assert len(script["deployed"]) == 64


def test_a_deleted_crawler_is_missing_and_an_extra_job_is_not_in_the_spec(
    deployed: DeployedApp, aws: boto3.Session, project_root: Path
) -> None:
    glue = aws.client("glue")
    glue.delete_crawler(Name="flights-dev-curated")
    glue.create_job(
        Name="flights-dev-by-hand",
        Role="arn:aws:iam::123456789012:role/someone",
        Command={"Name": "glueetl", "ScriptLocation": "s3://elsewhere/job.py"},
    )
    differences = reported(project_root)
    assert set(differences) == {
        ("crawler flights-dev-curated", ""),
        ("job flights-dev-by-hand", ""),
    }
    assert differences[("crawler flights-dev-curated", "")]["kind"] == "missing"
    assert differences[("job flights-dev-by-hand", "")]["kind"] == "not in the spec"


def test_an_unknown_or_undeployed_pipeline_is_a_one_line_error(
    aws: boto3.Session, project_root: Path
) -> None:
    unknown = gluestack("drift", "nope", "--project", str(project_root))
    assert unknown.exit_code == 2
    assert "no pipeline 'nope'" in unknown.output
    undeployed = drift(project_root)
    assert undeployed.exit_code == 1
    lines = undeployed.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "pipeline 'flights' (env dev): stack 'gluestack-dev-pipeline-flights' is not deployed"
    )
