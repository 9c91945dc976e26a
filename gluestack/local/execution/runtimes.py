"""Each Glue version's offline runtime: its own Spark, so a job run sees the Spark it gets on Glue.

gluestack's own pyspark is the default version's (5.1: Spark 3.5.6). Another version's job
process runs with that version's pyspark (and its py4j) first on PYTHONPATH, installed by pip on
first use into a folder of gluestack's cache and kept there; later runs install nothing. Every
runtime runs on gluestack's Python: where it is not the version's (6.0 runs Python 3.13 on Glue),
the run report says which Python it used and the first run in a process says so too.
"""

import contextlib
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
    """Where a version's job processes find their pyspark (None: gluestack's own)."""

    release: GlueRelease
    overlay: Path | None

    def environment(self, environment: dict[str, str]) -> dict[str, str]:
        """A job process's environment: the awsglue layer behaves as this version's, and finds
        this version's pyspark first."""
        named = {**environment, VERSION_VARIABLE: self.release.version}
        if self.overlay is None:
            return named
        path = os.pathsep.join(filter(None, [str(self.overlay), environment.get("PYTHONPATH")]))
        return {**named, "PYTHONPATH": path}

    @property
    def python_differs(self) -> bool:
        return platform.python_version_tuple()[:2] != tuple(self.release.python.split("."))


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
    if pyspark.__version__ == release.spark:
        return _noted(Runtime(release, None))
    folder = gluestack_cache() / "runtimes" / f"pyspark-{release.spark}"
    with _install_lock:
        if not (folder / _COMPLETE).is_file():
            _install(release, folder)
    return _noted(Runtime(release, folder))


def python_note(runtime: Runtime) -> str:
    """How this runtime's Python compares with the version's, for a run's report."""
    used = platform.python_version()
    if runtime.python_differs:
        return f"Python {used} (Glue {runtime.release.version} runs {runtime.release.python})"
    return f"Python {used}"


def _noted(runtime: Runtime) -> Runtime:
    version = runtime.release.version
    if runtime.python_differs and version not in _python_noted:
        _python_noted.add(version)
        print(
            f"gluestack: Glue {version} jobs run offline on Python {platform.python_version()}, "
            f"not {runtime.release.python} as on Glue (offline runtimes use gluestack's Python)",
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
