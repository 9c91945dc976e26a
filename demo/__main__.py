"""`make demo` (`python -m demo [--fresh]`): the flights example end to end, offline."""

from pathlib import Path
from typing import Annotated

import typer

from demo import run_demo
from gluestack.cli.common import SPEC_ERROR_EXIT, console, fail
from gluestack.local.cdk_out.deploy import AssemblyError, DeployError
from gluestack.local.cdk_out.synth import SynthError
from gluestack.spec import SpecError


def main(
    env: Annotated[str, typer.Option(help="Environment declared in cdk.json.")] = "dev",
    project: Annotated[Path, typer.Option(help="Project root (holds cdk.json).")] = Path("."),
    fresh: Annotated[
        bool, typer.Option(help="Empty the workspace first: no earlier outputs or bookmarks.")
    ] = False,
) -> None:
    """Deploy into the offline account, run the flights workflow there, train the tree."""
    try:
        code = run_demo(project.resolve(), env, console, fresh=fresh)
    except (SpecError, SynthError) as error:
        fail(error, SPEC_ERROR_EXIT)
    except (AssemblyError, DeployError) as error:
        fail(f"deploy failed: {error}")
    raise typer.Exit(code)


if __name__ == "__main__":
    typer.run(main)
