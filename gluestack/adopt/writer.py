"""Write an import: pipelines/<name>.yaml and glue_scripts/imported/<job>.py, all or nothing.

Everything is written into a temporary folder of the project first and each spec loaded from
there with the real loader; only then are the files moved into place. Existing files are never
replaced without `force`.
"""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gluestack.adopt.context import IMPORTED_SCRIPTS
from gluestack.adopt.importer import ImportPlan
from gluestack.adopt.pipeline_to_spec import PipelineDraft
from gluestack.adopt.report import ImportReport
from gluestack.adopt.scripts import Script, missing_script_stub
from gluestack.spec.errors import SpecError
from gluestack.spec.loader import load

SPEC_FOLDER = "pipelines"


class WouldOverwrite(Exception):
    """Files of the import exist already (and force was not given)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        shown = ", ".join(str(p) for p in paths[:5]) + (" ..." if len(paths) > 5 else "")
        super().__init__(f"would overwrite {shown}; pass --force to replace them")


@dataclass(frozen=True)
class Origin:
    """Where the estate was read, for the header of each written spec."""

    account: str
    region: str
    endpoint_url: str | None = None

    def header(self) -> str:
        where = f"account {self.account}, region {self.region}"
        if self.endpoint_url:
            where += f", endpoint {self.endpoint_url}"
        return (
            f"# Imported by `gluestack import` from AWS Glue ({where}).\n"
            "# Settings the spec does not type are kept in `arguments` / `unmodeled`; see the\n"
            "# import report for what was replaced by gluestack's own or not imported.\n"
        )


def write_import(
    plan: ImportPlan,
    scripts: dict[str, Script],
    project: Path,
    out: Path,
    origin: Origin,
    *,
    force: bool = False,
    environments: list[str] | None = None,
) -> ImportReport:
    """Write every draft that loads; record written files, missing scripts and refusals."""
    report = plan.report
    targets = {d.key: _files(d, project, out) for d in plan.drafts}
    existing = [path for files in targets.values() for path in files if path.exists()]
    if existing and not force:
        raise WouldOverwrite(existing)
    project.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".gluestack-import-", dir=project))
    try:
        accepted: list[tuple[Path, Path]] = []
        for draft in plan.drafts:
            staged = _stage(draft, scripts, staging, origin, report)
            try:
                load(staged[0], staging, environments)
            except SpecError as error:
                # Named as the file it would have been, not the staging copy.
                message = str(error).replace(str(staged[0]), str(targets[draft.key][0]))
                report.add(
                    "not_imported",
                    "pipeline",
                    draft.key,
                    pipeline=draft.key,
                    detail=f"the spec does not load: {message}",
                )
                continue
            accepted += list(zip(staged, targets[draft.key], strict=True))
        for source, destination in accepted:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, destination)
            report.written.append(_shown(destination, project))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def spec_text(spec: dict[str, Any], origin: Origin) -> str:
    """The YAML of one spec, keys in the order built, after the header comment."""
    body = yaml.safe_dump(
        spec, sort_keys=False, default_flow_style=False, allow_unicode=True, width=100
    )
    return origin.header() + body


def _files(draft: PipelineDraft, project: Path, out: Path) -> list[Path]:
    scripts = [project / IMPORTED_SCRIPTS / f"{job}.py" for job in draft.scripts]
    return [out / f"{draft.key}.yaml", *scripts]


def _stage(
    draft: PipelineDraft,
    scripts: dict[str, Script],
    staging: Path,
    origin: Origin,
    report: ImportReport,
) -> list[Path]:
    spec_file = staging / SPEC_FOLDER / f"{draft.key}.yaml"
    spec_file.parent.mkdir(parents=True, exist_ok=True)
    spec_file.write_text(spec_text(draft.spec, origin), encoding="utf-8")
    staged = [spec_file]
    for job, location in draft.scripts.items():
        script = scripts.get(location) or Script(location, None, "not read")
        path = staging / IMPORTED_SCRIPTS / f"{job}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        if script.text is None:
            path.write_text(missing_script_stub(location, script.problem), encoding="utf-8")
            report.add(
                "missing_script",
                "job",
                draft.job_names.get(job, job),
                pipeline=draft.key,
                field=f"jobs.{job}.script",
                value=location,
                detail=f"{script.problem}; written as a stub that fails at once",
            )
        else:
            path.write_text(script.text, encoding="utf-8")
        staged.append(path)
    return staged


def _shown(path: Path, project: Path) -> str:
    try:
        return str(path.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(path)
