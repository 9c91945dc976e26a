"""awsglue.job: Job.init / Job.commit; commit is what advances job bookmarks."""

from typing import Any

from gluestack.local.glue_compat.runtime import current_runtime


class Job:
    """A job run: bookmarks read during it are recorded only by commit()."""

    def __init__(self, glue_context: Any) -> None:
        self.glue_context = glue_context
        self.name = ""

    def init(self, job_name: str, args: dict[str, str] | None = None) -> None:
        self.name = job_name
        self.glue_context.job_name = job_name

    def commit(self) -> None:
        if self.name and current_runtime().bookmarks_enabled:
            current_runtime().bookmarks.commit(self.name)
