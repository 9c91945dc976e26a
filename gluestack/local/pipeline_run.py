"""`gluestack local run PIPELINE`: deploy into the offline account, run its workflow there.

The run goes through the offline Glue service, as any client's would: StartWorkflowRun, then
the service runs each node (every job in a process of its own) and the run is waited for with
gluestack.ops. The workspace outlives the run: its bucket folders hold the inputs (and what
earlier runs wrote), its bookmarks and its catalog, so a rerun with no new input processes
nothing new and a re-crawl meets the tables earlier crawls made.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import boto3

from gluestack.local.cdk_out.deploy import DeployedApp, deploy_assembly
from gluestack.local.jdbc.offline_databases import OfflineDatabases, offline_databases
from gluestack.local.offline import offline_account
from gluestack.local.orchestration.trigger_chain import Node, NodeOutcome
from gluestack.local.records import local_s3
from gluestack.local.records.catalog_snapshot import (
    NoOfflineCatalog,
    restore_catalog,
    save_catalog,
)
from gluestack.local.records.quality_snapshot import restore_results, save_results
from gluestack.local.records.workspace import Workspace
from gluestack.local.service import executing_glue
from gluestack.local.service.executing import JobExecutor
from gluestack.ops import client, glue_client, pipeline_manifest
from gluestack.ops.data_quality import (
    EvaluationRunFailed,
    QualityResult,
    evaluate_rulesets,
    pipeline_rulesets,
    quality_results,
)
from gluestack.ops.errors import WorkflowRunFailed
from gluestack.ops.polling import PollSchedule
from gluestack.ops.stacks import PipelineManifest, StackNotFound
from gluestack.ops.workflows import WorkflowRunResult, start_workflow_run, wait_for_workflow_run
from gluestack.spec.names import pipeline_stack_name

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

OnNode = Callable[[Node, str, str], None]  # node, state, detail
WORKFLOW_DEADLINE_SECONDS = 4 * 3600
EVALUATION_DEADLINE_SECONDS = 3600
# The account is in this process: reading a run's state is cheap, so poll often.
LOCAL_POLLING = PollSchedule(first_seconds=0.25, factor=1.3, cap_seconds=2.0)


class PipelineNotDeployed(LookupError):
    """The synthesized app has no stack for the pipeline asked for."""


@dataclass(frozen=True)
class LocalWorkflowRun:
    """The run as the Glue API reports it, each node's outcome with its seconds, and the data
    quality results of the run: what its jobs' EvaluateDataQuality published, and an evaluation
    of the deployed rulesets of each table a job that succeeded writes."""

    result: WorkflowRunResult
    outcomes: list[NodeOutcome]
    quality: list[QualityResult] = field(default_factory=list)
    quality_errors: list[str] = field(default_factory=list)

    @property
    def succeeded(self) -> bool:
        return all(outcome.state == "SUCCEEDED" for outcome in self.outcomes)


@dataclass(frozen=True)
class OfflineApp:
    """The app deployed into an executing offline account over a workspace."""

    session: boto3.Session
    app: DeployedApp
    executor: JobExecutor
    databases: OfflineDatabases
    # The pipelines run in it, whose data quality results outlive it with their manifests.
    manifests: list[PipelineManifest] = field(default_factory=list)


@contextmanager
def executing_app(cdk_out: Path, workspace: Workspace) -> Iterator[OfflineApp]:
    """Deploy cdk_out into an offline account whose runs execute: the workspace's files in S3,
    its catalog and results restored, its deployed connections' databases stood in for."""
    with (
        offline_account() as session,
        executing_glue(workspace, count_rows=True) as executor,
    ):
        app = deploy_assembly(cdk_out, session)
        local_s3.push(client(session, "s3"), workspace.s3_root)  # what earlier runs left
        glue = glue_client(session)
        with suppress(NoOfflineCatalog):  # a first run: no catalog saved yet
            restore_catalog(glue, workspace)
        restore_results(session, workspace)
        with offline_databases(
            glue, client(session, "secretsmanager"), workspace.databases
        ) as databases:
            executor.jdbc_routes.update(databases.routes)
            offline = OfflineApp(session, app, executor, databases)
            yield offline
            executor.wait_idle(60)
        save_catalog(glue, workspace)
        save_results(glue, workspace, offline.manifests)


def run_workflow(
    offline: OfflineApp,
    manifest: PipelineManifest,
    run_properties: Mapping[str, str] | None = None,
    on_node: OnNode | None = None,
) -> LocalWorkflowRun:
    """Start the pipeline's workflow run through the API and wait for it with gluestack.ops."""
    glue = glue_client(offline.session)
    engine = offline.executor.workflows
    started = datetime.now(UTC)
    offline.manifests.append(manifest)
    if on_node:
        engine.listeners.append(on_node)
    try:
        run_id = start_workflow_run(glue, manifest.workflow, run_properties)
        try:
            result = wait_for_workflow_run(
                glue, manifest.workflow, run_id,
                deadline_seconds=WORKFLOW_DEADLINE_SECONDS, schedule=LOCAL_POLLING,
            )  # fmt: skip
        except WorkflowRunFailed as failed:
            result = failed.result
    finally:
        if on_node:
            engine.listeners.remove(on_node)
    outcomes = engine.finished.get(run_id, [])
    errors = _evaluate_written_tables(glue, manifest, outcomes)
    quality = sorted(quality_results(glue, started_after=started), key=_started)
    return LocalWorkflowRun(result, outcomes, quality, errors)


def _evaluate_written_tables(
    glue: "GlueClient", manifest: PipelineManifest, outcomes: list[NodeOutcome]
) -> list[str]:
    """Evaluate the rulesets of the tables written by the run's jobs that succeeded, except
    those the jobs evaluated themselves before writing (on_failure: fail)."""
    succeeded = {o.node.name for o in outcomes if o.node.kind == "job" and o.state == "SUCCEEDED"}
    errors = []
    for target in pipeline_rulesets(glue, manifest, succeeded):
        if target.on_failure == "fail":
            continue
        try:
            evaluate_rulesets(
                glue, target, deadline_seconds=EVALUATION_DEADLINE_SECONDS, schedule=LOCAL_POLLING
            )
        except EvaluationRunFailed as failed:
            errors.append(str(failed))
    return errors


def _started(result: QualityResult) -> datetime:
    return result.started_on or datetime.min.replace(tzinfo=UTC)


def run_pipeline_locally(
    cdk_out: Path,
    env: str,
    pipeline: str,
    workspace: Workspace,
    *,
    run_properties: Mapping[str, str] | None = None,
    on_node: OnNode | None = None,
) -> LocalWorkflowRun:
    """Deploy cdk_out into an executing offline account and run the pipeline's workflow."""
    with executing_app(cdk_out, workspace) as offline:
        try:
            manifest = pipeline_manifest(
                client(offline.session, "cloudformation"), pipeline_stack_name(env, pipeline)
            )
        except StackNotFound as error:
            raise PipelineNotDeployed(f"pipeline '{pipeline}' (env {env}): {error}") from None
        return run_workflow(offline, manifest, run_properties, on_node)
