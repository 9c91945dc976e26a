"""`gluestack logs JOB RUN_ID`: a run's output and error lines, or follow them until it ends."""

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer

from gluestack.cli.common import (
    OPERATION_ERRORS,
    DeadlineOption,
    EndpointOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    console,
    errors,
    fail,
    fail_operation,
    session,
)
from gluestack.ops import client, glue_client
from gluestack.ops.run_history import latest_job_run
from gluestack.ops.run_logs import LogLine, follow_run_logs, read_run_logs

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

LATEST = "latest"
STYLE = {"output": "", "error": "red", "continuous": "dim"}


def logs(
    name: str,
    run_id: Annotated[str, typer.Argument(help=f"A run id, or '{LATEST}' for the newest run.")],
    follow: Annotated[
        bool, typer.Option("--follow", "-f", help="Keep printing until the run ends.")
    ] = False,
    errors_only: Annotated[bool, typer.Option("--errors", help="Only the error stream.")] = False,
    deadline: DeadlineOption = 3600,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """A job run's log lines from CloudWatch Logs (output, error and continuous logging)."""
    aws = session(profile, region, endpoint_url)
    glue, cloudwatch_logs = glue_client(aws, endpoint_url), client(aws, "logs", endpoint_url)

    def show(line: LogLine) -> None:
        if as_json:
            typer.echo(json.dumps(asdict(line), default=str))
            return
        stamp = line.timestamp.strftime("%H:%M:%S.%f")[:-3]
        console.print(
            f"{stamp} [{line.kind}] {line.message}",
            style=STYLE[line.kind],
            markup=False,
            highlight=False,
        )

    try:
        run_id = _latest_run(glue, name) if run_id == LATEST else run_id
        if follow:
            read = follow_run_logs(
                cloudwatch_logs,
                glue,
                name,
                run_id,
                deadline_seconds=deadline,
                on_line=show,
                errors_only=errors_only,
            )
        else:
            read = read_run_logs(cloudwatch_logs, glue, name, run_id, errors_only=errors_only)
            for line in read.lines:
                show(line)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    for reason in read.problems.values():
        errors.print(f"note: {reason}", markup=False, highlight=False)


def _latest_run(glue: "GlueClient", name: str) -> str:
    run = latest_job_run(glue, name)
    if run is None:
        fail(f"job '{name}' has no runs yet")
    run_id: str = run["Id"]
    return run_id


def register(app: typer.Typer) -> None:
    app.command("logs")(logs)
