"""A project's whole CDK app: every spec in pipelines/ for the environment `-c env=NAME` names.

A project's app.py calls synth_project (gluestack init writes one); `customize` is the project's
own code, run on gluestack's stacks before the compliance gates check the whole app.
"""

import os
import sys
from collections.abc import Callable
from pathlib import Path

import aws_cdk as cdk

from gluestack.cdk.app_builder import GluestackApp, build_app
from gluestack.cdk.compliance.gates import add_gates
from gluestack.cdk.environment import (
    EnvironmentError_,
    context_for_plain_python,
    declared_environments,
    environment_from_context,
)
from gluestack.spec import SpecError, load_all

PIPELINES_VARIABLE = "GLUESTACK_PIPELINES"


def synth_project(
    project_root: Path, customize: Callable[[GluestackApp], None] | None = None
) -> cdk.App:
    """Build and synthesize the project's app; a bad spec or environment exits 2, no traceback."""
    # Run by the CDK CLI, CDK_OUTDIR and the context come from it; run as plain python, from here.
    app = cdk.App(
        context=context_for_plain_python(project_root),
        outdir=os.environ.get("CDK_OUTDIR", str(project_root / "cdk.out")),
    )
    try:
        env = environment_from_context(app)
        pipelines = Path(os.environ.get(PIPELINES_VARIABLE, project_root / "pipelines"))
        specs = load_all(pipelines, project_root, declared_environments(app))
    except (SpecError, EnvironmentError_) as error:
        print(error, file=sys.stderr)
        sys.exit(2)
    stacks = build_app(app, specs, env, project_root)
    if customize is not None:
        customize(stacks)
    add_gates(app)
    app.synth()
    return app
