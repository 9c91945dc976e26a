"""gluestack as a library: its wheel holds one top-level package, and `gluestack init` writes a
project that passes its own `make test` and runs with `make demo` from a fresh virtualenv.

The virtualenv gets the wheel alone (`--no-deps`) and reuses this environment's installed
dependencies through a .pth path line, so the test needs no index and stays fast; the editable
gluestack of this environment is not on that path (its finder is not loaded from a path line).
"""

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gluestack.cli import app

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_CDK_JSON = PROJECT_ROOT / "gluestack" / "scaffold" / "template" / "cdk.json"


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(PROJECT_ROOT)]
    _run([*pip_wheel, "-w", str(out)], out, dict(os.environ))
    (built,) = out.glob("gluestack-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a shell whose PATH starts at a fresh virtualenv holding the wheel."""
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", str(venv)], venv, {})
    site = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
    (site / "gluestack-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", str(wheel)], venv, {})
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    return env


def test_the_wheel_holds_gluestack_alone(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {
        "gluestack",
        wheel.name.split("-py")[0] + ".dist-info",
    }
    assert "gluestack/cdk/pipeline_stack.py" in names
    assert "gluestack/scaffold/template/cdk.json" in names


def test_an_initialized_project_passes_its_tests_and_runs_offline(
    fresh_env: dict[str, str], tmp_path: Path
) -> None:
    _run(["gluestack", "init", "shop", "--name", "orders"], tmp_path, fresh_env)
    project = tmp_path / "shop"
    where = _run(
        ["python", "-c", "import gluestack; print(gluestack.__file__)"], project, fresh_env
    )
    assert str(PROJECT_ROOT) not in where  # the wheel's gluestack, not this checkout's
    tested = _run(["make", "test"], project, fresh_env)
    assert "1 passed" in tested
    assert (project / "cdk.out" / "gluestack-dev-pipeline-orders.template.json").is_file()
    demo = _run(["make", "demo"], project, fresh_env)
    assert "job orders-dev-clean: SUCCEEDED 5 rows in, 3 out" in demo
    assert "COMPLETED" in demo


def test_init_refuses_a_folder_that_is_not_empty_and_a_bad_name(tmp_path: Path) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("mine")
    runner = CliRunner()
    refused = runner.invoke(app, ["init", str(tmp_path / "used")])
    assert refused.exit_code == 2
    assert "not empty; use --force" in refused.output
    assert sorted(p.name for p in (tmp_path / "used").iterdir()) == ["notes.txt"]
    bad = runner.invoke(app, ["init", str(tmp_path / "new"), "--name", "Orders!"])
    assert bad.exit_code == 2
    assert "--name 'Orders!': a pipeline name is lowercase letters" in bad.output
    assert not (tmp_path / "new").exists()


def test_the_template_is_this_projects_app_and_feature_flags() -> None:
    # This repository is laid out as the projects init writes: its app.py and its cdk.json's
    # CDK feature flags are the template's.
    template_app = TEMPLATE_CDK_JSON.with_name("app.py").read_text()
    assert (PROJECT_ROOT / "app.py").read_text() == template_app
    ours = json.loads((PROJECT_ROOT / "cdk.json").read_text())["context"]
    template = json.loads(TEMPLATE_CDK_JSON.read_text())["context"]
    flags = {k: v for k, v in ours.items() if k.startswith("@aws-cdk")}
    assert flags == {k: v for k, v in template.items() if k.startswith("@aws-cdk")}
    assert template["gluestack:environments"].keys() == ours["gluestack:environments"].keys()
