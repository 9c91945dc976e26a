"""A job's script imports Glue's preinstalled modules at the versions its Glue version ships.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-libraries.html, "Python
modules already provided in AWS Glue": each version's modules at fixed versions, which
`--additional-python-modules` can replace. Here the published lists are replaced by small ones
naming wheels built in the test, which pip installs from a local folder (no index).
"""

import importlib.metadata
import io
import platform
import zipfile
from pathlib import Path

import boto3
import pytest
from pyspark.sql import SparkSession

from gluestack.local.execution.job_execution import execute_job
from gluestack.local.execution.preinstalled_modules import (
    distributions_of,
    imported_modules,
    preinstalled_folder,
)
from gluestack.local.records.workspace import Workspace
from gluestack.spec import glue_preinstalled_modules
from tests.wheels import pure_python_wheel

# As Glue Studio generates a job script.
STUDIO_SCRIPT = """\
import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrame
import re

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
job.commit()
"""

HAND_WRITTEN = """\
import os.path as osp, json
from pandas.api.types import is_numeric_dtype
from . import sibling
from .helpers import tidy

def transform(frame):
    import pyarrow.parquet
    from sklearn.preprocessing import scale
    return frame
"""

RULES = "glue-fixture-rules"
OTHER = "glue-fixture-other"


def _module(distribution: str) -> str:
    return distribution.replace("-", "_")


def _wheel_file(folder: Path, distribution: str, version: str) -> Path:
    file = folder / f"{_module(distribution)}-{version}-py3-none-any.whl"
    source = f"VERSION = {version!r}\n"
    file.write_bytes(pure_python_wheel(distribution, version, _module(distribution), source))
    return file


@pytest.fixture
def wheels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A local folder pip installs from (no index); the runtime holds RULES and OTHER 2.0."""
    folder = tmp_path / "wheels"
    folder.mkdir()
    runtime = tmp_path / "runtime"
    for distribution in (RULES, OTHER):
        for version in ("1.0", "2.0"):
            _wheel_file(folder, distribution, version)
        wheel = (folder / f"{_module(distribution)}-2.0-py3-none-any.whl").read_bytes()
        zipfile.ZipFile(io.BytesIO(wheel)).extractall(runtime)  # a wheel is its installed tree
    monkeypatch.syspath_prepend(str(runtime))
    monkeypatch.setenv("PIP_FIND_LINKS", str(folder))
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def _glue_ships(monkeypatch: pytest.MonkeyPatch, modules: dict[str, str]) -> None:
    monkeypatch.setattr(glue_preinstalled_modules, "PREINSTALLED", {"5.1": modules})


def _script(tmp_path: Path, source: str) -> Path:
    script = tmp_path / "job.py"
    script.write_text(source)
    return script


def test_the_imports_of_a_glue_studio_script(tmp_path: Path) -> None:
    assert imported_modules(_script(tmp_path, STUDIO_SCRIPT)) == {"sys", "awsglue", "pyspark", "re"}


def test_the_imports_of_a_hand_written_script_anywhere_in_it_relative_ones_ignored(
    tmp_path: Path,
) -> None:
    found = imported_modules(_script(tmp_path, HAND_WRITTEN))
    assert found == {"os", "json", "pandas", "pyarrow", "sklearn"}


def test_import_names_map_to_distributions() -> None:
    assert "boto3" in distributions_of({"boto3"})
    assert "scikit-learn" in distributions_of({"sklearn"})  # whether the runtime has it or not


def test_the_script_sees_glue_s_version_not_the_runtime_s(
    wheels: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _glue_ships(monkeypatch, {RULES: "1.0"})
    assert importlib.metadata.version(RULES) == "2.0"
    folder = preinstalled_folder(_script(tmp_path, f"import {_module(RULES)}\n"), "5.1", {})
    assert folder is not None
    assert (folder / _module(RULES) / "__init__.py").read_text() == "VERSION = '1.0'\n"


def test_a_distribution_the_job_process_has_loaded_is_reported_not_swapped(
    wheels: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _glue_ships(monkeypatch, {"boto3": "0.0.1"})
    assert preinstalled_folder(_script(tmp_path, "import boto3\n"), "5.1", {}) is None
    assert capsys.readouterr().err == (
        f"gluestack: boto3 {boto3.__version__} here, Glue 5.1 has 0.0.1 "
        "(already loaded by the job process)\n"
    )


@pytest.mark.parametrize(
    "entry", [f"{RULES}==2.0", f"s3://libs/{_module(RULES)}-2.0-py3-none-any.whl"]
)
def test_an_additional_python_modules_entry_wins_over_glue_s_version(
    wheels: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str
) -> None:
    _glue_ships(monkeypatch, {RULES: "1.0"})
    script = _script(tmp_path, f"import {_module(RULES)}\n")
    assert preinstalled_folder(script, "5.1", {"--additional-python-modules": entry}) is None


def test_a_version_without_a_published_list_pins_nothing(tmp_path: Path) -> None:
    script = _script(tmp_path, "import pandas\n")
    assert preinstalled_folder(script, "6.0", {}) is None
    assert preinstalled_folder(script, None, {}) is None


def test_a_deployed_job_runs_on_its_glue_version_s_modules_and_survives_one_pip_cannot_install(
    wheels: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    aws: boto3.Session,
    spark: SparkSession,
) -> None:
    _glue_ships(monkeypatch, {RULES: "1.0", OTHER: "9.9"})
    source = f"import {_module(RULES)}, {_module(OTHER)}\n" + "".join(
        f"print('{d}', {_module(d)}.VERSION)\n" for d in (RULES, OTHER)
    )
    s3, glue = aws.client("s3"), aws.client("glue")
    s3.create_bucket(Bucket="scripts")
    s3.put_object(Bucket="scripts", Key="job.py", Body=source.encode())
    command = {"Name": "glueetl", "ScriptLocation": "s3://scripts/job.py"}
    role = "arn:aws:iam::123456789012:role/glue"
    glue.create_job(Name="pins", Role=role, GlueVersion="5.1", Command=command)
    run = execute_job(glue, s3, spark, Workspace(tmp_path / "workspace"), "pins", "jr_1")
    log = run.log_file.read_text()
    assert run.succeeded, run.error_message + log
    assert f"{RULES} 1.0\n" in log
    assert f"{OTHER} 2.0\n" in log
    assert (
        f"gluestack: {OTHER} 9.9 (Glue 5.1) cannot be installed for Python "
        f"{platform.python_version()} here (" in log
    )
    assert "); 2.0 is used\n" in log
