"""`gluestack bookmark show|reset`: Glue's API, or a local workspace where moto has none."""

import json
from pathlib import Path

from gluestack.local.cdk_out.deploy import DeployedApp
from gluestack.local.glue_compat import BookmarkStore
from gluestack.local.records.workspace import Workspace
from tests.cli.conftest import gluestack


def test_moto_has_no_bookmark_api_and_the_error_says_where_local_ones_are(
    deployed: DeployedApp,
) -> None:
    shown = gluestack("bookmark", "show", "flights-dev-clean")
    assert shown.exit_code == 1
    assert "does not implement Glue's get_job_bookmark" in shown.output
    assert ".gluestack/bookmarks/JOB.json" in shown.output


def test_a_workspace_bookmark_is_shown_and_reset(tmp_path: Path) -> None:
    store = BookmarkStore(Workspace(tmp_path).bookmarks)
    store.mark_read("clean", "flights_source", ["s3://raw/flights/a.csv", "s3://raw/flights/b.csv"])
    store.commit("clean")
    shown = gluestack("bookmark", "show", "clean", "--workspace", str(tmp_path), "--json")
    assert json.loads(shown.output)["sources"] == {
        "flights_source": ["s3://raw/flights/a.csv", "s3://raw/flights/b.csv"]
    }
    reset = gluestack("bookmark", "reset", "clean", "--workspace", str(tmp_path))
    assert reset.exit_code == 0, reset.output
    assert store.processed("clean", "flights_source") == set()


def test_a_jdbc_sources_position_is_shown_beside_file_sources(tmp_path: Path) -> None:
    store = BookmarkStore(Workspace(tmp_path).bookmarks)
    store.mark_read("clean", "flights_source", ["s3://raw/flights/a.csv"])
    store.mark_position("clean", "events", {"keys": ["day", "seq"], "order": "asc", "last": [2, 1]})
    store.commit("clean")
    shown = gluestack("bookmark", "show", "clean", "--workspace", str(tmp_path))
    assert shown.exit_code == 0, shown.output
    assert "flights_source: 1 files processed" in shown.output
    assert "events: read up to day = 2, seq = 1 (asc)" in shown.output
    assert store.processed("clean", "events") == set()  # a position is not a list of files
