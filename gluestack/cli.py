"""The `gluestack` command: validate specs, synthesize, and run the offline demo."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from gluestack.local.deploy import AssemblyError, DeployError
from gluestack.local.synth import SynthError, synthesize
from gluestack.spec import SpecError, json_schema, load, load_all

app = typer.Typer(no_args_is_help=True, help="AWS Glue pipelines as code, tested offline.")
console = Console()
errors = Console(stderr=True)

SPEC_ERROR_EXIT = 2

ProjectOption = Annotated[
    Path, typer.Option("--project", help="Project root (holds cdk.json and pipelines/).")
]
EnvOption = Annotated[str, typer.Option("--env", "-e", help="Environment declared in cdk.json.")]


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Spec files; default: pipelines/")
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Validate pipeline specs; exit 2 with every problem located when one is invalid."""
    try:
        specs = (
            [load(p, project) for p in paths] if paths else load_all(project / "pipelines", project)
        )
    except SpecError as error:
        errors.print(str(error), markup=False, highlight=False)
        raise typer.Exit(SPEC_ERROR_EXIT) from None
    for spec in specs:
        console.print(
            f"[green]ok[/] {spec.name}: {len(spec.sources)} sources, {len(spec.crawlers)} "
            f"crawlers, {len(spec.jobs)} jobs, {len(spec.triggers)} triggers"
        )


@app.command()
def schema() -> None:
    """Print the JSON Schema of a pipeline spec (for editors and CI)."""
    typer.echo(json_schema())


@app.command()
def synth(env: EnvOption = "dev", project: ProjectOption = Path(".")) -> None:
    """Synthesize the CDK app into cdk.out, as `cdk synth` would."""
    try:
        out = synthesize(project.resolve(), env)
    except SynthError as error:
        errors.print(str(error), markup=False, highlight=False)
        raise typer.Exit(SPEC_ERROR_EXIT) from None
    console.print(f"synthesized into {out}")


@app.command()
def demo(env: EnvOption = "dev", project: ProjectOption = Path(".")) -> None:
    """Synthesize, deploy into an in-process moto, and run every pipeline's trigger chain."""
    from gluestack.local.demo import run_demo  # moto is a dev dependency: import on use

    try:
        code = run_demo(project.resolve(), env, console)
    except (SpecError, SynthError) as error:
        errors.print(str(error), markup=False, highlight=False)
        raise typer.Exit(SPEC_ERROR_EXIT) from None
    except (AssemblyError, DeployError) as error:
        errors.print(f"deploy failed: {error}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    raise typer.Exit(code)


if __name__ == "__main__":
    app()
