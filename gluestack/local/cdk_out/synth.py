"""Synthesize the CDK app the way the CDK CLI does: run cdk.json's app command."""

import json
import os
import shlex
import subprocess
from pathlib import Path


class SynthError(Exception):
    """The app failed to synthesize; the message holds what it printed."""


def synthesize(project_root: Path, env: str = "dev", outdir: Path | None = None) -> Path:
    """Run the app for one environment into outdir (default project_root/cdk.out)."""
    settings = json.loads((project_root / "cdk.json").read_text())
    context = {**settings.get("context", {}), "env": env}
    target = (outdir or project_root / "cdk.out").resolve()
    environment = {
        **os.environ,
        "CDK_OUTDIR": str(target),
        "CDK_CONTEXT_JSON": json.dumps(context),
    }
    result = subprocess.run(
        shlex.split(settings["app"]),
        cwd=project_root,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SynthError(result.stderr.strip() or result.stdout.strip())
    return target
