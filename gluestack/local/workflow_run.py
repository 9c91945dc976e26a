"""A pipeline's workflow run on local Spark, recorded in moto as Glue would record it."""

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import boto3

from gluestack.local.moto_workflow_runs import record_workflow_run_end
from gluestack.local.trigger_chain import Node, NodeOutcome, run_trigger_chain, workflow_triggers
from gluestack.ops import glue_client
from gluestack.ops.errors import WorkflowRunFailed
from gluestack.ops.stacks import PipelineManifest
from gluestack.ops.workflows import WorkflowRunResult, start_workflow_run, wait_for_workflow_run

NodeRunner = Callable[[Node], tuple[str, str]]
# The chain has ended when the run is read back, so the first poll sees the end.
READ_BACK_DEADLINE_SECONDS = 60


@dataclass(frozen=True)
class LocalWorkflowRun:
    """The run as the Glue API reports it, and each node's outcome with its seconds."""

    result: WorkflowRunResult
    outcomes: list[NodeOutcome]

    @property
    def succeeded(self) -> bool:
        return all(outcome.state == "SUCCEEDED" for outcome in self.outcomes)


def run_workflow_locally(
    session: boto3.Session,
    account: str,
    manifest: PipelineManifest,
    run_node: NodeRunner,
    run_properties: Mapping[str, str] | None = None,
) -> LocalWorkflowRun:
    """Start the workflow's run in moto, walk its triggers running each node, record the end."""
    glue = glue_client(session)
    run_id = start_workflow_run(glue, manifest.workflow, run_properties)
    outcomes = run_trigger_chain(
        workflow_triggers(glue, manifest.workflow), run_node, time.perf_counter
    )
    region = session.region_name or "us-east-1"
    record_workflow_run_end(account, region, manifest.workflow, run_id, outcomes)
    try:
        result = wait_for_workflow_run(
            glue, manifest.workflow, run_id, deadline_seconds=READ_BACK_DEADLINE_SECONDS
        )
    except WorkflowRunFailed as failed:
        result = failed.result
    return LocalWorkflowRun(result, outcomes)
