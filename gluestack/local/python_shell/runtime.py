"""A Python shell job's runtime: a virtual environment of Python 3.9 holding its library set.

https://docs.aws.amazon.com/glue/latest/dg/add-job-python.html lists what Glue preinstalls for
Python 3.9: `library-set analytics` (below), `none` only awscli and botocore. As published the
set cannot be installed together (awscli 1.23.5 needs botocore 1.25.5, boto3 1.21.21 botocore
1.24.21): boto3's botocore is kept and awscli, a command-line tool, left out. A library pip
cannot install here (one needing system headers, say) is recorded; importing it fails naming
why. The job's `--additional-python-modules` are installed on top, as Glue does per run.
Environments are kept in gluestack's cache, one per library set and module list.
"""

import hashlib
import json
import platform
import shutil
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from gluestack.local.execution.pip_install import pip_install
from gluestack.local.execution.runtimes import RuntimeUnavailable, find_python, interpreter_version
from gluestack.local.s3fs.build import gluestack_cache

PYTHON_VERSION = "3.9"
ANALYTICS = (
    "avro==1.11.0", "awswrangler==2.15.1", "boto3==1.21.21", "elasticsearch==8.2.0",
    "numpy==1.22.3", "pandas==1.4.2", "psycopg2==2.9.3", "pyathena==2.5.3", "PyMySQL==1.0.2",
    "pyodbc==4.0.32", "pyorc==0.6.0", "redshift-connector==2.0.907", "requests==2.27.1",
    "scikit-learn==1.0.2", "scipy==1.8.0", "SQLAlchemy==1.4.36", "s3fs==2022.3.0",
)  # fmt: skip
LIBRARY_SETS: dict[str, tuple[str, ...]] = {"analytics": ANALYTICS, "none": ("botocore==1.23.5",)}
_MISSING_FILE = "missing.json"  # library's import name -> why it could not be installed
_COMPLETE = ".complete"
_lock = threading.Lock()


@dataclass(frozen=True)
class ShellRuntime:
    python: Path
    python_version: str
    missing: dict[str, str]

    @property
    def python_note(self) -> str:
        if self.python_version.startswith(PYTHON_VERSION + "."):
            return f"Python {self.python_version}"
        return f"Python {self.python_version} (Glue's Python shell runs {PYTHON_VERSION})"


def shell_runtime(library_set: str, modules: list[str]) -> ShellRuntime:
    """The environment for this library set and module list, created on first use."""
    if library_set not in LIBRARY_SETS:
        raise RuntimeUnavailable(f"library-set {library_set}: Glue offers analytics or none")
    key = hashlib.sha256(json.dumps([library_set, sorted(modules)]).encode()).hexdigest()[:12]
    folder = gluestack_cache() / "runtimes" / f"pythonshell-{PYTHON_VERSION}-{library_set}-{key}"
    with _lock:
        if not (folder / _COMPLETE).is_file():
            _create(folder, LIBRARY_SETS[library_set], modules)
    missing = json.loads((folder / _MISSING_FILE).read_text())
    python = folder / "bin" / "python"
    version = (folder / _COMPLETE).read_text().strip()
    if not version:  # kept by a gluestack that did not record it
        version = interpreter_version(python)
        (folder / _COMPLETE).write_text(version)
    return ShellRuntime(python, version, missing)


def library_choice(arguments: dict[str, str]) -> tuple[str, list[str]]:
    """The job's library set (Glue's default: analytics) and its additional modules."""
    library_set = arguments.get("library-set", arguments.get("--library-set", "analytics"))
    modules = arguments.get("--additional-python-modules", "")
    return library_set, [m.strip() for m in modules.split(",") if m.strip()]


def shell_python() -> Path:
    """Python 3.9 from PATH or pyenv, else gluestack's own Python (which it says, once)."""
    if found := find_python(PYTHON_VERSION):
        return found
    print(
        f"gluestack: Python {PYTHON_VERSION} was not found; Python shell jobs run offline on "
        f"Python {platform.python_version()}",
        file=sys.stderr,
    )
    return Path(sys.executable)


def _create(folder: Path, libraries: tuple[str, ...], modules: list[str]) -> None:
    print(f"gluestack: creating a Python shell runtime in {folder}, once", file=sys.stderr)
    staging = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}")
    try:
        subprocess.run(
            [str(shell_python()), "-m", "venv", str(staging)], check=True, capture_output=True
        )
        python = staging / "bin" / "python"
        missing = {}
        if pip_install(python, list(libraries)) is not None:  # find which ones cannot be installed
            for library in libraries:
                if reason := pip_install(python, [library]):
                    missing[_import_name(library)] = reason
        if modules and (reason := pip_install(python, modules)):
            raise RuntimeUnavailable(f"--additional-python-modules {','.join(modules)}: {reason}")
        (staging / _MISSING_FILE).write_text(json.dumps(missing))
        (staging / _COMPLETE).write_text(interpreter_version(python))
        # Moved as a whole; it is only ever run as bin/python (-m pip), which finds its folder.
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    except subprocess.CalledProcessError as error:
        raise RuntimeUnavailable(f"could not create a Python shell runtime: {error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


_IMPORT_NAMES = {"PyMySQL": "pymysql", "scikit-learn": "sklearn", "SQLAlchemy": "sqlalchemy",
                 "redshift-connector": "redshift_connector"}  # fmt: skip


def _import_name(requirement: str) -> str:
    name = requirement.split("==")[0]
    return _IMPORT_NAMES.get(name, name)
