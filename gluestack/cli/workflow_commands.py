"""`gluestack workflow run`, `status` and `trigger ...`: a deployed pipeline, by its spec name."""

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from gluestack.cli.common import (
    OPERATION_ERRORS,
    DeadlineOption,
    EndpointOption,
    EnvOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    WaitOption,
    console,
    errors,
    fail,
    fail_operation,
    key_values,
    print_record,
    session,
)
from gluestack.ops import PipelineManifest, client, glue_client, pipeline_manifest
from gluestack.ops.pipeline_status import PipelineStatus, pipeline_status
from gluestack.ops.stacks import StackNotFound
from gluestack.ops.triggers import start_trigger, stop_trigger, workflow_triggers
from gluestack.ops.workflows import start_workflow_run, wait_for_workflow_run
from gluestack.spec.names import pipeline_stack_name

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

workflow = typer.Typer(no_args_is_help=True, help="A pipeline's Glue workflow.")
trigger = typer.Typer(no_args_is_help=True, help="A pipeline's triggers.")


def _deployed(
    pipeline: str, env: str, endpoint_url: str | None, region: str | None, profile: str | None
) -> tuple[Any, PipelineManifest]:
    """A Glue client and the pipeline's deployed names, from its stack's PipelineManifest."""
    aws = session(profile, region, endpoint_url)
    try:
        manifest = pipeline_manifest(
            client(aws, "cloudformation", endpoint_url), pipeline_stack_name(env, pipeline)
        )
    except StackNotFound as error:
        fail(f"pipeline '{pipeline}' (env {env}): {error}")
    return glue_client(aws, endpoint_url), manifest


@workflow.command("run")
def workflow_run(
    pipeline: str,
    env: EnvOption = "dev",
    run_property: Annotated[
        list[str] | None,
        typer.Option("--property", help="NAME=VALUE run property, repeatable."),
    ] = None,
    wait: WaitOption = True,
    deadline: DeadlineOption = 4 * 3600,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Start the pipeline's workflow and wait: exit 1 when a node fails, 3 on deadline."""
    properties = key_values(run_property or [], "--property")
    glue, manifest = _deployed(pipeline, env, endpoint_url, region, profile)
    try:
        run_id = start_workflow_run(glue, manifest.workflow, properties)
        if not wait:
            reply = {"workflow": manifest.workflow, "run_id": run_id}
            typer.echo(json.dumps(reply) if as_json else run_id)
            return
        with errors.status(f"{manifest.workflow} {run_id}: RUNNING") as status:

            def show(state: str, elapsed: float) -> None:
                status.update(f"{manifest.workflow} {run_id}: {state}, {elapsed:.0f}s")

            result = wait_for_workflow_run(
                glue,
                manifest.workflow,
                run_id,
                deadline_seconds=deadline,
                on_poll=None if as_json else show,
            )
    except OPERATION_ERRORS as error:
        fail_operation(error)
    print_record(result, as_json)


def status(
    pipeline: str,
    env: EnvOption = "dev",
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """The pipeline's jobs, crawlers and triggers, and how each last ran."""
    glue, manifest = _deployed(pipeline, env, endpoint_url, region, profile)
    try:
        report = pipeline_status(glue, manifest)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    if as_json:
        typer.echo(json.dumps(asdict(report), default=str, indent=2))
        return
    console.print(_status_table(report))


@trigger.command("list")
def trigger_list(
    pipeline: str,
    env: EnvOption = "dev",
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """The pipeline's triggers with their type, state, conditions and actions."""
    glue, manifest = _deployed(pipeline, env, endpoint_url, region, profile)
    try:
        triggers = workflow_triggers(glue, manifest.workflow)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    if as_json:
        typer.echo(json.dumps([asdict(t) for t in triggers], indent=2))
        return
    table = Table(title=f"triggers of {manifest.workflow}")
    for column in ("name", "type", "state", "when", "starts"):
        table.add_column(column, overflow="fold")
    for info in triggers:
        when = f" {info.logical} ".join(info.conditions) or info.schedule or "on demand"
        table.add_row(info.name, info.type, info.state, when, ", ".join(info.actions))
    console.print(table)


@trigger.command("start")
def trigger_start(
    pipeline: str,
    name: Annotated[str, typer.Argument(help="The trigger's name in the spec, or deployed.")],
    env: EnvOption = "dev",
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Fire an on-demand trigger; activate a scheduled, conditional or event trigger."""
    deployed = _deployed(pipeline, env, endpoint_url, region, profile)
    _change_trigger(start_trigger, "started", name, *deployed)


@trigger.command("stop")
def trigger_stop(
    pipeline: str,
    name: Annotated[str, typer.Argument(help="The trigger's name in the spec, or deployed.")],
    env: EnvOption = "dev",
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Deactivate a scheduled, conditional or event trigger."""
    deployed = _deployed(pipeline, env, endpoint_url, region, profile)
    _change_trigger(stop_trigger, "stopped", name, *deployed)


def _change_trigger(
    change: Callable[[Any, str], object],
    done: str,
    name: str,
    glue: "GlueClient",
    manifest: PipelineManifest,
) -> None:
    """Start or stop the trigger name (its spec name, or deployed) and say so."""
    deployed = manifest.triggers.get(name, name)
    try:
        change(glue, deployed)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    console.print(f"{done} {deployed}")


def _status_table(report: PipelineStatus) -> Table:
    table = Table(
        title=f"{report.pipeline}: workflow {report.workflow}, {report.last_workflow_run}"
    )
    for column in ("kind", "name", "deployed as", "state", "last run", "detail"):
        table.add_column(column, overflow="fold")
    for job in report.jobs:
        started = f"{job.last_started:%Y-%m-%d %H:%M}" if job.last_started else ""
        took = f", {job.last_seconds}s" if job.last_seconds is not None else ""
        table.add_row(
            "job", job.name, job.deployed_name, job.last_state, started + took, job.last_error
        )
    for crawler in report.crawlers:
        table.add_row(
            "crawler",
            crawler.name,
            crawler.deployed_name,
            crawler.state,
            crawler.last_crawl,
            crawler.last_error,
        )
    for info in report.triggers:
        when = f" {info.logical} ".join(info.conditions) or info.schedule or "on demand"
        table.add_row(
            "trigger", "", info.name, info.state, "", f"{when} -> {', '.join(info.actions)}"
        )
    return table


def register(app: typer.Typer) -> None:
    app.add_typer(workflow, name="workflow")
    app.add_typer(trigger, name="trigger")
    app.command("status")(status)
