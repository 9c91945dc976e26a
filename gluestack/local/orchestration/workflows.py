"""Workflow runs that run: StartWorkflowRun fires the starting trigger, then each conditional
trigger of the workflow fires once its predicate holds for this run's nodes, as in
https://docs.aws.amazon.com/glue/latest/dg/workflows_overview.html. The run is COMPLETED
(even when a node failed, as Glue does) once no node is running and no trigger can fire.

Jobs started by a workflow receive --WORKFLOW_NAME and --WORKFLOW_RUN_ID, which scripts use to
read and write the run's properties:
https://docs.aws.amazon.com/glue/latest/dg/workflow-run-properties-code.html
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gluestack.local.moto_extensions.workflow_runs import record_workflow_run_end
from gluestack.local.orchestration.start_context import WorkflowStart, starting_for
from gluestack.local.orchestration.trigger_actions import start_action
from gluestack.local.orchestration.trigger_chain import (
    STARTING_TYPES,
    Node,
    NodeOutcome,
    action_node,
    predicate_holds,
)


@dataclass
class WorkflowRunProgress:
    """One workflow run's nodes: what ran, what runs, which triggers fired."""

    backend: Any
    workflow: str
    run_id: str
    triggers: list[dict[str, Any]]
    states: dict[Node, str] = field(default_factory=dict)
    running: dict[Node, float] = field(default_factory=dict)
    fired: set[str] = field(default_factory=set)
    outcomes: list[NodeOutcome] = field(default_factory=list)


NodeListener = Callable[[Node, str, str], None]  # node, state, detail


@dataclass
class WorkflowEngine:
    """Follows every workflow run of the offline account.

    finished keeps each ended run's node outcomes (with gluestack's run-report details) for the
    in-process clients that print them; listeners hear of each node as it ends.
    """

    # Writes how a run ended into moto (its graph, statistics, COMPLETED).
    record_end: Callable[[str, str, str, str, list[NodeOutcome]], None] = record_workflow_run_end
    runs: dict[str, WorkflowRunProgress] = field(default_factory=dict)
    finished: dict[str, list[NodeOutcome]] = field(default_factory=dict)
    listeners: list[NodeListener] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def start(self, backend: Any, workflow: str, run_id: str) -> None:
        """Fire the workflow's starting trigger for a new run."""
        # As the API shows them: moto keeps actions and predicates as objects of its own.
        triggers = [t.as_dict() for t in backend.triggers.values() if t.workflow_name == workflow]
        progress = WorkflowRunProgress(backend, workflow, run_id, triggers)
        with self.lock:
            self.runs[run_id] = progress
            starts = [t for t in triggers if t["Type"] in STARTING_TYPES]
            for trigger in starts[:1]:
                self._fire(progress, trigger)
            self._complete_if_done(progress)

    def node_ended(self, start: WorkflowStart, node: Node, state: str, detail: str) -> None:
        """A node of a workflow run ended: fire what now holds, complete the run when idle."""
        with self.lock:
            progress = self.runs.get(start.run_id)
            if progress is None:
                return
            began = progress.running.pop(node, time.monotonic())
            progress.states[node] = state
            outcome = NodeOutcome(node, state, start.trigger, time.monotonic() - began, detail)
            progress.outcomes.append(outcome)
            for listener in self.listeners:
                listener(node, state, detail)
            for trigger in progress.triggers:
                if (
                    trigger["Type"] == "CONDITIONAL"
                    and trigger["Name"] not in progress.fired
                    and predicate_holds(trigger["Predicate"], progress.states)
                ):
                    self._fire(progress, trigger)
            self._complete_if_done(progress)

    def _fire(self, progress: WorkflowRunProgress, trigger: dict[str, Any]) -> None:
        progress.fired.add(trigger["Name"])
        start = WorkflowStart(progress.workflow, progress.run_id, trigger["Name"])
        for action in trigger["Actions"]:
            node = action_node(action)
            progress.running[node] = time.monotonic()
            try:
                with starting_for(start):
                    start_action(progress.backend, action, _run_arguments(start))
            except Exception as error:  # e.g. ConcurrentRunsExceededException
                self.node_ended(start, node, "FAILED", f"{type(error).__name__}: {error}")

    def _complete_if_done(self, progress: WorkflowRunProgress) -> None:
        if progress.running:
            return
        backend = progress.backend
        self.record_end(
            backend.account_id, backend.region_name, progress.workflow, progress.run_id,
            progress.outcomes,
        )  # fmt: skip
        self.finished[progress.run_id] = progress.outcomes
        self.runs.pop(progress.run_id, None)


def _run_arguments(start: WorkflowStart) -> dict[str, str]:
    """What a job started by a workflow run receives to reach the run's properties."""
    return {"--WORKFLOW_NAME": start.workflow, "--WORKFLOW_RUN_ID": start.run_id}
