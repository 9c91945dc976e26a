"""An unchanged project is synthesized once; any change to what a synth reads synthesizes again."""

import json
import os
from pathlib import Path

import pytest

from gluestack.local.cdk_out.synth import SynthError, synthesize
from gluestack.local.cdk_out.synth_cache import CACHE_VARIABLE

# A stand-in app: writes the pipelines it finds (and SETTINGS' folder) into the assembly and
# counts its runs in a file outside the project.
APP = """
import os, pathlib, sys
out = pathlib.Path(os.environ["CDK_OUTDIR"]); out.mkdir(parents=True, exist_ok=True)
extra = os.environ.get("GLUESTACK_TEST_SETTINGS")
names = sorted(p.read_text() for p in pathlib.Path("pipelines").glob("*.yaml"))
if extra:
    names += sorted(p.read_text() for p in pathlib.Path(extra).iterdir())
if "broken" in names:
    sys.exit("broken spec")
(out / "manifest.json").write_text(" ".join(names))
with open(os.environ["RUNS_FILE"], "a") as runs:
    runs.write("run\\n")
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "pipelines").mkdir(parents=True)
    (root / "cdk.json").write_text(json.dumps({"app": "python app.py", "context": {}}))
    (root / "app.py").write_text(APP)
    (root / "pipelines" / "a.yaml").write_text("first")
    monkeypatch.setenv("RUNS_FILE", str(tmp_path / "runs"))
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    return root


def _runs(project: Path) -> int:
    runs = project.parent / "runs"
    return len(runs.read_text().splitlines()) if runs.exists() else 0


def _synth(project: Path, env: str = "dev") -> str:
    out = synthesize(project, env, project.parent / f"out-{os.urandom(4).hex()}")
    return (out / "manifest.json").read_text()


def test_an_unchanged_project_is_synthesized_once_and_its_assembly_copied(project: Path) -> None:
    assert _synth(project) == "first"
    assert _synth(project) == "first"
    assert _runs(project) == 1
    _synth(project, env="prod")  # the context is an input
    assert _runs(project) == 2


def test_a_changed_or_added_file_synthesizes_again(project: Path) -> None:
    _synth(project)
    (project / "pipelines" / "a.yaml").write_text("edited")
    assert _synth(project) == "edited"
    (project / "pipelines" / "b.yaml").write_text("second")
    assert _synth(project) == "edited second"
    assert _runs(project) == 3


def test_written_folders_are_not_inputs_but_a_folder_the_environment_names_is(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _synth(project)
    (project / ".gluestack").mkdir()
    (project / ".gluestack" / "run.log").write_text("a run wrote this")
    (project / "cdk.out").mkdir()
    _synth(project)
    assert _runs(project) == 1
    settings = tmp_path / "settings"
    settings.mkdir()
    (settings / "x").write_text("outside")
    monkeypatch.setenv("GLUESTACK_TEST_SETTINGS", str(settings))
    assert _synth(project) == "first outside"
    (settings / "x").write_text("changed")
    assert _synth(project) == "first changed"
    assert _runs(project) == 3


def test_a_failed_synth_is_not_kept_and_off_synthesizes_every_time(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pipelines" / "a.yaml").write_text("broken")
    for _ in range(2):
        with pytest.raises(SynthError, match="broken spec"):
            _synth(project)
    (project / "pipelines" / "a.yaml").write_text("fixed")
    monkeypatch.setenv(CACHE_VARIABLE, "off")
    _synth(project)
    _synth(project)
    assert _runs(project) == 2
