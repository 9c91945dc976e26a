"""A copy of this project with more pipelines, as a user adds them (spec and scripts)."""

import json
import shutil
import sys
from pathlib import Path


def copy_project(project_root: Path, target: Path, files: dict[str, str]) -> Path:
    """target holding the project's app, pipelines, scripts and stacks, plus files (relative
    path to text); its app runs on this interpreter."""
    for name in ("app.py", "cdk.json"):
        shutil.copy(project_root / name, target / name)
    for folder in ("pipelines", "glue_scripts", "stacks"):
        shutil.copytree(project_root / folder, target / folder, ignore=_caches)
    settings = json.loads((target / "cdk.json").read_text())
    settings["app"] = f"{sys.executable} app.py"
    (target / "cdk.json").write_text(json.dumps(settings))
    for relative, text in files.items():
        (target / relative).write_text(text)
    return target


def _caches(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__"]
