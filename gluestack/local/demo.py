"""`make demo`: synthesize, deploy into an in-process moto, and run each pipeline's chain."""

import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from gluestack.local.deploy import DeployedApp, StackArtifact, deploy_assembly, read_assembly
from gluestack.local.offline import offline_account
from gluestack.local.synth import synthesize
from gluestack.local.trigger_chain import Node, NodeOutcome, run_trigger_chain, workflow_triggers
from gluestack.ops import CrawlerFailed, JobRunFailed, glue_client, run_crawler, run_job
from gluestack.ops.clients import client
from gluestack.ops.stacks import MANIFEST_OUTPUT, pipeline_manifest
from gluestack.spec import load_all

NODE_DEADLINE_SECONDS = 600
SUCCESS_STATES = {"SUCCEEDED"}


def run_demo(project_root: Path, env: str, console: Console) -> int:
    """Exit code 0 when every node of every pipeline succeeded."""
    specs = load_all(project_root / "pipelines")
    console.print(f"[bold]1.[/] validated {len(specs)} pipeline spec(s) in pipelines/")
    started = time.perf_counter()
    cdk_out = synthesize(project_root, env)
    stacks = read_assembly(cdk_out)
    console.print(
        f"[bold]2.[/] synthesized env [cyan]{env}[/] in {time.perf_counter() - started:.1f}s"
    )
    console.print(_resources_table(stacks))
    with offline_account() as session:
        started = time.perf_counter()
        app = deploy_assembly(cdk_out, session)
        count = sum(len(s.resources) for s in app.stacks.values())
        console.print(
            f"[bold]3.[/] deployed {count} resources of {len(app.stacks)} stacks into an "
            f"in-process moto in {time.perf_counter() - started:.1f}s"
        )
        outcomes = _run_pipelines(session, app, console)
    console.print(_outcomes_table(outcomes))
    failed = [o for o in outcomes if o.state not in SUCCESS_STATES]
    if failed:
        console.print(f"[red]{len(failed)} node(s) did not succeed[/]")
        return 1
    console.print(
        "[green]every crawler and job SUCCEEDED[/] (moto control plane: runs are recorded, "
        "not executed on Spark yet)"
    )
    return 0


def _run_pipelines(session: Any, app: DeployedApp, console: Console) -> list[NodeOutcome]:
    glue = glue_client(session)
    cloudformation = client(session, "cloudformation")
    outcomes: list[NodeOutcome] = []
    for stack in app.stacks.values():
        if MANIFEST_OUTPUT not in stack.outputs:
            continue
        manifest = pipeline_manifest(cloudformation, stack.name)
        console.print(
            f"[bold]4.[/] pipeline [cyan]{manifest.pipeline}[/]: starting workflow "
            f"{manifest.workflow} from its on-demand trigger"
        )
        triggers = workflow_triggers(glue, manifest.workflow)
        outcomes += run_trigger_chain(triggers, _control_plane_runner(glue), time.perf_counter)
    return outcomes


def _control_plane_runner(glue: Any) -> Any:
    def run(node: Node) -> tuple[str, str]:
        try:
            if node.kind == "job":
                result = run_job(glue, node.name, deadline_seconds=NODE_DEADLINE_SECONDS)
                return result.state, f"run {result.run_id[:15]}…"
            crawl = run_crawler(glue, node.name, deadline_seconds=NODE_DEADLINE_SECONDS)
            return crawl.status, ""
        except JobRunFailed as error:
            return error.state, str(error)
        except CrawlerFailed as error:
            return error.status, str(error)

    return run


def _glue_resources(stack: StackArtifact) -> list[tuple[str, str]]:
    found = []
    for resource in stack.template.get("Resources", {}).values():
        kind = resource["Type"]
        if kind.startswith("AWS::Glue::"):
            props = resource.get("Properties", {})
            name = props.get("Name") or props.get("DatabaseInput", {}).get("Name", "")
            found.append((kind.removeprefix("AWS::Glue::"), str(name)))
    return found


def _resources_table(stacks: list[StackArtifact]) -> Table:
    table = Table(title="Stacks and their Glue resources")
    for column in ("stack", "resources", "Glue resources"):
        table.add_column(column, overflow="fold")
    for stack in stacks:
        glue = "\n".join(f"{kind}: {name}" for kind, name in _glue_resources(stack)) or "-"
        table.add_row(stack.name, str(len(stack.template.get("Resources", {}))), glue)
    return table


def _outcomes_table(outcomes: list[NodeOutcome]) -> Table:
    table = Table(title="Workflow run")
    for column in ("node", "kind", "started by", "state", "seconds", "detail"):
        table.add_column(column, overflow="fold")
    for outcome in outcomes:
        colour = "green" if outcome.state in SUCCESS_STATES else "red"
        table.add_row(
            outcome.node.name,
            outcome.node.kind,
            outcome.trigger,
            f"[{colour}]{outcome.state}[/]",
            f"{outcome.seconds:.2f}",
            outcome.detail,
        )
    return table
