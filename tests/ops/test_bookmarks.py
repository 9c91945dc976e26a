"""Show and reset a job's bookmark through Glue's API (moto has none: Stubber plays Glue)."""

from typing import Any

import pytest
from botocore.stub import Stubber

from gluestack.ops import GlueOpsError
from gluestack.ops.bookmarks import job_bookmark, reset_job_bookmark


def test_a_bookmark_entry_is_reported(stubbed_glue: tuple[Any, Stubber]) -> None:
    glue, stubber = stubbed_glue
    entry = {"JobName": "etl", "Run": 3, "Attempt": 0, "RunId": "jr_3", "JobBookmark": "{}"}
    stubber.add_response("get_job_bookmark", {"JobBookmarkEntry": entry}, {"JobName": "etl"})
    bookmark = job_bookmark(glue, "etl")
    assert (bookmark.run, bookmark.run_id, bookmark.state) == (3, "jr_3", "{}")


def test_a_job_that_never_committed_has_an_empty_bookmark(
    stubbed_glue: tuple[Any, Stubber],
) -> None:
    glue, stubber = stubbed_glue
    stubber.add_client_error("get_job_bookmark", "EntityNotFoundException", "no bookmark")
    assert job_bookmark(glue, "etl").run is None


def test_reset_passes_the_run_to_reset_to(stubbed_glue: tuple[Any, Stubber]) -> None:
    glue, stubber = stubbed_glue
    stubber.add_response("reset_job_bookmark", {}, {"JobName": "etl", "RunId": "jr_2"})
    stubber.add_response("reset_job_bookmark", {}, {"JobName": "etl"})
    reset_job_bookmark(glue, "etl", "jr_2")
    reset_job_bookmark(glue, "etl")


def test_an_endpoint_without_bookmarks_gets_a_pointer_not_a_crash(aws: Any) -> None:
    with pytest.raises(GlueOpsError, match=r"\.gluestack/bookmarks/JOB\.json"):
        reset_job_bookmark(aws.client("glue"), "etl")
