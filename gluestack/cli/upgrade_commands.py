"""`gluestack upgrade-check PIPELINE --to 6.0`: what moving a pipeline's Spark jobs would change."""

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from gluestack.cli.common import (
    FAILURE_EXIT,
    SPEC_ERROR_EXIT,
    EnvOption,
    JsonOption,
    ProjectOption,
    WorkspaceOption,
    console,
    fail,
    pipeline_spec,
    workspace_root,
)
from gluestack.local.cdk_out.synth import SynthError, synthesized
from gluestack.local.records.workspace import DEFAULT_WORKSPACE, Workspace
from gluestack.local.upgrade.findings import MIGRATION_60
from gluestack.spec.glue_versions import GLUE_RELEASES

if TYPE_CHECKING:
    from gluestack.local.upgrade.check import UpgradeReport, WrittenTable

TargetOption = Annotated[
    str, typer.Option("--to", help=f"The Glue version to try: {', '.join(GLUE_RELEASES)}.")
]


def upgrade_check(
    pipeline: str,
    to: TargetOption = "6.0",
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    as_json: JsonOption = False,
) -> None:
    """Run the pipeline offline as deployed and with its Spark jobs on --to, over copies of the
    workspace; show each job's state, outputs (rows, columns) and what its script does that the
    version changes. Exit 1 when anything changed or breaks."""
    from gluestack.local.execution.spark import local_spark_session
    from gluestack.local.pipeline_run import PipelineNotDeployed
    from gluestack.local.upgrade.check import upgrade_check as check

    if to not in GLUE_RELEASES:
        fail(f"--to {to}: Glue versions are {', '.join(GLUE_RELEASES)}", SPEC_ERROR_EXIT)
    spec = pipeline_spec(project, pipeline)
    root = Workspace(workspace_root(project, workspace))
    spark = local_spark_session(root.s3_root, app_name="gluestack-upgrade-check")
    try:
        with synthesized(project.resolve(), env) as cdk_out:
            report = check(cdk_out, env, spec, project, root, to, spark)
    except SynthError as error:
        fail(error, SPEC_ERROR_EXIT)
    except PipelineNotDeployed as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(asdict(report), indent=2, default=str))
    else:
        print_report(report)
    if not report.clean:
        raise typer.Exit(FAILURE_EXIT)


def print_report(report: "UpgradeReport") -> None:
    table = Table(title=f"{report.pipeline}: Spark jobs as deployed, then on Glue {report.target}")
    for column in ("job", "as deployed", f"on {report.target}", "outputs", "message"):
        table.add_column(column, overflow="fold")
    for job in report.jobs:
        outputs = "; ".join(
            f"{name}: {_written(before)}" + ("" if before == after else f" -> {_written(after)}")
            for name, (before, after) in job.outputs.items()
        )
        changed = "[red]" if job.changed else ""
        table.add_row(job.job, job.before, f"{changed}{job.after}", outputs, job.message)
    console.print(table)
    for finding in report.findings:
        kind = "[red]breaks[/]" if finding.breaks else "[yellow]deprecated[/]"
        where = f" line {finding.line}" if finding.line else ""
        console.print(f"{kind} {finding.job}{where}: {finding.message}", highlight=False)
    verdict = "nothing changed" if report.clean else "changes above"
    console.print(f"Glue {report.target}: {verdict} (the migration guide: {MIGRATION_60})")


def _written(table: "WrittenTable") -> str:
    return "nothing" if table.rows is None else f"{table.rows:,} rows, {len(table.columns)} columns"


def register(app: typer.Typer) -> None:
    app.command("upgrade-check")(upgrade_check)
