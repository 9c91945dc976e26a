"""`gluestack bookmark show|reset JOB`: what a job's bookmarked sources have processed."""

import json
from pathlib import Path
from typing import Annotated

import typer

from gluestack.cli.common import (
    OPERATION_ERRORS,
    EndpointOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    console,
    fail_operation,
    print_record,
    session,
)
from gluestack.local.glue_compat import BookmarkStore
from gluestack.local.records.workspace import Workspace
from gluestack.ops import glue_client
from gluestack.ops.bookmarks import job_bookmark, reset_job_bookmark

bookmark = typer.Typer(no_args_is_help=True, help="Job bookmarks.")

WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        help="A local workspace (e.g. .gluestack): its bookmarks instead of Glue's API.",
    ),
]


@bookmark.command("show")
def show(
    job_name: str,
    workspace: WorkspaceOption = None,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """The job's bookmark: Glue's entry, or the files each local source has processed."""
    if workspace is not None:
        _show_local(BookmarkStore(Workspace(workspace).bookmarks), job_name, as_json)
        return
    glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
    try:
        entry = job_bookmark(glue, job_name)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    print_record(entry, as_json)


@bookmark.command("reset")
def reset(
    job_name: str,
    run_id: Annotated[
        str | None, typer.Option(help="Reset to the state before this run (Glue API only).")
    ] = None,
    workspace: WorkspaceOption = None,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Forget what the job has processed, so its next run reads every input again."""
    if workspace is not None:
        BookmarkStore(Workspace(workspace).bookmarks).reset(job_name)
    else:
        glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
        try:
            reset_job_bookmark(glue, job_name, run_id)
        except OPERATION_ERRORS as error:
            fail_operation(error)
    console.print(f"bookmark of {job_name} reset: its next run reads every input")


def _show_local(store: BookmarkStore, job_name: str, as_json: bool) -> None:
    processed = store.all_processed(job_name)
    if as_json:
        typer.echo(json.dumps({"job_name": job_name, "sources": processed}, indent=2))
        return
    if not processed:
        console.print(f"{job_name} has no committed bookmark")
    for context, entry in processed.items():
        if isinstance(entry, dict):  # a JDBC source: how far its bookmark keys have read
            pairs = zip(entry["keys"], entry["last"], strict=True)
            keys = ", ".join(f"{key} = {value}" for key, value in pairs)
            console.print(f"[bold]{context}[/]: read up to {keys} ({entry['order']})")
        else:
            console.print(f"[bold]{context}[/]: {len(entry)} files processed")


def register(app: typer.Typer) -> None:
    app.add_typer(bookmark, name="bookmark")
