"""Synthesize the CDK app the way the CDK CLI does: run cdk.json's app command."""

import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gluestack.local.cdk_out import synth_cache

# An app command that names a bare Python runs in the interpreter gluestack runs in: the one
# with gluestack and the project's dependencies, whichever `python` is first on PATH.
_BARE_PYTHONS = {"python", "python3"}


class SynthError(Exception):
    """The app failed to synthesize; the message holds what it printed."""


def synthesize(project_root: Path, env: str = "dev", outdir: Path | None = None) -> Path:
    """Run the app for one environment into outdir (default project_root/cdk.out), or copy the
    assembly the same inputs gave last time (see synth_cache)."""
    settings = json.loads((project_root / "cdk.json").read_text())
    context = {**settings.get("context", {}), "env": env}
    target = (outdir or project_root / "cdk.out").resolve()
    command = shlex.split(settings["app"])
    if command and command[0] in _BARE_PYTHONS:
        command[0] = sys.executable
    key = synth_cache.synthesis_key(project_root.resolve(), command, context)
    if synth_cache.restore(key, target):
        return target
    environment = {
        **os.environ,
        "CDK_OUTDIR": str(target),
        "CDK_CONTEXT_JSON": json.dumps(context),
    }
    result = subprocess.run(
        command,
        cwd=project_root,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SynthError(result.stderr.strip() or result.stdout.strip())
    synth_cache.keep(key, target)
    return target


@contextmanager
def synthesized(project_root: Path, env: str = "dev") -> Iterator[Path]:
    """The app synthesized into a cloud assembly of its own, removed after the block.

    For commands that read or deploy the assembly: two of them running at once (a `local run`
    beside `gluestack iam`) never read a cdk.out the other is rewriting, and the project's own
    cdk.out stays what `cdk synth` or `gluestack synth` last wrote.
    """
    with tempfile.TemporaryDirectory(prefix="gluestack-cdk-") as folder:
        yield synthesize(project_root, env, Path(folder) / "cdk.out")
