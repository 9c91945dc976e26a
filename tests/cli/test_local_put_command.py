"""gluestack local put: a user's own files under a source's prefix of the offline raw bucket."""

from pathlib import Path

from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.local.cdk_out.deploy import DeployedApp, deploy_assembly
from gluestack.local.offline import moto_server
from gluestack.local.records.workspace import Workspace

runner = CliRunner()
STORAGE = "gluestack-dev-storage"


def _data(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.csv").write_text("id\n1\n")
    (folder / "2024" / "b.csv").write_text("id\n2\n")
    return folder


def test_files_land_under_the_source_prefix_of_the_deployed_raw_bucket(
    project_root: Path, tmp_path: Path, deployed_app: DeployedApp
) -> None:
    workspace = tmp_path / "ws"
    put = runner.invoke(
        app,
        ["local", "put", "flights", "weather", str(_data(tmp_path)),
         "--project", str(project_root), "--workspace", str(workspace)],
    )  # fmt: skip
    assert put.exit_code == 0, put.output
    raw = deployed_app.output(STORAGE, "RawBucketName")  # the bucket the app deploys
    prefix = f"s3://{raw}/nycflights13/weather/"
    assert put.output.split() == [f"{prefix}2024/b.csv", f"{prefix}a.csv"]
    assert Workspace(workspace).local_path(f"{prefix}2024/b.csv").read_text() == "id\n2\n"


def test_unknown_pipelines_sources_and_paths_are_named(project_root: Path, tmp_path: Path) -> None:
    def put(*arguments: str) -> str:
        ran = runner.invoke(app, ["local", "put", *arguments, "--project", str(project_root)])
        assert ran.exit_code == 2, ran.output
        return ran.output

    assert "no pipeline 'nope'" in put("nope", "weather", str(tmp_path))
    assert "no source 'wether'; sources: flights, planes, weather" in put("flights", "wether", "x")
    assert "no such file or folder" in put("flights", "weather", str(tmp_path / "missing"))


def test_through_a_served_account_the_files_are_objects_of_its_raw_bucket(
    cdk_out: Path, project_root: Path, tmp_path: Path
) -> None:
    with moto_server() as (endpoint, session):
        deployed = deploy_assembly(cdk_out, session, endpoint_url=endpoint)
        put = runner.invoke(
            app,
            ["local", "put", "flights", "planes", str(_data(tmp_path) / "a.csv"),
             "--project", str(project_root), "--endpoint-url", endpoint],
        )  # fmt: skip
        assert put.exit_code == 0, put.output
        raw = deployed.output(STORAGE, "RawBucketName")
        body = session.client("s3", endpoint_url=endpoint).get_object(
            Bucket=raw, Key="nycflights13/planes/a.csv"
        )["Body"]
        assert body.read() == b"id\n1\n"
