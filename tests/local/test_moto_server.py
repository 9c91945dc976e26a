"""The app deployed into a moto server is driven by the CLI over HTTP, from other processes too."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.local.cdk_out.deploy import deploy_assembly
from gluestack.local.offline import PortUnavailable, moto_server
from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import pipeline_manifest, wait_for_workflow_run
from gluestack.scaffold import init_project
from gluestack.spec import load
from gluestack.spec.names import pipeline_stack_name

runner = CliRunner()


def test_ops_commands_work_against_a_served_deploy(cdk_out: Path) -> None:
    with moto_server() as (endpoint, session):
        deploy_assembly(cdk_out, session, endpoint_url=endpoint)
        ran = runner.invoke(
            app,
            [
                "job",
                "run",
                "flights-dev-clean",
                "--endpoint-url",
                endpoint,
                "--arg",
                "day=2013-01-01",
                "--json",
            ],
        )
        assert ran.exit_code == 0, ran.output
        assert json.loads(ran.output)["state"] == "SUCCEEDED"
        crawled = runner.invoke(
            app, ["crawler", "run", "flights-dev-raw", "--endpoint-url", endpoint]
        )
        assert crawled.exit_code == 0, crawled.output
        assert "status: SUCCEEDED" in crawled.output
        outputs = runner.invoke(
            app,
            [
                "stack",
                "outputs",
                "gluestack-dev-pipeline-flights",
                "--endpoint-url",
                endpoint,
                "--json",
            ],
        )
        manifest = json.loads(json.loads(outputs.output)["PipelineManifest"])
        assert manifest["jobs"] == {
            "clean": "flights-dev-clean",
            "features": "flights-dev-features",
        }


def test_an_unknown_job_is_a_clear_error(cdk_out: Path) -> None:
    with moto_server() as (endpoint, session):
        deploy_assembly(cdk_out, session, endpoint_url=endpoint)
        ran = runner.invoke(app, ["job", "run", "nope", "--endpoint-url", endpoint])
        assert ran.exit_code == 1
        assert "Glue job 'nope' not found" in ran.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_served_project_runs_its_workflow_for_another_process(tmp_path: Path) -> None:
    """The user's path from the README, on the project `gluestack init` writes: serve, load raw
    files with boto3, run the workflow, read the output."""
    project = tmp_path / "shop"
    init_project(project, "orders")
    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    gluestack = [sys.executable, "-m", "gluestack.cli"]
    env = {**os.environ, "COLUMNS": "200"}
    server = subprocess.Popen(
        [*gluestack, "local", "serve", "--port", str(port), "--project", str(project),
         "--workspace", str(tmp_path / "ws")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    try:
        _wait_for_serving(server)
        session = boto3.Session(
            aws_access_key_id="offline", aws_secret_access_key="offline", region_name="us-east-1"
        )
        glue, s3, cloudformation = (
            session.client(name, endpoint_url=endpoint) for name in ("glue", "s3", "cloudformation")
        )
        manifest = pipeline_manifest(cloudformation, pipeline_stack_name("dev", "orders"))
        raw = next(b["Name"] for b in s3.list_buckets()["Buckets"] if "-raw-" in b["Name"])
        orders = load(project / "pipelines" / "orders.yaml").sources["orders"]
        s3.upload_file(str(project / "data" / "orders.csv"), raw, f"{orders.prefix}orders.csv")

        run_id = glue.start_workflow_run(Name=manifest.workflow)["RunId"]
        result = wait_for_workflow_run(
            glue, manifest.workflow, run_id, deadline_seconds=600, schedule=LOCAL_POLLING
        )

        assert result.status == "COMPLETED"
        statistics = glue.get_workflow_run(Name=manifest.workflow, RunId=run_id)["Run"][
            "Statistics"
        ]
        assert statistics["FailedActions"] == 0 and statistics["SucceededActions"] == 2
        clean = glue.get_job_runs(JobName=manifest.jobs["clean"])["JobRuns"][0]
        assert clean["JobRunState"] == "SUCCEEDED" and clean["ExecutionTime"] >= 1
        location = glue.get_job(JobName=manifest.jobs["clean"])["Job"]["DefaultArguments"][
            "--orders_clean_path"
        ]
        bucket, _, prefix = location.removeprefix("s3://").partition("/")
        written = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
        assert any(o["Key"].endswith(".parquet") for o in written)
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_a_port_in_use_is_refused_at_once_naming_it() -> None:
    """Before, the serving thread died on the busy port and the caller waited for it forever."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused = pytest.raises(PortUnavailable, match=f"cannot serve on 127.0.0.1:{port}")
        with refused, moto_server(port):
            pass


def _wait_for_serving(server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    lines = []
    while time.monotonic() < deadline:
        line = server.stdout.readline() if server.stdout else ""
        lines.append(line)
        if line.startswith("serving") or server.poll() is not None:
            break
    assert any(line.startswith("serving") for line in lines), "".join(lines)
