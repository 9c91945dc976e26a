"""`gluestack local run`: the workspace's files are the offline S3's, the pipeline is named.

The run itself (StartWorkflowRun through the offline Glue service, each node reported with rows
or tables) is exercised end to end by tests/local/test_demo.py, which uses the same
executing_app and run_workflow, and through a served account by tests/local/test_moto_server.py.
"""

from pathlib import Path

import pytest

from gluestack.local.pipeline_run import PipelineNotDeployed, executing_app, run_pipeline_locally
from gluestack.local.records.workspace import Workspace
from gluestack.ops import client

RAW_BUCKET = "gluestack-dev-raw-123456789012-us-east-1"


def test_files_already_in_the_workspace_are_in_the_offline_s3(
    cdk_out: Path, tmp_path: Path
) -> None:
    workspace = Workspace(tmp_path / "workspace")
    path = workspace.local_path(f"s3://{RAW_BUCKET}/nycflights13/planes/planes.csv")
    path.parent.mkdir(parents=True)
    path.write_text("tailnum,year\nN10156,2004\n")
    with executing_app(cdk_out, workspace) as offline:
        s3 = client(offline.session, "s3")
        body = s3.get_object(Bucket=RAW_BUCKET, Key="nycflights13/planes/planes.csv")["Body"]
        assert body.read() == b"tailnum,year\nN10156,2004\n"


def test_an_unknown_pipeline_is_named(cdk_out: Path, tmp_path: Path) -> None:
    with pytest.raises(PipelineNotDeployed, match="pipeline 'nope' \\(env dev\\)"):
        run_pipeline_locally(cdk_out, "dev", "nope", Workspace(tmp_path))


def test_a_failed_run_names_the_node_its_message_and_its_log(
    project_root: Path, tmp_path: Path
) -> None:
    # No raw files: Glue's crawl succeeds with no table, so the first job's read fails.
    from typer.testing import CliRunner

    from gluestack.cli import app

    ran = CliRunner().invoke(
        app,
        ["local", "run", "flights", "--project", str(project_root),
         "--workspace", str(tmp_path / "ws")],
    )  # fmt: skip
    assert ran.exit_code == 1
    assert "tables: none; no files under" in ran.output
    failure = ran.output[ran.output.index("pipeline flights: job flights-dev-clean FAILED: ") :]
    log = failure.split("(log: ", 1)[1].split(")", 1)[0].replace("\n", "")
    assert Path(log).is_file() and "Traceback" in Path(log).read_text()
    note = " ".join(failure.split())  # the terminal may wrap it
    assert "Note: crawler flights-dev-raw found no files under s3://" in note
    assert "load the source's files first (gluestack local put flights SOURCE FILE)" in note


def test_the_catalog_outlives_the_account_as_an_aws_accounts_does(
    cdk_out: Path, tmp_path: Path
) -> None:
    # A table made in one offline session is in the next (re-crawls meet it, as on AWS), and
    # `gluestack catalog --workspace` reads it in between.
    workspace = Workspace(tmp_path / "workspace")
    with executing_app(cdk_out, workspace) as offline:
        glue = client(offline.session, "glue")
        database = glue.get_databases()["DatabaseList"][0]["Name"]
        glue.create_table(
            DatabaseName=database,
            TableInput={
                "Name": "kept",
                "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "int"}]},
            },
        )
    assert (workspace.root / "catalog.json").is_file()
    with executing_app(cdk_out, workspace) as offline:
        table = client(offline.session, "glue").get_table(DatabaseName=database, Name="kept")
        assert table["Table"]["StorageDescriptor"]["Columns"] == [{"Name": "id", "Type": "int"}]
