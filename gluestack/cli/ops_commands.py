"""Runtime commands against AWS or a moto endpoint: run jobs and crawlers, read outputs."""

import json
from dataclasses import asdict
from typing import Annotated, Any

import typer
from botocore.exceptions import BotoCoreError, ClientError

from gluestack.cli.common import (
    EndpointOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    console,
    fail,
    session,
)
from gluestack.ops import (
    GlueOpsError,
    client,
    glue_client,
    run_crawler,
    run_job,
    stack_outputs,
)
from gluestack.ops.stacks import StackNotFound

DeadlineOption = Annotated[
    float, typer.Option("--deadline", help="Seconds to wait before giving up.")
]

job = typer.Typer(no_args_is_help=True, help="Glue job runs.")
crawler = typer.Typer(no_args_is_help=True, help="Glue crawls.")
stack = typer.Typer(no_args_is_help=True, help="Deployed stacks.")


def _print(result: Any, as_json: bool) -> None:
    data = asdict(result)
    if as_json:
        typer.echo(json.dumps(data, default=str, indent=2))
        return
    for key, value in data.items():
        console.print(f"[bold]{key}[/]: {value}")


def _arguments(pairs: list[str]) -> dict[str, str]:
    parsed = {}
    for pair in pairs:
        name, separator, value = pair.partition("=")
        if not separator:
            fail(f"--arg '{pair}': write arguments as NAME=VALUE")
        parsed[name] = value
    return parsed


@job.command("run")
def job_run(
    name: str,
    arg: Annotated[list[str] | None, typer.Option("--arg", help="NAME=VALUE, repeatable.")] = None,
    deadline: DeadlineOption = 3600,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Start a job run and wait for it; exit 1 when it does not succeed."""
    glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
    try:
        result = run_job(glue, name, _arguments(arg or []), deadline_seconds=deadline)
    except (GlueOpsError, ClientError, BotoCoreError) as error:
        fail(error)
    _print(result, as_json)


@crawler.command("run")
def crawler_run(
    name: str,
    deadline: DeadlineOption = 3600,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Start a crawl (or join the running one) and wait for it; exit 1 when it fails."""
    glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
    try:
        result = run_crawler(glue, name, deadline_seconds=deadline)
    except (GlueOpsError, ClientError, BotoCoreError) as error:
        fail(error)
    _print(result, as_json)


@stack.command("outputs")
def stack_outputs_command(
    name: str,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """The outputs of a deployed stack (deployed names: PipelineManifest, buckets...)."""
    cloudformation = client(session(profile, region, endpoint_url), "cloudformation", endpoint_url)
    try:
        outputs = stack_outputs(cloudformation, name)
    except StackNotFound as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(outputs, indent=2))
        return
    for key, value in outputs.items():
        console.print(f"[bold]{key}[/]: {value}")


def register(app: typer.Typer) -> None:
    app.add_typer(job, name="job")
    app.add_typer(crawler, name="crawler")
    app.add_typer(stack, name="stack")
