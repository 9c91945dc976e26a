"""Write a working project from template/: cdk.json, app.py, stacks/, a pipeline, its generated
script, tests, pyproject.toml and a README. Nothing is written when anything would fail."""

import shutil
import tempfile
from importlib import metadata
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from pydantic import TypeAdapter, ValidationError

from gluestack.codegen.generated_files import generated_scripts, write_script
from gluestack.spec import load
from gluestack.spec.names import ResourceName

NAME_IN_PATHS = "__name__"
# Kept under other names in the package: no packaging tool drops a dot file, and no linter
# reads the template's pyproject.toml as this package's.
_RENAMED = {"gitignore": ".gitignore", "pyproject.toml.in": "pyproject.toml"}


class InitError(ValueError):
    """The project cannot be written where or as asked."""


def init_project(target: Path, name: str, force: bool = False) -> list[Path]:
    """Write the project into target (created if missing); the files written, relative."""
    try:
        TypeAdapter(ResourceName).validate_python(name)
    except ValidationError:
        raise InitError(
            f"--name {name!r}: a pipeline name is lowercase letters, digits, '_' or '-', "
            "starting with a letter, at most 40 characters"
        ) from None
    if target.exists() and not target.is_dir():
        raise InitError(f"{target}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise InitError(f"{target}: the folder is not empty; use --force to write into it")
    values = {
        "name": name,
        "database": name.replace("-", "_"),
        "gluestack_requirement": _requirement(),
    }
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch)
        _render(files("gluestack.scaffold") / "template", staged, values)
        spec_file = staged / "pipelines" / f"{name}.yaml"
        spec = load(spec_file, staged, require_generated=False)
        for script in generated_scripts(spec, spec_file, staged):
            write_script(script)
        written = sorted(p.relative_to(staged) for p in staged.rglob("*") if p.is_file())
        shutil.copytree(staged, target, dirs_exist_ok=True)
    return written


def _render(source: Traversable, folder: Path, values: dict[str, str]) -> None:
    """The template folder source, its names and texts filled in from values, into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        name = _RENAMED.get(entry.name, entry.name).replace(NAME_IN_PATHS, values["name"])
        if entry.is_dir():
            if entry.name != "__pycache__":
                _render(entry, folder / name, values)
        else:
            (folder / name).write_text(Template(entry.read_text()).substitute(values))


def _requirement() -> str:
    """gluestack within this minor version: what a project it writes was written against."""
    version = metadata.version("gluestack")
    major, minor = (int(part) for part in version.split(".")[:2])
    return f"gluestack>={major}.{minor},<{major}.{minor + 1}"
