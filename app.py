#!/usr/bin/env python3
"""CDK entry point: every spec in pipelines/, for the environment given by `-c env=NAME`."""

import os
import sys
from pathlib import Path

import aws_cdk as cdk

from gluestack.spec import SpecError, load_all
from stacks.app_builder import build_app
from stacks.compliance.gates import add_gates
from stacks.environment import (
    EnvironmentError_,
    context_for_plain_python,
    declared_environments,
    environment_from_context,
)

PROJECT_ROOT = Path(__file__).resolve().parent


def main() -> None:
    # Run by the CDK CLI, CDK_OUTDIR and the context come from it; run as plain python, from here.
    app = cdk.App(
        context=context_for_plain_python(PROJECT_ROOT),
        outdir=os.environ.get("CDK_OUTDIR", str(PROJECT_ROOT / "cdk.out")),
    )
    try:
        env = environment_from_context(app)
        pipelines = Path(os.environ.get("GLUESTACK_PIPELINES", PROJECT_ROOT / "pipelines"))
        specs = load_all(pipelines, PROJECT_ROOT, declared_environments(app))
    except (SpecError, EnvironmentError_) as error:
        print(error, file=sys.stderr)
        sys.exit(2)
    build_app(app, specs, env, PROJECT_ROOT)
    add_gates(app)
    app.synth()


if __name__ == "__main__":
    main()
