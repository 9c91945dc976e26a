"""What a job run and a crawl the executor runs have in common: state only the executor moves."""

import threading

from gluestack.local.orchestration.start_context import WorkflowStart, current_start


class Executed:
    """Mixed into moto's run and crawl records: status is what the executor set, never advanced.

    moto's records advance their own state on every read (ManagedState); these move only when
    the process running them does.
    """

    def start_executing(self, state: str) -> None:
        self.state = state
        self.error_message = ""
        self.stop_requested = threading.Event()
        self.workflow_start: WorkflowStart | None = current_start()
        self.report = ""  # what gluestack's run reports say of a success (rows, tables)

    @property
    def status(self) -> str:
        return self.state

    @status.setter
    def status(self, value: str) -> None:
        self.state = value

    def advance(self) -> None:
        """Reads do not move an executed run or crawl."""
