"""Commands on pipeline specs and the CDK app: validate, schema, synth, iam."""

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gluestack.cli.common import (
    SPEC_ERROR_EXIT,
    EnvOption,
    ProjectOption,
    console,
    fail,
    project_environments,
)
from gluestack.local.cdk_out.synth import SynthError, synthesize, synthesized
from gluestack.spec import SpecError, json_schema, load, load_all

SpecPaths = Annotated[list[Path] | None, typer.Argument(help="Spec files; default: pipelines/")]


def validate(paths: SpecPaths = None, project: ProjectOption = Path(".")) -> None:
    """Validate pipeline specs; exit 2 with every problem located when one is invalid."""
    environments = project_environments(project)
    try:
        specs = (
            [load(p, project, environments) for p in paths]
            if paths
            else load_all(project / "pipelines", project, environments)
        )
    except SpecError as error:
        fail(error, SPEC_ERROR_EXIT)
    for spec in specs:
        console.print(
            f"[green]ok[/] {spec.name}: {len(spec.sources)} sources, {len(spec.crawlers)} "
            f"crawlers, {len(spec.jobs)} jobs, {len(spec.triggers)} triggers"
        )


def schema() -> None:
    """Print the JSON Schema of a pipeline spec (for editors and CI)."""
    typer.echo(json_schema())


def synth(env: EnvOption = "dev", project: ProjectOption = Path(".")) -> None:
    """Synthesize the CDK app into cdk.out, as `cdk synth` would."""
    try:
        out = synthesize(project.resolve(), env)
    except SynthError as error:
        fail(error, SPEC_ERROR_EXIT)
    console.print(f"synthesized into {out}")


def iam(pipeline: str, env: EnvOption = "dev", project: ProjectOption = Path(".")) -> None:
    """Who may do what on which resource: each job's and crawler's IAM statements (a job or
    crawler with an existing role: its own policies apply)."""
    from gluestack.local.cdk_out.deploy import AssemblyError, read_assembly
    from gluestack.local.cdk_out.iam_report import existing_roles, pipeline_permissions

    try:
        with synthesized(project.resolve(), env) as cdk_out:
            stacks = read_assembly(cdk_out)
    except (SynthError, AssemblyError) as error:
        fail(error, SPEC_ERROR_EXIT)
    stack = next((s for s in stacks if s.name.endswith(f"-pipeline-{pipeline}")), None)
    if stack is None:
        names = sorted(s.name.rsplit("-pipeline-", 1)[1] for s in stacks if "-pipeline-" in s.name)
        fail(f"no pipeline '{pipeline}' in the app; pipelines: {', '.join(names)}")
    table = Table(title=f"IAM of pipeline {pipeline} ({env})", show_lines=True)
    for column in ("who", "may", "on", "when"):
        table.add_column(column, overflow="fold")
    for permission in pipeline_permissions(stack, pipeline, env):
        table.add_row(
            permission.principal,
            "\n".join(permission.actions),
            "\n".join(permission.resources),
            permission.condition,
        )
    for existing in existing_roles(stack, pipeline, env):
        table.add_row(existing.principal, existing.statement, "", "")
    console.print(table)


def register(app: typer.Typer) -> None:
    for command in (validate, schema, synth, iam):
        app.command()(command)
