"""Which workflow run, through which trigger, a job run or crawl is being started for."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class WorkflowStart:
    """A node started by a workflow run's trigger."""

    workflow: str
    run_id: str
    trigger: str


_starting: ContextVar[WorkflowStart | None] = ContextVar("gluestack_workflow_start", default=None)


@contextmanager
def starting_for(start: WorkflowStart) -> Iterator[None]:
    """Job runs and crawls started inside the block belong to start's workflow run."""
    token = _starting.set(start)
    try:
        yield
    finally:
        _starting.reset(token)


def current_start() -> WorkflowStart | None:
    return _starting.get()
