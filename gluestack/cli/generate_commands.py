"""`gluestack generate`: write the scripts of transform jobs; `--check` fails when one is stale."""

from pathlib import Path
from typing import Annotated

import typer

from gluestack.cli.common import SPEC_ERROR_EXIT, ProjectOption, console, errors, fail
from gluestack.codegen.generated_files import (
    GeneratedScript,
    ScriptState,
    generated_scripts,
    write_script,
)
from gluestack.spec import SpecError, load


def generate(
    pipeline: Annotated[str | None, typer.Argument(help="One pipeline; default: all.")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a script is not current.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite scripts edited by hand too.")
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Generate glue_scripts/generated/JOB.py for every job with a transform."""
    scripts = _scripts(project, pipeline)
    if check:
        stale = [s for s in scripts if s.state is not ScriptState.CURRENT]
        for script in stale:
            errors.print(
                f"{script.path}: {script.state}", markup=False, highlight=False, soft_wrap=True
            )
        if stale:
            fail("generated scripts are not current: run `gluestack generate`")
        console.print(f"{len(scripts)} generated script(s) current")
        return
    edited = [s for s in scripts if s.state is ScriptState.EDITED]
    if edited and not force:
        for script in edited:
            errors.print(script.diff(), markup=False, highlight=False, soft_wrap=True)
        names = ", ".join(str(s.path) for s in edited)
        fail(
            f"{names}: edited by hand since generated; the diff above is what generate would "
            "write. Move your change into the spec's transform, or rerun with --force"
        )
    for script in scripts:
        if script.state is ScriptState.CURRENT:
            done = "up to date"
        else:
            write_script(script)
            done = f"wrote ({_WRITTEN_BECAUSE[script.state]})"
        console.print(f"{script.path}: {done}", markup=False, highlight=False, soft_wrap=True)


# Why a script was (re)written, as the user reads it after `generate`.
_WRITTEN_BECAUSE = {
    ScriptState.MISSING: "it did not exist",
    ScriptState.STALE: "the spec changed",
    ScriptState.EDITED: "--force: your edits were replaced",
}


def _scripts(project: Path, pipeline: str | None) -> list[GeneratedScript]:
    files = sorted(
        [*(project / "pipelines").glob("*.yaml"), *(project / "pipelines").glob("*.yml")]
    )
    scripts: list[GeneratedScript] = []
    found = False
    for file in files:
        try:
            spec = load(file, project, require_generated=False)
        except SpecError as error:
            fail(error, SPEC_ERROR_EXIT)
        if pipeline is None or spec.name == pipeline:
            found = True
            scripts += generated_scripts(spec, file, project)
    if pipeline is not None and not found:
        fail(f"no pipeline named '{pipeline}' in {project / 'pipelines'}", SPEC_ERROR_EXIT)
    return scripts


def register(app: typer.Typer) -> None:
    app.command()(generate)
