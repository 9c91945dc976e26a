"""Show and reset a job's bookmark: what its bookmarked sources have already processed."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gluestack.ops.errors import GlueOpsError, refusals_typed

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient


@dataclass(frozen=True)
class JobBookmark:
    """Glue's bookmark entry for a job (None fields: the job has no bookmark yet)."""

    job_name: str
    run: int | None
    attempt: int | None
    run_id: str | None
    state: str | None


@refusals_typed("Glue job", "job_name")
def job_bookmark(glue: "GlueClient", job_name: str) -> JobBookmark:
    """The job's bookmark; a job that never committed one has an empty bookmark."""
    try:
        entry = _call(glue, "get_job_bookmark", JobName=job_name)["JobBookmarkEntry"]
    except glue.exceptions.EntityNotFoundException:
        return JobBookmark(job_name, None, None, None, None)
    return JobBookmark(
        job_name,
        entry.get("Run"),
        entry.get("Attempt"),
        entry.get("RunId"),
        entry.get("JobBookmark"),
    )


@refusals_typed("Glue job", "job_name")
def reset_job_bookmark(glue: "GlueClient", job_name: str, run_id: str | None = None) -> None:
    """Forget what the job has processed (up to run_id when given), so the next run rereads."""
    request = {"JobName": job_name, **({"RunId": run_id} if run_id else {})}
    _call(glue, "reset_job_bookmark", **request)


def _call(glue: "GlueClient", operation: str, **request: Any) -> Any:
    try:
        return getattr(glue, operation)(**request)
    except NotImplementedError:
        raise GlueOpsError(
            f"this endpoint does not implement Glue's {operation} (moto does not); offline, "
            "bookmarks live in the workspace: .gluestack/bookmarks/JOB.json"
        ) from None
