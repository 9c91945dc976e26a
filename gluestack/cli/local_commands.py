"""`gluestack local ...`: deploy the app into a moto server that other commands can use."""

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gluestack.cli.common import SPEC_ERROR_EXIT, EnvOption, ProjectOption, console, fail
from gluestack.local.synth import SynthError, synthesize

app = typer.Typer(no_args_is_help=True)


@app.command()
def deploy(
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 for the moto server.")] = 5000,
    serve: Annotated[bool, typer.Option(help="Keep serving until Ctrl-C.")] = True,
) -> None:
    """Synthesize, deploy every stack into a moto server, print what was created."""
    from gluestack.local.deploy import AssemblyError, DeployError, deploy_assembly
    from gluestack.local.offline import moto_server

    try:
        cdk_out = synthesize(project.resolve(), env)
    except SynthError as error:
        fail(error, SPEC_ERROR_EXIT)
    with moto_server(port) as (endpoint, session):
        try:
            deployed = deploy_assembly(cdk_out, session, endpoint_url=endpoint)
        except (AssemblyError, DeployError) as error:
            fail(f"deploy failed: {error}")
        table = Table(title=f"Deployed into moto at {endpoint}")
        for column in ("stack", "logical id", "type", "physical id"):
            table.add_column(column, overflow="fold")
        for stack in deployed.stacks.values():
            for resource in stack.resources.values():
                table.add_row(stack.name, resource.logical_id, resource.type, resource.physical_id)
        console.print(table)
        if not serve:
            return
        console.print(f"serving; use --endpoint-url {endpoint} with other commands. Ctrl-C stops.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            console.print("stopped")
