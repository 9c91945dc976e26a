"""`gluestack iam`: each job's and crawler's permissions, read from the synthesized template."""

import shutil
from pathlib import Path

import pytest
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


def test_the_cli_states_what_an_existing_role_may_do(
    project_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """gluestack grants an existing role (spec role:) nothing: the table says so."""
    shutil.copy(project_root / "tests" / "cdk" / "specs" / "imported.yaml", tmp_path)
    monkeypatch.setenv("GLUESTACK_PIPELINES", str(tmp_path))
    result = CliRunner().invoke(app, ["iam", "imported", "--project", str(project_root)])
    assert result.exit_code == 0, result.output
    # The table wraps long cells; their text is read without the borders and line breaks.
    flat = "".join(c for c in result.output if not c.isspace() and c not in "│─┼├┤┌┐└┘┃━")
    role = "arn:aws:iam::111122223333:role/legacy-etl"
    assert f"jobnightlyexistingrole{role}:itsownpoliciesapply" in flat
    assert "crawlerlegacy" in flat and "acme-archive" in flat
