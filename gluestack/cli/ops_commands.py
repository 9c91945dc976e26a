"""`gluestack crawler run` and `gluestack stack outputs`: crawls and deployed names."""

import json

import typer

from gluestack.cli.common import (
    OPERATION_ERRORS,
    DeadlineOption,
    EndpointOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    console,
    fail,
    fail_operation,
    print_record,
    session,
)
from gluestack.ops import client, glue_client, run_crawler, stack_outputs
from gluestack.ops.stacks import StackNotFound

crawler = typer.Typer(no_args_is_help=True, help="Glue crawls.")
stack = typer.Typer(no_args_is_help=True, help="Deployed stacks.")


@crawler.command("run")
def crawler_run(
    name: str,
    deadline: DeadlineOption = 3600,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Start a crawl (or join the running one) and wait: exit 1 when it fails, 3 on deadline."""
    glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
    try:
        result = run_crawler(glue, name, deadline_seconds=deadline)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    print_record(result, as_json)


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
    app.add_typer(crawler, name="crawler")
    app.add_typer(stack, name="stack")
