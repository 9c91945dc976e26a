"""Load pipeline specs from YAML, reporting every problem with file, field and line."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from gluestack.spec.database_ownership import mixed_ownership
from gluestack.spec.errors import SpecError, SpecIssue
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.references import check_references
from gluestack.spec.validation_messages import issue_from_error
from gluestack.spec.yaml_lines import line_of


def load(
    path: Path,
    project_root: Path | None = None,
    environments: list[str] | None = None,
    *,
    require_generated: bool = True,
) -> PipelineSpec:
    """Validate one spec file.

    Job scripts resolve against project_root, by default the parent of the spec's folder.
    environments, when given, are the names the spec may use for environments.
    require_generated: False lets a transform job's script be missing (`gluestack generate`).
    """
    root = (project_root or path.resolve().parent.parent).resolve()
    text = _read(path)
    raw = _parse(path, text)
    try:
        return validated(raw, root, environments, require_generated=require_generated)
    except SpecError as error:
        raise SpecError(path, _with_lines(text, error.issues)) from None


def validated(
    spec: PipelineSpec | Mapping[str, Any],
    project_root: Path,
    environments: list[str] | None = None,
    *,
    require_generated: bool = True,
    source: str = "pipeline spec built in Python",
) -> PipelineSpec:
    """A spec built in Python (a PipelineSpec, or the mapping a YAML file would hold), checked
    exactly as `load` checks a file: fields, cross-references, scripts under project_root.

    source names the spec in the SpecError, in place of a file.
    """
    if not isinstance(spec, PipelineSpec):
        try:
            spec = PipelineSpec.model_validate(spec)
        except ValidationError as error:
            issues = [issue_from_error(e, PipelineSpec) for e in error.errors()]
            raise SpecError(source, issues) from None
    root = project_root.resolve()
    issues = check_references(spec, environments) + _check_scripts(spec, root, require_generated)
    if issues:
        raise SpecError(source, issues)
    return spec


def spec_files(directory: Path) -> list[Path]:
    """The pipeline spec files in directory: every *.yaml and *.yml, sorted by file name."""
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


def load_all(
    directory: Path,
    project_root: Path | None = None,
    environments: list[str] | None = None,
    *,
    require_generated: bool = True,
) -> list[PipelineSpec]:
    """Every *.yaml / *.yml spec in directory, sorted by file name; pipeline names are unique,
    and specs naming one database agree on its existing_database."""
    files = spec_files(directory)
    if not files:
        raise SpecError(directory, [SpecIssue((), "no pipeline specs (*.yaml) found here")])
    specs: list[PipelineSpec] = []
    seen: dict[str, Path] = {}
    for file in files:
        spec = load(file, project_root, environments, require_generated=require_generated)
        if spec.name in seen:
            issue = SpecIssue(
                ("name",), f"pipeline '{spec.name}' is also declared in {seen[spec.name]}"
            )
            raise SpecError(file, _with_lines(file.read_text(encoding="utf-8"), [issue]))
        seen[spec.name] = file
        specs.append(spec)
    _check_database_ownership(files, specs)
    return specs


def _check_database_ownership(files: list[Path], specs: list[PipelineSpec]) -> None:
    mixed = mixed_ownership((str(file), spec) for file, spec in zip(files, specs, strict=True))
    if mixed is not None:
        file, issue = Path(mixed[0]), mixed[1]
        raise SpecError(file, _with_lines(file.read_text(encoding="utf-8"), [issue]))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError(path, [SpecIssue((), f"cannot read the file: {error}")]) from None


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        line = mark.line + 1 if mark else None
        where = f" (column {mark.column + 1})" if mark else ""
        message = f"malformed YAML{where}: {problem}{_yaml_hint(text, problem, mark)}"
        raise SpecError(path, [SpecIssue((), message, line)]) from None
    if not isinstance(raw, dict):
        found = "an empty file" if raw is None else f"a {type(raw).__name__}"
        raise SpecError(
            path,
            [
                SpecIssue(
                    (), f"expected a mapping with keys such as name, database, jobs; found {found}"
                )
            ],
        )
    return raw


def _yaml_hint(text: str, problem: str, mark: Any) -> str:
    """What usually causes PyYAML's terser complaints in a hand-written spec."""
    if "\t" in text:
        return "; the file has a tab character: YAML indents with spaces only"
    if "expected <block end>" in problem or "mapping values are not allowed" in problem:
        return (
            "; check the indentation of this line against the key above it (keys of one "
            "mapping line up, a nested block is indented further)"
        )
    return ""


def _check_scripts(spec: PipelineSpec, root: Path, require_generated: bool) -> list[SpecIssue]:
    return [
        SpecIssue(
            ("jobs", name, "script"),
            f"file '{job.script}' does not exist under {root}"
            + ("; run `gluestack generate` to write it" if job.transform else ""),
        )
        for name, job in spec.jobs.items()
        if not (root / job.script).is_file() and (require_generated or not job.transform)
    ]


def _with_lines(text: str, issues: list[SpecIssue]) -> list[SpecIssue]:
    return [SpecIssue(i.path, i.message, i.line or line_of(text, i.path)) for i in issues]
