"""Run an unmodified Glue script in this process, on the local runtime."""

import runpy
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from gluestack.local.glue_compat import GlueRuntime, activated, runtime_scope
from gluestack.local.glue_compat.spark_context import shared_spark_context


def glue_argv(
    script: Path, job_name: str, arguments: Mapping[str, str], run_id: str = ""
) -> list[str]:
    """sys.argv as Glue passes it: the script, then --NAME value pairs.

    Glue adds JOB_NAME, JOB_ID and JOB_RUN_ID to every run's arguments:
    https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    """
    argv = [str(script), "--JOB_NAME", job_name]
    if run_id:
        argv += ["--JOB_ID", f"j_{job_name}", "--JOB_RUN_ID", run_id]
    for name, value in arguments.items():
        argv += [f"--{name.removeprefix('--')}", value]
    return argv


def run_glue_script(
    script: Path,
    job_name: str,
    arguments: Mapping[str, str],
    runtime: GlueRuntime,
    python_files: Sequence[Path] = (),
    run_id: str = "",
    module_folders: Sequence[Path] = (),
) -> None:
    """Execute script as __main__ with Glue's argv; awsglue resolves to the local layer.

    python_files: zips or .py files importable during the run, as Glue's --extra-py-files.
    module_folders: folders imported from first (the run's --additional-python-modules).
    `SparkContext()` in the script hands back the runtime's running context.
    """
    saved_argv = sys.argv
    with (
        activated(),
        runtime_scope(runtime),
        shared_spark_context(runtime.spark),
        _importable([*module_folders], python_files),
    ):
        sys.argv = glue_argv(script, job_name, arguments, run_id)
        try:
            runpy.run_path(str(script), run_name="__main__")
        finally:
            sys.argv = saved_argv


@contextmanager
def _importable(folders: Sequence[Path], files: Sequence[Path]) -> Iterator[None]:
    """Put folders and files on sys.path (a .py file by its folder), then forget what was
    imported from them, so the next run imports its own versions."""
    entries = [str(f) for f in folders] + [
        str(f if f.suffix == ".zip" else f.parent) for f in files
    ]
    added = [e for e in dict.fromkeys(entries) if e not in sys.path]
    sys.path[:0] = added
    try:
        yield
    finally:
        for entry in added:
            sys.path.remove(entry)
        for name, module in list(sys.modules.items()):
            origin = getattr(module, "__file__", None) or ""
            if any(origin.startswith(entry) for entry in added):
                del sys.modules[name]
