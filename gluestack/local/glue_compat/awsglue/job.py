"""awsglue.job: Job.init / Job.commit; commit is what advances job bookmarks."""

from typing import Any


class Job:
    """A job run: bookmarks read during it are recorded only by commit()."""

    @classmethod
    def continuation_options(cls) -> list[str]:
        """The old --continuation-option and its values, in job_bookmark_options' order."""
        return [
            "--continuation-option",
            "continuation-enabled",
            "continuation-readonly",
            "continuation-ignore",
        ]

    @classmethod
    def job_bookmark_options(cls) -> list[str]:
        """--job-bookmark-option and its values."""
        return [
            "--job-bookmark-option",
            "job-bookmark-enable",
            "job-bookmark-pause",
            "job-bookmark-disable",
        ]

    @classmethod
    def job_bookmark_range_options(cls) -> list[str]:
        """The run-id bounds a paused bookmark may be given."""
        return ["--job-bookmark-from", "--job-bookmark-to"]

    @classmethod
    def id_params(cls) -> list[str]:
        """The arguments that name the job and its run."""
        return ["--JOB_NAME", "--JOB_ID", "--JOB_RUN_ID", "--SECURITY_CONFIGURATION"]

    @classmethod
    def encryption_type_options(cls) -> list[str]:
        """--encryption-type and its values."""
        return ["--encryption-type", "sse-s3"]

    @classmethod
    def data_lineage_options(cls) -> list[str]:
        """--enable-data-lineage."""
        return ["--enable-data-lineage"]

    def __init__(self, glue_context: Any) -> None:
        self.glue_context = glue_context
        self.name = ""

    def init(self, job_name: str, args: dict[str, str] | None = None) -> None:
        self.name = job_name
        self.glue_context.job_name = job_name

    def commit(self) -> None:
        """Record what this run's sources read; a paused bookmark does not advance.

        https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html (job-bookmark-pause)
        """
        runtime = self.glue_context.runtime
        if self.name and runtime.bookmarks_advance:
            runtime.bookmarks.commit(self.name)
