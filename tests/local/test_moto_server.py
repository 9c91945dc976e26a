"""The app deployed into a moto server is driven by the CLI over HTTP, from other processes too."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.local.deploy import deploy_assembly
from gluestack.local.offline import moto_server

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
        assert "EntityNotFoundException" in ran.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_local_deploy_serves_other_processes(project_root: Path) -> None:
    port = _free_port()
    gluestack = [sys.executable, "-m", "gluestack.cli"]
    env = {**os.environ, "COLUMNS": "200"}
    server = subprocess.Popen(
        [*gluestack, "local", "deploy", "--port", str(port), "--project", str(project_root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 90
        lines = []
        while time.monotonic() < deadline:
            line = server.stdout.readline() if server.stdout else ""
            lines.append(line)
            if line.startswith("serving") or server.poll() is not None:
                break
        assert any(line.startswith("serving") for line in lines), "".join(lines)
        assert any("AWS::Glue::Job" in line for line in lines)
        job = subprocess.run(
            [
                *gluestack,
                "job",
                "run",
                "flights-dev-clean",
                "--json",
                "--endpoint-url",
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=env,
        )
        assert job.returncode == 0, job.stderr
        assert json.loads(job.stdout)["state"] == "SUCCEEDED"
    finally:
        server.terminate()
        server.wait(timeout=30)
