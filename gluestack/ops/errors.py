"""Typed errors carrying what a person needs: resource, run id, state, Glue's message, logs."""

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

from botocore.exceptions import ClientError

_P = ParamSpec("_P")
_R = TypeVar("_R")


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

    def __init__(
        self, resource: str, identifier: str, last_state: str, waited: float, note: str = ""
    ) -> None:
        self.resource = resource
        self.identifier = identifier
        self.last_state = last_state
        self.waited_seconds = waited
        self.note = note
        after = f"; {note}" if note else ""
        super().__init__(
            f"{resource} '{identifier}' was still {last_state} after {waited:.0f}s "
            f"(deadline){after}"
        )


class ConcurrentRunsExceeded(GlueOpsError):
    """The job already runs as many runs as its MaxConcurrentRuns allows."""

    def __init__(self, job_name: str, detail: str) -> None:
        self.job_name = job_name
        super().__init__(
            f"Glue job '{job_name}' is at its concurrent-run limit ({detail}); wait for a run "
            "to end, attach to it (--when-busy attach), or raise max_concurrent_runs in the spec"
        )


class WorkflowRunFailed(GlueOpsError):
    """A workflow run ended STOPPED or ERROR, or one of its job or crawler nodes failed."""

    def __init__(self, result: Any) -> None:
        self.result = result
        failed = [f"{n.kind.lower()} {n.name} {n.state}" for n in result.nodes if n.failed]
        detail = f": {', '.join(failed)}" if failed else ""
        reason = f" ({result.error_message})" if result.error_message else ""
        super().__init__(
            f"Glue workflow '{result.workflow}' run {result.run_id} ended {result.status}"
            f"{reason}{detail}"
        )


class GlueRequestRefused(GlueOpsError):
    """Glue refused a request; code is Glue's error code (e.g. InvalidInputException)."""

    def __init__(self, message: str, code: str = "") -> None:
        self.code = code
        super().__init__(message)


class ResourceNotFound(GlueRequestRefused):
    """A job, crawler, workflow, table or run named by the caller does not exist."""


class InvalidRequest(GlueRequestRefused):
    """Glue found the request invalid (InvalidInputException, IllegalWorkflowStateException)."""


class LimitExceeded(GlueRequestRefused):
    """An account quota is reached (ResourceNumberLimitExceededException)."""


class AccessDenied(GlueRequestRefused):
    """The caller's credentials may not do this (AccessDeniedException)."""


_REFUSALS: dict[str, type[GlueRequestRefused]] = {
    "EntityNotFoundException": ResourceNotFound,
    "InvalidInputException": InvalidRequest,
    "IllegalWorkflowStateException": InvalidRequest,
    "ResourceNumberLimitExceededException": LimitExceeded,
    "AccessDeniedException": AccessDenied,
}


@contextmanager
def typed_refusals(resource: str, identifier: str) -> Iterator[None]:
    """Glue's refusals (ClientError) inside the block as typed errors naming what was asked."""
    try:
        yield
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        message = error.response.get("Error", {}).get("Message", "") or str(error)
        kind = _REFUSALS.get(code, GlueRequestRefused)
        if kind is ResourceNotFound:
            raise ResourceNotFound(
                f"{resource} '{identifier}' not found: {message}", code
            ) from None
        raise kind(f"{resource} '{identifier}': Glue refused ({code}): {message}", code) from None


def refusals_typed(
    resource: str, name_parameter: str
) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Decorate an ops function: Glue's refusals become typed errors naming the resource
    given as its name_parameter argument."""

    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        signature = inspect.signature(function)

        @functools.wraps(function)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            identifier = str(signature.bind_partial(*args, **kwargs).arguments.get(name_parameter))
            with typed_refusals(resource, identifier):
                return function(*args, **kwargs)

        return wrapper

    return decorate


class PartitionBatchFailed(GlueOpsError):
    """Glue rejected some partitions of a batch add or delete; the others were applied."""

    SHOWN = 10

    def __init__(
        self,
        operation: str,
        table: str,
        failures: list[tuple[tuple[str, ...], str, str]],
        attempted: int,
    ) -> None:
        self.operation = operation
        self.table = table
        self.failures = failures  # (partition values, Glue's error code, Glue's message)
        shown = "; ".join(
            f"[{', '.join(values)}] {code}: {message}"
            for values, code, message in failures[: self.SHOWN]
        )
        more = f"; and {len(failures) - self.SHOWN} more" if len(failures) > self.SHOWN else ""
        super().__init__(
            f"{operation} on Glue table '{table}' failed for {len(failures)} of {attempted} "
            f"partitions: {shown}{more}"
        )
