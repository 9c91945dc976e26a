"""The gluestack command: located spec errors with exit code 2, never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from gluestack.cli import app

PROJECT_ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _broken_spec(tmp_path: Path) -> Path:
    text = (PROJECT_ROOT / "pipelines" / "flights.yaml").read_text()
    path = tmp_path / "pipelines" / "flights.yaml"
    path.parent.mkdir()
    path.write_text(text.replace("worker_type: G.1X", "worker_type: G.9X"))
    return path


def test_validate_reports_each_valid_pipeline() -> None:
    result = runner.invoke(app, ["validate", "--project", str(PROJECT_ROOT)])
    assert result.exit_code == 0, result.output
    assert "ok flights: 3 sources, 3 crawlers, 2 jobs, 4 triggers" in result.output


def test_validate_exits_2_with_the_located_error(tmp_path: Path) -> None:
    path = _broken_spec(tmp_path)
    result = runner.invoke(app, ["validate", str(path), "--project", str(PROJECT_ROOT)])
    assert result.exit_code == 2
    assert "jobs.clean.worker_type: 'G.9X' is not allowed" in result.output
    assert "Traceback" not in result.output


def test_schema_is_json_schema_of_the_spec() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert '"title": "PipelineSpec"' in result.output


def test_app_py_exits_2_on_an_invalid_spec_without_a_traceback(tmp_path: Path) -> None:
    path = _broken_spec(tmp_path)
    environment = {
        **os.environ,
        "GLUESTACK_PIPELINES": str(path.parent),
        "CDK_OUTDIR": str(tmp_path / "out"),
    }
    result = subprocess.run(
        [sys.executable, "app.py"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "jobs.clean.worker_type: 'G.9X' is not allowed" in result.stderr
    assert "Traceback" not in result.stderr
