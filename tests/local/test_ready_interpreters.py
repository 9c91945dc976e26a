"""A run's process may be started before its run (its imports done), and the run cannot tell: it
sees its own environment, arguments, working directory and log, as a process started for it
would (a Glue run starts in a fresh environment,
https://docs.aws.amazon.com/glue/latest/dg/job-run-statuses.html)."""

import json
import os
import sys
from pathlib import Path

import pytest

from gluestack.local.execution.ready_interpreters import ReadyInterpreters, RunProcess
from gluestack.local.jdbc.routes import ROUTES_VARIABLE

# What a run's module sees; its import-time output belongs to the run's log too.
PROBE = """import json, os, sys
print("imported by", os.getpid())

def main(report):
    with open(report, "w") as out:
        json.dump({"pid": os.getpid(), "endpoint": os.environ.get("AWS_ENDPOINT_URL"),
                   "routes": os.environ.get("GLUESTACK_JDBC_ROUTES"), "argv": sys.argv[1:],
                   "cwd": os.getcwd()}, out)
    print("ran for", report)
    return 3
"""


@pytest.fixture
def probe_environment(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "ready_probe.py").write_text(PROBE)
    return {**os.environ, "PYTHONPATH": str(tmp_path), "AWS_ENDPOINT_URL": "http://a"}


def _run(tmp_path: Path, env: dict[str, str], name: str) -> RunProcess:
    report = str(tmp_path / f"{name}.json")
    return RunProcess(sys.executable, "ready_probe", (report,), env, tmp_path / f"{name}.log")


def test_a_prepared_process_becomes_its_run_s_process(
    tmp_path: Path, probe_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pool = ReadyInterpreters()
    try:
        pool.prepare(_run(tmp_path, {**probe_environment, ROUTES_VARIABLE: "{}"}, "first"))
        prepared = pool.idle[0][1].pid
        work = tmp_path / "work"
        work.mkdir()
        monkeypatch.chdir(work)
        # Another account's run: only the account's variables differ, so it takes that process.
        run = _run(tmp_path, {**probe_environment, "AWS_ENDPOINT_URL": "http://b"}, "second")
        process = pool.start(run)
        assert process.wait(60) == 3
    finally:
        pool.close()
    seen = json.loads((tmp_path / "second.json").read_text())
    assert seen["pid"] == prepared
    assert seen["endpoint"] == "http://b"
    assert seen["routes"] is None  # the run's whole environment, nothing of the one it had
    assert seen["argv"] == [str(tmp_path / "second.json")]
    assert seen["cwd"] == str(work)
    log = (tmp_path / "second.log").read_text()
    assert f"imported by {prepared}" in log
    assert f"ran for {tmp_path / 'second.json'}" in log


def test_a_run_launched_otherwise_gets_a_process_of_its_own(
    tmp_path: Path, probe_environment: dict[str, str]
) -> None:
    pool = ReadyInterpreters()
    try:
        pool.prepare(_run(tmp_path, probe_environment, "first"))
        prepared = pool.idle[0][1]
        other = _run(tmp_path, {**probe_environment, "SPARK_LOCAL_IP": "127.0.0.1"}, "other")
        assert pool.start(other).wait(60) == 3
        assert json.loads((tmp_path / "other.json").read_text())["pid"] != prepared.pid
        assert prepared.poll() is None  # still waiting for a run launched like it
    finally:
        pool.close()
    assert prepared.wait(30) is not None
    assert not (tmp_path / "first.json").exists()


def test_a_prepared_process_that_died_is_replaced(
    tmp_path: Path, probe_environment: dict[str, str]
) -> None:
    pool = ReadyInterpreters()
    try:
        run = _run(tmp_path, probe_environment, "run")
        pool.prepare(run)
        pool.idle[0][1].kill()
        pool.idle[0][1].wait(30)
        assert pool.start(run).wait(60) == 3
    finally:
        pool.close()
    assert json.loads((tmp_path / "run.json").read_text())["endpoint"] == "http://a"
