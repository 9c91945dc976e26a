"""Run an unmodified Glue script in this process, on the local runtime."""

import runpy
import sys
from collections.abc import Mapping
from pathlib import Path

from gluestack.local.glue_compat import GlueRuntime, activated, runtime_scope


def glue_argv(script: Path, job_name: str, arguments: Mapping[str, str]) -> list[str]:
    """sys.argv as Glue passes it: the script, then --NAME value pairs, JOB_NAME included."""
    argv = [str(script), "--JOB_NAME", job_name]
    for name, value in arguments.items():
        argv += [f"--{name.removeprefix('--')}", value]
    return argv


def run_glue_script(
    script: Path, job_name: str, arguments: Mapping[str, str], runtime: GlueRuntime
) -> None:
    """Execute script as __main__ with Glue's argv; awsglue resolves to the local layer."""
    saved_argv = sys.argv
    with activated(), runtime_scope(runtime):
        sys.argv = glue_argv(script, job_name, arguments)
        try:
            runpy.run_path(str(script), run_name="__main__")
        finally:
            sys.argv = saved_argv
