"""`gluestack init DIR`: a new project, laid out as this repository, on gluestack's public API."""

from pathlib import Path
from typing import Annotated

import typer

from gluestack.cli.common import USAGE_EXIT, console, fail
from gluestack.scaffold import InitError, init_project


def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the project in.")],
    name: Annotated[
        str | None,
        typer.Option("--name", help="The first pipeline's name (default: the folder's name)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder that is not empty.")
    ] = False,
) -> None:
    """Write a project: cdk.json, app.py, stacks/, a pipeline, its script, tests, pyproject."""
    pipeline = name or directory.resolve().name.lower().replace(" ", "-")
    try:
        written = init_project(directory, pipeline, force=force)
    except InitError as error:
        fail(error, USAGE_EXIT)
    for path in written:
        console.print(f"wrote {directory / path}", markup=False, highlight=False)
    console.print(
        f"next: cd {directory} && pip install -e . && make test && make demo",
        markup=False,
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command()(init)
