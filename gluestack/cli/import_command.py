"""`gluestack import`: adopt an existing Glue estate as pipeline specs and scripts."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import boto3
import typer

from gluestack.cli.common import (
    FAILURE_EXIT,
    OPERATION_ERRORS,
    USAGE_EXIT,
    EndpointOption,
    JsonOption,
    ProfileOption,
    ProjectOption,
    RegionOption,
    console,
    fail,
    fail_operation,
    key_values,
    project_environments,
    session,
)

if TYPE_CHECKING:
    from gluestack.adopt import ImportContext, ImportReport
    from gluestack.ops.estate import EstateScope, GlueEstate

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database", help="Import what crawls this database, and what that reaches."),
]
WorkflowOption = Annotated[
    str | None, typer.Option("--workflow", help="Import this workflow's triggers, jobs, crawlers.")
]
JobPrefixOption = Annotated[
    str | None,
    typer.Option("--job-prefix", help="Import jobs named with this prefix, and what they reach."),
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Folder of the written specs [default: pipelines/].")
]
SecretOption = Annotated[
    list[str] | None,
    typer.Option(
        "--secret",
        help="CONNECTION=SECRET: the Secrets Manager secret a JDBC connection authenticates with "
        "(its password is never read). Repeatable.",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace specs and scripts that exist already.")
]


def import_estate(
    database: DatabaseOption = None,
    workflow: WorkflowOption = None,
    job_prefix: JobPrefixOption = None,
    out: OutOption = None,
    secret: SecretOption = None,
    force: ForceOption = False,
    project: ProjectOption = Path("."),
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Read Glue jobs, crawlers, triggers, workflows, connections and rulesets; write specs.

    Pipelines are grouped by workflow, else by the trigger graph; each job's script is
    downloaded into glue_scripts/imported/. What the spec does not type is kept in `arguments`
    or `unmodeled`, or listed in the report. Exit 1 when something could not be imported (the
    rest is still written), 2 on a usage error (nothing is written).
    """
    from gluestack.adopt import ImportContext, WouldOverwrite
    from gluestack.ops.estate import EstateScope

    secrets = key_values(secret or [], "--secret")
    scope = EstateScope(database=database, workflow=workflow, job_prefix=job_prefix)
    spec_folder = out if out is not None else project / "pipelines"
    aws = session(profile, region, endpoint_url)
    try:
        context = ImportContext(_account(aws, endpoint_url), aws.region_name or "", secrets=secrets)
        report = _import(aws, endpoint_url, scope, context, project, spec_folder, force)
    except WouldOverwrite as error:
        fail(error, USAGE_EXIT)
    except _ScopeNotFound as error:
        fail(error, USAGE_EXIT)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    if as_json:
        typer.echo(report.as_json())
    else:
        console.print(report.table())
        for written in report.written:
            console.print(f"wrote {written}", highlight=False)
    if report.failed:
        raise typer.Exit(FAILURE_EXIT)


class _ScopeNotFound(Exception):
    """--database or --workflow names nothing in the account."""


def _import(
    aws: boto3.Session,
    endpoint_url: str | None,
    scope: "EstateScope",
    context: "ImportContext",
    project: Path,
    spec_folder: Path,
    force: bool,
) -> "ImportReport":
    from gluestack.adopt import Origin, plan_import, write_import
    from gluestack.adopt.scripts import read_script
    from gluestack.ops import client, glue_client
    from gluestack.ops.estate import read_estate, with_tags

    glue = glue_client(aws, endpoint_url)
    estate = with_tags(glue, read_estate(glue, scope), context.account, context.region)
    _check_scope(estate, scope)
    plan = plan_import(estate, context, scope.database)
    s3 = client(aws, "s3", endpoint_url)
    locations = sorted({loc for draft in plan.drafts for loc in draft.scripts.values()})
    scripts = {location: read_script(s3, location) for location in locations}
    origin = Origin(context.account, context.region, endpoint_url)
    return write_import(
        plan,
        scripts,
        project,
        spec_folder,
        origin,
        force=force,
        environments=project_environments(project),
    )


def _check_scope(estate: "GlueEstate", scope: "EstateScope") -> None:
    from gluestack.ops.estate import EstateScope

    if scope.database is not None and scope.database not in estate.databases:
        raise _ScopeNotFound(f"no database '{scope.database}' in the Data Catalog")
    if scope.workflow is not None and scope.workflow not in estate.workflows:
        raise _ScopeNotFound(f"no workflow '{scope.workflow}' in the account")
    if scope != EstateScope() and not (estate.jobs or estate.crawlers):
        raise _ScopeNotFound("no job or crawler in the scope given")


def _account(aws: boto3.Session, endpoint_url: str | None) -> str:
    from gluestack.ops import client

    return client(aws, "sts", endpoint_url).get_caller_identity()["Account"]


def register(app: typer.Typer) -> None:
    app.command("import")(import_estate)
