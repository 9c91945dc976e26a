"""Options and output shared by the commands."""

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import boto3
import typer
from botocore.exceptions import BotoCoreError, ClientError
from rich.console import Console

from gluestack.local.offline_identity import offline_session
from gluestack.ops import GlueOpsError, WaitDeadlineExceeded
from gluestack.ops.clients import new_session

if TYPE_CHECKING:
    from gluestack.spec import PipelineSpec

console = Console()
errors = Console(stderr=True)

FAILURE_EXIT = 1
SPEC_ERROR_EXIT = 2
USAGE_EXIT = 2
DEADLINE_EXIT = 3

# What a command calling AWS (or the offline account) reports as a failed operation (exit 1, or 3
# for a passed deadline: fail_operation) instead of a traceback.
OPERATION_ERRORS = (GlueOpsError, ClientError, BotoCoreError)

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
WorkspaceOption = Annotated[
    Path, typer.Option(help="Folder of the offline buckets, bookmarks, runs and logs.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
DeadlineOption = Annotated[
    float, typer.Option("--deadline", help="Seconds to wait before giving up (exit 3).")
]
WaitOption = Annotated[
    bool, typer.Option("--wait/--no-wait", help="Wait for the end, or print the run id and exit.")
]


def project_environments(project: Path) -> list[str] | None:
    """Environment names cdk.json declares, or None without a cdk.json."""
    cdk_json = project / "cdk.json"
    if not cdk_json.is_file():
        return None
    context = json.loads(cdk_json.read_text()).get("context", {})
    return sorted(context.get("gluestack:environments", {}))


def session(profile: str | None, region: str | None, endpoint_url: str | None) -> boto3.Session:
    """A boto3 session; against a local endpoint, the offline credentials and region."""
    if endpoint_url and profile is None:
        return offline_session(region)
    return new_session(profile_name=profile, region_name=region)


def fail(message: Any, code: int = FAILURE_EXIT) -> NoReturn:
    """Print message (plain text, never markup) to stderr and exit."""
    errors.print(str(message), markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def fail_operation(error: Exception) -> NoReturn:
    """Exit 3 when a wait passed its deadline, 1 for any other failed run or call."""
    code = DEADLINE_EXIT if isinstance(error, WaitDeadlineExceeded) else FAILURE_EXIT
    fail(error, code)


def key_values(pairs: list[str], option: str) -> dict[str, str]:
    """NAME=VALUE pairs of a repeatable option; exit 2 naming the malformed one."""
    parsed = {}
    for pair in pairs:
        name, separator, value = pair.partition("=")
        if not separator or not name:
            fail(f"{option} '{pair}': write it as NAME=VALUE", USAGE_EXIT)
        parsed[name] = value
    return parsed


def print_record(record: Any, as_json: bool) -> None:
    """A dataclass as JSON for scripts, or as 'key: value' lines for people."""
    data = asdict(record)
    if as_json:
        typer.echo(json.dumps(data, default=str, indent=2))
        return
    for key, value in data.items():
        console.print(f"[bold]{key}[/]: {value}", highlight=False)


def workspace_root(project: Path, workspace: Path) -> Path:
    """--workspace, relative to --project unless absolute."""
    return workspace if workspace.is_absolute() else project / workspace


def pipeline_spec(project: Path, pipeline: str) -> "PipelineSpec":
    """The project's spec of that pipeline; exit 2 naming the spec error or the pipelines."""
    from gluestack.spec import SpecError, load_all

    try:
        specs = {spec.name: spec for spec in load_all(project / "pipelines", project)}
    except SpecError as error:
        fail(error, SPEC_ERROR_EXIT)
    if pipeline not in specs:
        fail(f"no pipeline '{pipeline}' in {project / 'pipelines'}; pipelines: "
             f"{', '.join(sorted(specs)) or 'none'}", SPEC_ERROR_EXIT)  # fmt: skip
    return specs[pipeline]
