"""`gluestack local run PIPELINE`: deploy into moto, run the workflow over the workspace's files.

The workspace outlives the run: its bucket folders hold the inputs (and what earlier runs
wrote) and its bookmarks, so a rerun with no new input processes nothing new.
"""

from collections.abc import Callable, Mapping
from pathlib import Path

from gluestack.local import local_s3
from gluestack.local.deploy import deploy_assembly
from gluestack.local.node_runner import LocalNodeRunner
from gluestack.local.offline import offline_account
from gluestack.local.spark import local_spark_session, use_s3_root
from gluestack.local.trigger_chain import Node
from gluestack.local.workflow_run import LocalWorkflowRun, run_workflow_locally
from gluestack.local.workspace import Workspace
from gluestack.ops import client, pipeline_manifest
from gluestack.ops.stacks import StackNotFound
from gluestack.spec.names import pipeline_stack_name

OnNode = Callable[[Node, str, str], None]  # node, state, detail


class PipelineNotDeployed(LookupError):
    """The synthesized app has no stack for the pipeline asked for."""


def run_pipeline_locally(
    cdk_out: Path,
    env: str,
    pipeline: str,
    workspace: Workspace,
    *,
    run_properties: Mapping[str, str] | None = None,
    on_node: OnNode | None = None,
) -> LocalWorkflowRun:
    """Deploy cdk_out into an in-process moto, load the workspace's files, run the workflow."""
    with offline_account() as session:
        app = deploy_assembly(cdk_out, session)
        try:
            manifest = pipeline_manifest(
                client(session, "cloudformation"), pipeline_stack_name(env, pipeline)
            )
        except StackNotFound as error:
            raise PipelineNotDeployed(f"pipeline '{pipeline}' (env {env}): {error}") from None
        local_s3.push(client(session, "s3"), workspace.s3_root)
        spark = local_spark_session(workspace.s3_root, app_name=f"gluestack-{pipeline}")
        use_s3_root(spark, workspace.s3_root)
        runner = LocalNodeRunner(session, spark, workspace, app.account)

        def run_node(node: Node) -> tuple[str, str]:
            state, detail = runner(node)
            if on_node:
                on_node(node, state, detail)
            return state, detail

        return run_workflow_locally(session, app.account, manifest, run_node, run_properties)
