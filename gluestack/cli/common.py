"""Options and output shared by the commands."""

import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import boto3
import typer
from rich.console import Console

console = Console()
errors = Console(stderr=True)

SPEC_ERROR_EXIT = 2
FAILURE_EXIT = 1

ProjectOption = Annotated[
    Path, typer.Option("--project", help="Project root (holds cdk.json and pipelines/).")
]
EnvOption = Annotated[str, typer.Option("--env", "-e", help="Environment declared in cdk.json.")]
EndpointOption = Annotated[
    str | None,
    typer.Option("--endpoint-url", help="AWS endpoint, e.g. a `gluestack local deploy` server."),
]
RegionOption = Annotated[str | None, typer.Option("--region", help="AWS region.")]
ProfileOption = Annotated[str | None, typer.Option("--profile", help="AWS profile.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def project_environments(project: Path) -> list[str] | None:
    """Environment names cdk.json declares, or None without a cdk.json."""
    cdk_json = project / "cdk.json"
    if not cdk_json.is_file():
        return None
    context = json.loads(cdk_json.read_text()).get("context", {})
    return sorted(context.get("gluestack:environments", {}))


def session(profile: str | None, region: str | None, endpoint_url: str | None) -> boto3.Session:
    """A boto3 session; against a local endpoint, fake credentials and us-east-1 by default."""
    if endpoint_url and profile is None:
        return boto3.Session(
            aws_access_key_id="offline",
            aws_secret_access_key="offline",
            region_name=region or "us-east-1",
        )
    return boto3.Session(profile_name=profile, region_name=region)


def fail(message: Any, code: int = FAILURE_EXIT) -> NoReturn:
    """Print message (plain text, never markup) to stderr and exit."""
    errors.print(str(message), markup=False, highlight=False)
    raise typer.Exit(code)
