"""`gluestack generate`: write the scripts of transform jobs; `--check` fails when one is stale."""

from pathlib import Path
from typing import Annotated

import typer
from ruamel.yaml.error import YAMLError

from gluestack.cli.catalog_access import OfflineCatalogOption, catalog_client
from gluestack.cli.common import (
    OPERATION_ERRORS,
    SPEC_ERROR_EXIT,
    USAGE_EXIT,
    EndpointOption,
    ProfileOption,
    ProjectOption,
    RegionOption,
    console,
    errors,
    fail,
)
from gluestack.codegen.generated_files import (
    GeneratedScript,
    ScriptState,
    generated_scripts,
    write_script,
)
from gluestack.ops.catalog import describe_table
from gluestack.spec import SpecError, load
from gluestack.spec.loader import spec_files
from gluestack.spec.source_columns import sources_reading, staged_source_columns


def generate(
    pipeline: Annotated[str | None, typer.Argument(help="One pipeline; default: all.")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a script is not current.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite scripts edited by hand too.")
    ] = False,
    project: ProjectOption = Path("."),
    from_catalog: Annotated[
        str | None,
        typer.Option(
            "--from-catalog",
            metavar="DB.TABLE",
            help="First write the crawled table's columns into every transform source that "
            "reads it (the spec keeps its comments), then generate.",
        ),
    ] = None,
    workspace: OfflineCatalogOption = None,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Generate glue_scripts/generated/JOB.py for every job with a transform."""
    if from_catalog is not None:
        if check:
            fail("--check writes nothing; it cannot take --from-catalog", USAGE_EXIT)
        _columns_from_catalog(
            project, pipeline, from_catalog, (endpoint_url, region, profile, workspace)
        )
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
    files = spec_files(project / "pipelines")
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


def _columns_from_catalog(
    project: Path,
    pipeline: str | None,
    table_ref: str,
    account: tuple[str | None, str | None, str | None, Path | None],
) -> None:
    """Write DB.TABLE's columns (partition keys too) into the sources that read TABLE."""
    database, _, table = table_ref.partition(".")
    if not database or not table:
        fail(f"--from-catalog '{table_ref}': name the table as DATABASE.TABLE", USAGE_EXIT)
    try:
        with catalog_client(*account) as glue:
            detail = describe_table(glue, database, table)
    except OPERATION_ERRORS as error:
        fail(error)
    columns = {column.name: column.type for column in detail.columns}
    staged: dict[Path, Path] = {}
    try:
        for file in spec_files(project / "pipelines"):
            targets = sources_reading(file, table, pipeline)
            if targets:
                staged[file] = staged_source_columns(file, project, targets, columns)
                for job, source in targets:
                    console.print(
                        f"{file}: jobs.{job}.transform.sources.{source}.columns: "
                        f"{len(columns)} columns from {table_ref}",
                        markup=False, highlight=False, soft_wrap=True,
                    )  # fmt: skip
    except (YAMLError, SpecError) as error:
        for text in staged.values():
            text.unlink()
        fail(error, SPEC_ERROR_EXIT)
    if not staged:
        fail(f"no transform source reads the table '{table}'", SPEC_ERROR_EXIT)
    for file, text in staged.items():
        text.replace(file)


def register(app: typer.Typer) -> None:
    app.command()(generate)
