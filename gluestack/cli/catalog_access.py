"""The Glue catalog a command reads: an account's, or the one an offline run left behind."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from gluestack.cli.common import fail, session
from gluestack.local.records.workspace import Workspace
from gluestack.ops import glue_client

OfflineCatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        help="Read the offline catalog `gluestack local run` left in this workspace "
        "(e.g. .gluestack), with no account running.",
    ),
]


@contextmanager
def catalog_client(
    endpoint_url: str | None, region: str | None, profile: str | None, workspace: Path | None
) -> Iterator[Any]:
    """The catalog of an account, or with --workspace the one an offline run left there."""
    if workspace is None:
        yield glue_client(session(profile, region, endpoint_url), endpoint_url)
        return
    from gluestack.local.offline import offline_account
    from gluestack.local.records.catalog_snapshot import NoOfflineCatalog, restore_catalog

    with offline_account() as offline:
        glue = glue_client(offline)
        try:
            restore_catalog(glue, Workspace(workspace))
        except NoOfflineCatalog as error:
            fail(error)
        yield glue
