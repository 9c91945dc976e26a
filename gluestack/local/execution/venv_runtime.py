"""A Glue version's runtime on that version's own Python: a virtual environment in gluestack's
cache holding the version's pyspark and the libraries a job process imports, at the versions
gluestack runs with; gluestack's own code is reached through a folder holding only a link to it,
so nothing built for gluestack's Python is imported by the other."""

import importlib.metadata
import shutil
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import gluestack
from gluestack.local.execution.runtimes import Runtime, RuntimeUnavailable, interpreter_version
from gluestack.local.s3fs.build import gluestack_cache
from gluestack.spec.glue_versions import GlueRelease

# What a job process imports besides pyspark (boto3 to reach the account, pydantic and yaml for
# the spec contract, croniter, numpy and pandas and pyarrow for scripts' toPandas and pandas
# UDFs), pinned to the versions gluestack runs with.
JOB_PROCESS_LIBRARIES = (
    "boto3", "croniter", "pydantic", "email-validator", "PyYAML", "ruamel.yaml", "numpy", "pandas",
    "pyarrow",
)  # fmt: skip
_COMPLETE = ".complete"
_lock = threading.Lock()


def venv_runtime(release: GlueRelease, python: Path) -> Runtime:
    """The runtime of release on python, created on first use."""
    folder = gluestack_cache() / "runtimes" / f"glue-{release.version}-python{release.python}"
    with _lock:
        if not (folder / _COMPLETE).is_file():
            _create(folder, release, python)
    version = (folder / _COMPLETE).read_text().strip()
    return Runtime(release, folder / "code", folder / "bin" / "python", version)


def _create(folder: Path, release: GlueRelease, python: Path) -> None:
    print(
        f"gluestack: creating Glue {release.version}'s runtime (Python {release.python}, pyspark "
        f"{release.spark}) in {folder}, once",
        file=sys.stderr,
    )
    staging = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}")
    try:
        _run([str(python), "-m", "venv", str(staging)])
        pins = [f"pyspark=={release.spark}", *_pinned(JOB_PROCESS_LIBRARIES)]
        # On a terminal pip draws its progress bars there.
        _run([str(staging / "bin" / "python"), "-m", "pip", "install",
              "--disable-pip-version-check", *pins], shown=sys.stderr.isatty())  # fmt: skip
        version = interpreter_version(staging / "bin" / "python")
        (staging / "code").mkdir()
        (staging / "code" / "gluestack").symlink_to(Path(gluestack.__file__).resolve().parent)
        (staging / _COMPLETE).write_text(version)
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)  # run only as bin/python, which finds its folder wherever it is
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _pinned(names: tuple[str, ...]) -> list[str]:
    pins = []
    for name in names:
        try:
            pins.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue  # gluestack runs without it: so can the job process
    return pins


def _run(command: list[str], *, shown: bool = False) -> None:
    result = subprocess.run(
        command, stdout=None if shown else subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    if result.returncode != 0:
        last = (result.stderr or "").strip().splitlines() or ["failed"]
        raise RuntimeUnavailable(f"could not create the runtime ({command[2]}): {last[-1]}")
