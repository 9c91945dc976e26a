"""Each Glue version's offline runtime: its own Spark, so a job run sees the Spark it gets on Glue.

gluestack's own pyspark is the default version's (5.1: Spark 3.5.6). Another version's job
process runs with that version's pyspark (and its py4j) first, installed by pip on first use into
a folder of gluestack's cache and kept there; later runs install nothing. Where the version's
Python is found (on PATH or in pyenv) and is not gluestack's (6.0 runs Python 3.13), the runtime
is a virtual environment of that Python (venv_runtime.py); otherwise it runs on gluestack's Python
and the run report, and the first run in a process, say which Python it used.
"""

import contextlib
import functools
import os
import platform
import shutil
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyspark

from gluestack.local.glue_compat.glue_version import VERSION_VARIABLE
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.s3fs.build import gluestack_cache
from gluestack.spec.glue_versions import DEFAULT_GLUE_VERSION, GLUE_RELEASES, GlueRelease

_COMPLETE = ".complete"  # written last: a folder without it is a half install, redone
_install_lock = threading.Lock()
_python_noted: set[str] = set()


class RuntimeUnavailable(RuntimeError):
    """A version's pyspark could not be installed; the message says what pip printed."""


@dataclass(frozen=True)
class Runtime:
    """Where a version's job processes find their pyspark (overlay None: gluestack's own) and
    which Python runs them."""

    release: GlueRelease
    overlay: Path | None
    python: Path = Path(sys.executable)
    python_version: str = platform.python_version()

    def environment(self, environment: dict[str, str]) -> dict[str, str]:
        """A job process's environment: the awsglue layer behaves as this version's, and finds
        this version's pyspark first (in another Python, only the runtime's folder)."""
        named = {**environment, VERSION_VARIABLE: self.release.version}
        if self.overlay is None:
            return named
        if self.python != Path(sys.executable):
            python = str(self.python)
            return {**named, "PYTHONPATH": str(self.overlay), "PYSPARK_PYTHON": python,
                    "PYSPARK_DRIVER_PYTHON": python}  # fmt: skip
        path = os.pathsep.join(filter(None, [str(self.overlay), environment.get("PYTHONPATH")]))
        return {**named, "PYTHONPATH": path}

    @property
    def python_differs(self) -> bool:
        return self.python_version.split(".")[:2] != self.release.python.split(".")


def runtime_for(version: str | None) -> Runtime:
    """The runtime of a job's GlueVersion (Glue's default when it has none), installed if new."""
    release = GLUE_RELEASES.get(version or DEFAULT_GLUE_VERSION)  # type: ignore[call-overload]
    if release is None:
        raise UnsupportedGlueFeature(
            f"GlueVersion {version} offline (runtimes exist for {', '.join(GLUE_RELEASES)})"
        )
    if release.spark.startswith("3.3.") and sys.version_info >= (3, 11):
        # pyspark 3.3 cannot pickle functions on Python 3.11 (Spark 3.4 added 3.11): its UDFs
        # and DynamicFrame.map would fail offline for a reason Glue 4.0 does not have.
        raise UnsupportedGlueFeature(
            f"GlueVersion {release.version} offline: its Spark {release.spark} does not run on "
            f"Python {platform.python_version()} (Glue {release.version} runs Python "
            f"{release.python}); move the job to 5.1 or run it on AWS Glue"
        )
    own_python = platform.python_version().startswith(release.python + ".")
    python = None if own_python else find_python(release.python)
    if python is not None:
        from gluestack.local.execution.venv_runtime import venv_runtime

        return _noted(venv_runtime(release, python))
    if pyspark.__version__ == release.spark:
        return _noted(Runtime(release, None))
    folder = gluestack_cache() / "runtimes" / f"pyspark-{release.spark}"
    with _install_lock:
        if not (folder / _COMPLETE).is_file():
            _install(release, folder)
    return _noted(Runtime(release, folder))


@functools.cache
def find_python(version: str) -> Path | None:
    """An interpreter of that Python minor version, from PATH or pyenv's versions."""
    named = shutil.which(f"python{version}")
    candidates = [Path(named)] if named else []
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates += sorted(pyenv.glob(f"{version}.*/bin/python{version}"), reverse=True)
    for candidate in candidates:
        probe = subprocess.run([str(candidate), "-V"], capture_output=True, check=False)
        if probe.returncode == 0:  # pyenv's shim of a version not selected fails
            return candidate
    return None


def interpreter_version(python: Path) -> str:
    """The full version of that interpreter, e.g. 3.13.0."""
    probe = "import platform; print(platform.python_version())"
    return subprocess.run(
        [str(python), "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()


def python_note(runtime: Runtime) -> str:
    """How this runtime's Python compares with the version's, for a run's report."""
    used = runtime.python_version
    if runtime.python_differs:
        return f"Python {used} (Glue {runtime.release.version} runs {runtime.release.python})"
    return f"Python {used}"


def _noted(runtime: Runtime) -> Runtime:
    version = runtime.release.version
    if runtime.python_differs and version not in _python_noted:
        _python_noted.add(version)
        print(
            f"gluestack: Glue {version} jobs run offline on Python {runtime.python_version}, "
            f"not {runtime.release.python} as on Glue (no Python {runtime.release.python} was "
            "found on PATH or in pyenv)",
            file=sys.stderr,
        )
    return runtime


def _install(release: GlueRelease, folder: Path) -> None:
    """pip install pyspark==spark into folder, whole or not at all; pip's progress is shown."""
    print(
        f"gluestack: installing Glue {release.version}'s Spark (pyspark {release.spark}) into "
        f"{folder}, once",
        file=sys.stderr,
    )
    staging = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}")
    command = [
        sys.executable, "-m", "pip", "install", "--disable-pip-version-check",
        "--target", str(staging), f"pyspark=={release.spark}",
    ]  # fmt: skip
    # On a terminal pip draws its progress bar there; elsewhere its output is kept for errors.
    shown = sys.stderr.isatty()
    try:
        result = subprocess.run(
            command, stdout=None if shown else subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        if result.returncode != 0:
            last = (result.stderr or "").strip().splitlines() or ["pip failed"]
            raise RuntimeUnavailable(
                f"could not install pyspark {release.spark} for Glue {release.version} jobs: "
                f"{last[-1]}"
            )
        (staging / _COMPLETE).write_text(release.spark)
        if not (folder / _COMPLETE).is_file():  # another process may have finished first
            shutil.rmtree(folder, ignore_errors=True)
            with contextlib.suppress(OSError):
                staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
