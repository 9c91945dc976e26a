"""Run a pipeline's workflow: start it with run properties, wait, report every node's state."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gluestack.ops.errors import (
    UnknownRunState,
    WaitDeadlineExceeded,
    WorkflowRunFailed,
    refusals_typed,
)
from gluestack.ops.polling import DEFAULT_SCHEDULE, Clock, Deadline, PollSchedule, SystemClock
from gluestack.ops.states import CRAWL_FAILED, CRAWL_STATUS_ALIASES, JOB_FAILED

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import (
        NodeTypeDef,
        StartWorkflowRunRequestTypeDef,
        WorkflowRunTypeDef,
    )

WORKFLOW_IN_PROGRESS = frozenset({"RUNNING", "STOPPING"})
WORKFLOW_ENDED = frozenset({"COMPLETED", "STOPPED", "ERROR"})


@dataclass(frozen=True)
class NodeState:
    """A job or crawler node of a workflow run and the state of its latest run or crawl."""

    kind: str  # JOB or CRAWLER
    name: str
    state: str
    error_message: str = ""

    @property
    def failed(self) -> bool:
        return self.state in JOB_FAILED or self.state in CRAWL_FAILED


@dataclass(frozen=True)
class WorkflowRunResult:
    workflow: str
    run_id: str
    status: str
    properties: dict[str, str]
    nodes: list[NodeState]
    error_message: str = ""


@refusals_typed("Glue workflow", "workflow")
def start_workflow_run(
    glue: "GlueClient", workflow: str, run_properties: Mapping[str, str] | None = None
) -> str:
    """Start a run; run_properties overlay the workflow's default run properties."""
    request: StartWorkflowRunRequestTypeDef = {"Name": workflow}
    if run_properties:
        request["RunProperties"] = dict(run_properties)
    run_id: str = glue.start_workflow_run(**request)["RunId"]
    return run_id


@refusals_typed("Glue workflow", "workflow")
def wait_for_workflow_run(
    glue: "GlueClient",
    workflow: str,
    run_id: str,
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
    on_poll: Callable[[str, float], None] | None = None,
) -> WorkflowRunResult:
    """Poll until COMPLETED (every node succeeded: returns) or STOPPED / ERROR / a node failed."""
    deadline = Deadline(clock or SystemClock(), deadline_seconds)
    intervals = schedule.intervals()
    while True:
        run = glue.get_workflow_run(Name=workflow, RunId=run_id, IncludeGraph=True)["Run"]
        status = run["Status"]
        if on_poll:
            on_poll(status, deadline.elapsed)
        if status in WORKFLOW_ENDED:
            result = workflow_run_result(workflow, run)
            if status != "COMPLETED" or any(node.failed for node in result.nodes):
                raise WorkflowRunFailed(result)
            return result
        if status not in WORKFLOW_IN_PROGRESS:
            raise UnknownRunState("Glue workflow run", f"{workflow}/{run_id}", status)
        if deadline.remaining <= 0:
            raise WaitDeadlineExceeded(
                "Glue workflow run", f"{workflow}/{run_id}", status, deadline.elapsed
            )
        deadline.sleep(next(intervals))


def workflow_run_result(workflow: str, run: "WorkflowRunTypeDef") -> WorkflowRunResult:
    """A result from GetWorkflowRun's Run (with IncludeGraph for the nodes)."""
    nodes = [
        node
        for graph_node in run.get("Graph", {}).get("Nodes", [])
        if (node := _node_state(graph_node))
    ]
    return WorkflowRunResult(
        workflow=workflow,
        run_id=run["WorkflowRunId"],
        status=run["Status"],
        properties=run.get("WorkflowRunProperties", {}),
        nodes=nodes,
        error_message=run.get("ErrorMessage", ""),
    )


def _node_state(node: "NodeTypeDef") -> NodeState | None:
    if node.get("Type") == "JOB":
        runs = node.get("JobDetails", {}).get("JobRuns", [])
        last_run = runs[-1] if runs else {}
        state = last_run.get("JobRunState", "NOT_STARTED")
        return NodeState("JOB", node["Name"], state, last_run.get("ErrorMessage", ""))
    if node.get("Type") == "CRAWLER":
        crawls = node.get("CrawlerDetails", {}).get("Crawls", [])
        last_crawl = crawls[-1] if crawls else {}
        state = last_crawl.get("State", "NOT_STARTED")
        return NodeState(
            "CRAWLER",
            node["Name"],
            CRAWL_STATUS_ALIASES.get(state, state),
            last_crawl.get("ErrorMessage", ""),
        )
    return None
