"""Commands on pipeline specs and the CDK app: validate, schema, synth, demo."""

from pathlib import Path
from typing import Annotated

import typer

from gluestack.cli.common import (
    SPEC_ERROR_EXIT,
    EnvOption,
    ProjectOption,
    console,
    fail,
    project_environments,
)
from gluestack.local.synth import SynthError, synthesize
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


def demo(env: EnvOption = "dev", project: ProjectOption = Path(".")) -> None:
    """Deploy into an in-process moto, run every workflow on local Spark, train the tree."""
    from gluestack.local.demo import run_demo  # moto and pyspark are dev dependencies
    from gluestack.local.deploy import AssemblyError, DeployError

    try:
        code = run_demo(project.resolve(), env, console)
    except (SpecError, SynthError) as error:
        fail(error, SPEC_ERROR_EXIT)
    except (AssemblyError, DeployError) as error:
        fail(f"deploy failed: {error}")
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    for command in (validate, schema, synth, demo):
        app.command()(command)
