"""`gluestack local ...`: deploy the app into a moto server that other commands can use."""

import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from gluestack.cli.common import (
    SPEC_ERROR_EXIT,
    USAGE_EXIT,
    EnvOption,
    ProjectOption,
    WorkspaceOption,
    console,
    errors,
    fail,
    key_values,
    pipeline_spec,
    session,
    workspace_root,
)
from gluestack.local.cdk_out.synth import SynthError, synthesize, synthesized
from gluestack.local.records.workspace import DEFAULT_WORKSPACE, Workspace

if TYPE_CHECKING:
    from gluestack.local.orchestration.trigger_chain import NodeOutcome

app = typer.Typer(no_args_is_help=True)

PortOption = Annotated[int, typer.Option(help="Port on 127.0.0.1 for the offline account.")]
ServeOption = Annotated[bool, typer.Option("--serve/--no-serve", help="Keep serving until Ctrl-C.")]


@app.command()
def serve(
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    port: PortOption = 5000,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    deploy_app: Annotated[
        bool, typer.Option("--deploy/--no-deploy", help="Synthesize and deploy the app first.")
    ] = True,
    forever: ServeOption = True,
) -> None:
    """Serve the offline account on 127.0.0.1: Glue's run APIs execute what is deployed.

    StartJobRun runs the job's deployed script in a process of its own, StartCrawler crawls the
    offline S3, StartWorkflowRun follows the workflow's triggers; boto3, the AWS CLI and
    gluestack's commands reach it with --endpoint-url.
    """
    from gluestack.local.cdk_out.deploy import AssemblyError, DeployError, deploy_assembly
    from gluestack.local.jdbc.offline_databases import offline_databases
    from gluestack.local.offline import PortUnavailable, moto_server
    from gluestack.local.orchestration.clock import OfflineClock
    from gluestack.local.records import local_s3
    from gluestack.local.service import executing_glue

    root = workspace_root(project, workspace)
    cdk_out = None
    if deploy_app:
        try:
            cdk_out = synthesize(project.resolve(), env)
        except SynthError as error:
            fail(error, SPEC_ERROR_EXIT)
    with ExitStack() as opened:
        try:
            endpoint, account = opened.enter_context(moto_server(port))
        except PortUnavailable as error:
            fail(error, USAGE_EXIT)
        executor = opened.enter_context(
            executing_glue(
                Workspace(root), endpoint=endpoint, clock=OfflineClock(follows_real_time=True)
            )
        )
        if cdk_out is not None:
            try:
                deployed = deploy_assembly(cdk_out, account, endpoint_url=endpoint)
            except (AssemblyError, DeployError) as error:
                fail(f"deploy failed: {error}")
            table = Table(title=f"Deployed into the offline account at {endpoint}")
            for column in ("stack", "logical id", "type", "physical id"):
                table.add_column(column, overflow="fold")
            for stack in deployed.stacks.values():
                for resource in stack.resources.values():
                    table.add_row(
                        stack.name, resource.logical_id, resource.type, resource.physical_id
                    )
            console.print(table)
            for name in (n for stack in deployed.stacks.values() for n in stack.stood_in):
                console.print(
                    f"database {name}: created empty, standing in for the account's existing "
                    "database (existing_database)",
                    highlight=False,
                )
            # What earlier runs left in the workspace is in the offline S3 and databases too.
            local_s3.push(account.client("s3", endpoint_url=endpoint), Workspace(root).s3_root)
            databases = opened.enter_context(
                offline_databases(
                    account.client("glue", endpoint_url=endpoint),
                    account.client("secretsmanager", endpoint_url=endpoint),
                    Workspace(root).databases,
                )
            )
            executor.jdbc_routes.update(databases.routes)
            for database in databases.databases.values():
                console.print(
                    f"connection {database.connection}: its database {database.database} is on "
                    f"the offline PostgreSQL standing in for {database.address}",
                    highlight=False,
                )
        if not forever:
            return
        console.print(f"serving at {endpoint} (workspace {root}); use --endpoint-url {endpoint}")
        console.print("Ctrl-C stops.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            console.print("stopped")


@app.command()
def clock(
    advance: Annotated[
        str | None,
        typer.Option(
            help="Move the clock forward by 90s, 15m, 1h or 2d; schedules it passes fire."
        ),
    ] = None,
    endpoint_url: Annotated[
        str, typer.Option(help="The served offline account (gluestack local serve).")
    ] = "http://127.0.0.1:5000",
) -> None:
    """Show the offline account's clock, or move it forward so scheduled triggers fire."""
    from gluestack.local.orchestration.clock import parse_duration
    from gluestack.local.orchestration.clock_client import ClockUnreachable, read_clock

    try:
        seconds = parse_duration(advance).total_seconds() if advance else None
    except ValueError as error:
        fail(f"--advance: {error}", SPEC_ERROR_EXIT)
    try:
        answer = read_clock(endpoint_url, seconds)
    except ClockUnreachable as error:
        fail(error)
    console.print(f"offline time {answer['now']}")
    for trigger in answer.get("fired", []):
        console.print(f"fired {trigger}")


@app.command()
def put(
    pipeline: str,
    source: str,
    path: Path,
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    endpoint_url: Annotated[
        str | None,
        typer.Option(help="Upload through this served account's S3 instead of the workspace."),
    ] = None,
) -> None:
    """Put a file, or every file of a folder, under a pipeline source's prefix of the raw bucket.

    Offline runs (`local run`, `local serve`) read it from there; each object's s3:// URI is
    printed.
    """
    from moto.core import DEFAULT_ACCOUNT_ID

    from gluestack.local.cdk_out.bucket_names import RAW_BUCKET_OUTPUT, bucket_of_output
    from gluestack.local.offline_identity import OFFLINE_REGION
    from gluestack.local.records.raw_data import put_into_workspace, put_through_api, raw_files
    from gluestack.ops import client, stack_outputs
    from gluestack.spec.names import stack_prefix

    sources = pipeline_spec(project, pipeline).sources
    if source not in sources:
        fail(f"pipeline '{pipeline}' has no source '{source}'; sources: "
             f"{', '.join(sorted(sources))}", SPEC_ERROR_EXIT)  # fmt: skip
    try:
        files = raw_files(path, sources[source].prefix)
    except FileNotFoundError as error:
        fail(error, SPEC_ERROR_EXIT)
    if endpoint_url:
        aws = session(None, None, endpoint_url)
        cloudformation = client(aws, "cloudformation", endpoint_url=endpoint_url)
        buckets = [
            stack_outputs(cloudformation, s["StackName"]).get(RAW_BUCKET_OUTPUT)
            for s in cloudformation.describe_stacks()["Stacks"]
            if s["StackName"].startswith(f"{stack_prefix(env)}-")
        ]
        bucket = next((b for b in buckets if b), None)
        if bucket is None:
            fail(f"no deployed stack of env {env} at {endpoint_url} has a raw bucket")
        uris = put_through_api(client(aws, "s3", endpoint_url=endpoint_url), bucket, files)
    else:
        try:
            with synthesized(project.resolve(), env) as cdk_out:
                bucket = bucket_of_output(
                    cdk_out, RAW_BUCKET_OUTPUT, DEFAULT_ACCOUNT_ID, OFFLINE_REGION
                )
        except SynthError as error:
            fail(error, SPEC_ERROR_EXIT)
        root = workspace_root(project, workspace)
        uris = put_into_workspace(Workspace(root), bucket, files)
    for uri in uris:
        console.print(uri, highlight=False)


@app.command()
def sql(
    pipeline: str,
    connection: str,
    file: Annotated[
        Path | None,
        typer.Argument(help="SQL file run by psql (\\copy paths: from the current folder)."),
    ] = None,
    query: Annotated[
        str | None, typer.Option(help="One statement instead of a file; its rows are printed.")
    ] = None,
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
) -> None:
    """Run SQL in the offline database a pipeline's JDBC connection names, as its user.

    The database is the one `local run` and the demo stand in for: what the workspace keeps of
    it is restored first and, when every statement succeeded, saved again; after a failure
    nothing is saved.
    """
    from gluestack.local.cdk_out.deploy import AssemblyError, DeployError, deploy_assembly
    from gluestack.local.jdbc.binaries import MissingPostgres
    from gluestack.local.jdbc.offline_databases import offline_databases
    from gluestack.local.jdbc.throwaway_postgres import PostgresError
    from gluestack.local.offline import offline_account
    from gluestack.ops import client, pipeline_manifest
    from gluestack.spec.names import pipeline_stack_name

    if (file is None) == (query is None):
        fail("give a SQL file or --query, not both", SPEC_ERROR_EXIT)
    if file is not None and not file.is_file():
        fail(f"{file}: no such file", SPEC_ERROR_EXIT)
    connections = pipeline_spec(project, pipeline).connections
    if connection not in connections:
        fail(f"pipeline '{pipeline}' has no connection '{connection}'; connections: "
             f"{', '.join(sorted(connections)) or 'none'}", SPEC_ERROR_EXIT)  # fmt: skip
    root = workspace_root(project, workspace)
    quoted = str(file).replace("'", "''")
    statement = query if query is not None else f"\\i '{quoted}'"
    try:
        with (
            synthesized(project.resolve(), env) as cdk_out,
            offline_account() as account,
        ):
            deploy_assembly(cdk_out, account)
            glue = client(account, "glue")
            manifest = pipeline_manifest(
                client(account, "cloudformation"), pipeline_stack_name(env, pipeline)
            )
            deployed = manifest.connections[connection]
            secrets = client(account, "secretsmanager")
            with offline_databases(glue, secrets, Workspace(root).databases) as databases:
                printed = databases.run_sql(deployed, statement)
    except SynthError as error:
        fail(error, SPEC_ERROR_EXIT)
    except (AssemblyError, DeployError) as error:
        fail(f"deploy failed: {error}")
    except (MissingPostgres, PostgresError, LookupError) as error:
        fail(error)
    if printed.strip():
        console.print(printed.rstrip("\n"), highlight=False, markup=False)
    url = connections[connection].jdbc_url
    console.print(f"ran in the offline database standing in for {url}", highlight=False)


@app.command()
def deploy(
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    port: PortOption = 5000,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    forever: ServeOption = True,
) -> None:
    """Synthesize, deploy every stack into the offline account, print it, and serve it."""
    serve(env, project, port, workspace, True, forever)


@app.command()
def run(
    pipeline: str,
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    run_property: Annotated[
        list[str] | None,
        typer.Option("--property", help="NAME=VALUE workflow run property, repeatable."),
    ] = None,
) -> None:
    """Run a pipeline's workflow on local Spark over the workspace's files; exit 1 on a failure."""
    from gluestack.cli.quality_report import quality_table
    from gluestack.local.orchestration.trigger_chain import Node
    from gluestack.local.pipeline_run import PipelineNotDeployed, run_pipeline_locally
    from gluestack.local.run_report import outcomes_table

    properties = key_values(run_property or [], "--property")

    def progress(node: Node, state: str, detail: str) -> None:
        colour = "green" if state == "SUCCEEDED" else "red"
        console.print(f"{node.kind} {node.name}: [{colour}]{state}[/] {detail}", highlight=False)

    root = workspace_root(project, workspace)
    try:
        with synthesized(project.resolve(), env) as cdk_out:
            local = run_pipeline_locally(
                cdk_out, env, pipeline, Workspace(root), run_properties=properties,
                on_node=progress,
            )  # fmt: skip
    except SynthError as error:
        fail(error, SPEC_ERROR_EXIT)
    except PipelineNotDeployed as error:
        fail(error)
    console.print(outcomes_table(local.outcomes))
    if local.quality:
        console.print(quality_table(local.quality))
    console.print(f"workflow run {local.result.run_id}: {local.result.status}")
    for message in local.quality_errors:
        errors.print(message, markup=False, highlight=False)
    if not local.succeeded:
        failed = [o for o in local.outcomes if o.state != "SUCCEEDED"]
        summary = "; ".join(_failure(o, Workspace(root)) for o in failed)
        fail(f"pipeline {pipeline}: {summary}{_empty_crawls(local.outcomes, pipeline)}")


def _failure(outcome: "NodeOutcome", workspace: Workspace) -> str:
    """A failed node in one line: its state, Glue's message, and (for a job) its log file."""
    where = ""
    if outcome.node.kind == "job":
        logs = sorted((workspace.logs / outcome.node.name).glob("*.log"), key=_modified)
        where = f" (log: {logs[-1]})" if logs else ""
    return f"{outcome.node.kind} {outcome.node.name} {outcome.state}: {outcome.detail}{where}"


def _empty_crawls(outcomes: "list[NodeOutcome]", pipeline: str) -> str:
    """Why a job may have found no table: a crawl of the run found no files to catalog."""
    from gluestack.local.crawl import NO_FILES_UNDER

    empty = [o for o in outcomes if o.node.kind == "crawler" and NO_FILES_UNDER in o.detail]
    if not empty:
        return ""
    found = "; ".join(
        f"crawler {o.node.name} found {o.detail[o.detail.index(NO_FILES_UNDER) :]}" for o in empty
    )
    return (
        f". Note: {found}, so it made no table there: load the source's files first "
        f"(gluestack local put {pipeline} SOURCE FILE)"
    )


def _modified(path: Path) -> float:
    return path.stat().st_mtime


@app.command()
def script(
    script_path: Annotated[Path, typer.Argument(metavar="SCRIPT", help="The Glue script to run.")],
    arg: Annotated[
        list[str] | None,
        typer.Option("--arg", help="NAME=VALUE job argument (--NAME on Glue), repeatable."),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
) -> None:
    """Run one Glue script on local Spark over the workspace's files; exit 1 if it fails.

    JOB_NAME is the script's file name unless `--arg JOB_NAME=...` gives it, as Glue passes
    the job's name. The catalog is an empty offline one: read files with from_options.
    """
    from gluestack.testing import OfflineGlue

    if not script_path.is_file():
        fail(f"{script_path}: no such script", SPEC_ERROR_EXIT)
    arguments = key_values(arg or [], "--arg")
    with OfflineGlue(workspace) as glue:
        for bucket in sorted(p.name for p in glue.workspace.s3_root.iterdir() if p.is_dir()):
            glue.create_bucket(bucket)
        run = glue.run_script(script_path, arguments)
    console.print(run.output, end="", highlight=False, markup=False)
    if not run.succeeded:
        fail(f"{script_path}: {run.state}: {run.error}")
    console.print(f"{script_path}: [green]{run.state}[/] (run {run.run_id})")
