"""`gluestack iam`: each job's and crawler's permissions, read from the synthesized template."""

from pathlib import Path

from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.local.cdk_out.deploy import read_assembly
from gluestack.local.cdk_out.iam_report import pipeline_permissions, readable


def test_permissions_name_each_principal_and_its_folders(cdk_out: Path) -> None:
    stack = next(s for s in read_assembly(cdk_out) if s.name == "gluestack-dev-pipeline-flights")
    permissions = pipeline_permissions(stack, "flights", "dev")
    assert {p.principal for p in permissions} == {
        "job clean",
        "job features",
        "crawler raw",
        "crawler reference",
        "crawler curated",
    }
    writes = {p.principal: p for p in permissions if "s3:PutObject" in p.actions}
    assert set(writes) == {"job clean", "job features"}
    curated = "arn:aws:s3:::gluestack-dev-curated-{account}-us-east-1"
    assert f"{curated}/flights_clean/*" in writes["job clean"].resources
    assert (
        writes["job features"].resources == (f"{curated}/flights_features/*",)
        or [r for r in writes["job features"].resources if "flights_clean" in r] == []
    )
    listing = [p for p in permissions if p.actions == ("s3:ListBucket",)]
    assert any("nycflights13/flights/*" in p.condition for p in listing)


def test_intrinsics_are_written_out() -> None:
    join = {
        "Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::b-", {"Ref": "AWS::AccountId"}]]
    }
    assert readable(join) == "arn:aws:s3:::b-{account}"
    assert readable({"Fn::Sub": "cdk-${AWS::AccountId}-${AWS::Region}"}) == "cdk-{account}-{region}"


def test_the_cli_prints_the_table_and_rejects_an_unknown_pipeline(project_root: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["iam", "flights", "--project", str(project_root)])
    assert result.exit_code == 0, result.output
    assert "IAM of pipeline flights (dev)" in result.output
    assert "crawler raw" in result.output and "job clean" in result.output
    unknown = runner.invoke(app, ["iam", "sales", "--project", str(project_root)])
    assert unknown.exit_code == 1
    assert "no pipeline 'sales' in the app; pipelines: flights" in unknown.output
