"""Typed errors carrying what a person needs: resource, run id, state, Glue's message, logs."""


class GlueOpsError(Exception):
    """Base of every error the ops helpers raise."""


class JobRunFailed(GlueOpsError):
    """A job run ended in a state other than SUCCEEDED."""

    def __init__(
        self, job_name: str, run_id: str, state: str, error_message: str, log_group: str
    ) -> None:
        self.job_name = job_name
        self.run_id = run_id
        self.state = state
        self.error_message = error_message
        self.log_group = log_group
        reason = f": {error_message}" if error_message else ""
        super().__init__(
            f"Glue job '{job_name}' run {run_id} ended {state}{reason}. "
            f"Logs: {log_group} (stream {run_id})"
        )


class UnknownRunState(GlueOpsError):
    """Glue reported a run state this version of gluestack does not know."""

    def __init__(self, resource: str, identifier: str, state: str) -> None:
        self.state = state
        super().__init__(f"{resource} '{identifier}' reported unknown state '{state}'")


class CrawlerFailed(GlueOpsError):
    """A crawl ended FAILED or CANCELLED."""

    def __init__(self, crawler_name: str, status: str, error_message: str) -> None:
        self.crawler_name = crawler_name
        self.status = status
        self.error_message = error_message
        reason = f": {error_message}" if error_message else ""
        super().__init__(
            f"Glue crawler '{crawler_name}' crawl ended {status}{reason}. "
            f"Logs: /aws-glue/crawlers (stream {crawler_name})"
        )


class WaitDeadlineExceeded(GlueOpsError):
    """The wall-clock deadline passed before the resource reached a final state."""

    def __init__(self, resource: str, identifier: str, last_state: str, waited: float) -> None:
        self.resource = resource
        self.identifier = identifier
        self.last_state = last_state
        self.waited_seconds = waited
        super().__init__(
            f"{resource} '{identifier}' was still {last_state} after {waited:.0f}s (deadline)"
        )
