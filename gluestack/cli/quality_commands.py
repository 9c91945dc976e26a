"""`gluestack dq run PIPELINE` and `gluestack dq results PIPELINE|JOB`: Glue Data Quality of a
deployed pipeline, the same against AWS and an offline endpoint."""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from gluestack.cli.common import (
    OPERATION_ERRORS,
    DeadlineOption,
    EndpointOption,
    EnvOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    console,
    errors,
    fail,
    fail_operation,
    session,
)
from gluestack.cli.quality_report import quality_table
from gluestack.local.records.workspace import Workspace
from gluestack.ops import client, glue_client, pipeline_manifest
from gluestack.ops.data_quality import (
    QualityResult,
    evaluate_rulesets,
    pipeline_rulesets,
    quality_results,
    table_rulesets,
)
from gluestack.ops.stacks import PipelineManifest, StackNotFound
from gluestack.spec.names import pipeline_stack_name

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

dq = typer.Typer(no_args_is_help=True, help="Glue Data Quality: evaluate rulesets, show results.")


def _manifest(aws: Any, env: str, pipeline: str, endpoint_url: str | None) -> PipelineManifest:
    return pipeline_manifest(
        client(aws, "cloudformation", endpoint_url), pipeline_stack_name(env, pipeline)
    )


def _print(results: list[QualityResult], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps([r.as_json() for r in results], default=str, indent=2))
    elif results:
        console.print(quality_table(results))
    else:
        console.print("no data quality results")


RoleOption = Annotated[
    str | None,
    typer.Option(
        "--role",
        help="The IAM role the evaluation runs of the pipeline's table rulesets (spec "
        "rulesets:) assume; an output's ruleset runs with its writing job's role.",
    ),
]


@dq.command("run")
def dq_run(
    pipeline: str,
    env: EnvOption = "dev",
    role: RoleOption = None,
    deadline: DeadlineOption = 3600,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Evaluate every deployed ruleset of the pipeline on its table; exit 1 when a rule fails."""
    aws = session(profile, region, endpoint_url)
    try:
        manifest = _manifest(aws, env, pipeline, endpoint_url)
    except StackNotFound as error:
        fail(f"pipeline '{pipeline}' (env {env}): {error}")
    if manifest.table_rulesets and role is None:
        keys = ", ".join(sorted(manifest.table_rulesets))
        fail(
            f"pipeline '{pipeline}' has table rulesets ({keys}): no job writes their tables, "
            "so their evaluation runs need --role ARN"
        )
    glue = glue_client(aws, endpoint_url)
    results: list[QualityResult] = []
    try:
        targets = pipeline_rulesets(glue, manifest)
        if role is not None:
            targets += table_rulesets(manifest, role)
        for target in targets:
            with errors.status(f"evaluating {target.database}.{target.table}"):
                results += evaluate_rulesets(glue, target, deadline_seconds=deadline)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    _print(results, as_json)
    if not all(result.passed for result in results):
        raise typer.Exit(1)


@dq.command("results")
def dq_results(
    target: Annotated[str, typer.Argument(help="A pipeline's spec name, or a Glue job's name.")],
    env: EnvOption = "dev",
    show_all: Annotated[
        bool, typer.Option("--all", help="Every result, not only each ruleset's latest.")
    ] = False,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            help="Read the results `gluestack local run` left in this workspace "
            "(e.g. .gluestack), with no account running.",
        ),
    ] = None,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Results of a pipeline's rulesets and its jobs' EvaluateDataQuality, or of one job."""
    try:
        if workspace is None:
            results = _account_results(target, env, endpoint_url, region, profile)
        else:
            results = _offline_results(target, Workspace(workspace))
    except OPERATION_ERRORS as error:
        fail_operation(error)
    if not show_all:
        results = _latest(results)
    _print(results, as_json)


def _account_results(
    target: str, env: str, endpoint_url: str | None, region: str | None, profile: str | None
) -> list[QualityResult]:
    aws = session(profile, region, endpoint_url)
    glue = glue_client(aws, endpoint_url)
    try:
        manifest = _manifest(aws, env, target, endpoint_url)
    except StackNotFound:
        return quality_results(glue, job_name=target)
    return _pipeline_results(glue, manifest)


def _offline_results(target: str, workspace: Workspace) -> list[QualityResult]:
    from gluestack.local.offline import offline_account
    from gluestack.local.records.quality_snapshot import (
        NoOfflineResults,
        restore_results,
        saved_manifest,
    )

    try:
        manifest = saved_manifest(workspace, target)
    except NoOfflineResults as error:
        fail(error)
    with offline_account() as offline:
        restore_results(offline, workspace)
        glue = glue_client(offline)
        if manifest is None:
            return quality_results(glue, job_name=target)
        return _pipeline_results(glue, manifest)


def _pipeline_results(glue: "GlueClient", manifest: PipelineManifest) -> list[QualityResult]:
    found = {
        result.result_id: result
        for job in manifest.jobs.values()
        for result in quality_results(glue, job_name=job)
    }
    tables = {*manifest.rulesets, *(r["table"] for r in manifest.table_rulesets.values())}
    for table in sorted(tables):
        for result in quality_results(glue, database=manifest.database, table=table):
            found[result.result_id] = result
    return sorted(found.values(), key=lambda r: str(r.started_on), reverse=True)


def _latest(results: list[QualityResult]) -> list[QualityResult]:
    """The newest result of each ruleset on each table or job context (results newest first)."""
    latest: dict[tuple[str, str, str, str], QualityResult] = {}
    for result in results:
        latest.setdefault((result.ruleset, result.table, result.job_name, result.context), result)
    return list(latest.values())


def register(app: typer.Typer) -> None:
    app.add_typer(dq, name="dq")
