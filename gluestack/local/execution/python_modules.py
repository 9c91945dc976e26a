"""A Spark job's `--additional-python-modules`, installed as Glue installs them for a run.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-python-libraries.html: a
comma-separated list of PyPI requirements (`package==version`, any PEP 440 specifier) or S3
paths of distributions, installed with pip3 before the script runs (replacing a preinstalled
version); `--python-modules-installer-option` passes options to pip3. Offline they go into a
folder of gluestack's cache, one per interpreter, module list and options, kept between runs,
and the script imports them ahead of what the runtime has. A module the job process imported
before the script started (so the script could not see the requested version) is refused.
"""

import hashlib
import importlib.metadata
import json
import platform
import re
import shlex
import shutil
import sys
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.execution.pip_install import pip_install
from gluestack.local.execution.s3_objects import fetch_object
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.s3fs.build import gluestack_cache
from gluestack.spec.glue_preinstalled_modules import canonical_name

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

MODULES_ARGUMENT = "--additional-python-modules"
INSTALLER_OPTION = "--python-modules-installer-option"
_COMPLETE = ".complete"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_EXACT = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;,]+)")


def requested_modules(arguments: dict[str, str]) -> list[str]:
    """The run's module entries, in order, blanks dropped."""
    return [m.strip() for m in arguments.get(MODULES_ARGUMENT, "").split(",") if m.strip()]


def install_modules(arguments: dict[str, str], s3: "S3Client", downloads: Path) -> Path | None:
    """The folder holding the run's additional modules (installed on first use), or None.

    S3 entries are downloaded into downloads first, as Glue fetches them.
    """
    modules = requested_modules(arguments)
    if not modules:
        return None
    options = shlex.split(arguments.get(INSTALLER_OPTION, ""))
    requirements = [_local(entry, s3, downloads) for entry in modules]
    pins = imported_pins()
    _refuse_pinned_elsewhere(modules, requirements, pins)
    key = json.dumps([platform.python_version(), modules, options, _digests(requirements), pins])
    name = f"py{platform.python_version()}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
    folder = gluestack_cache() / "job-modules" / name
    if not is_installed(folder):
        _install(folder, requirements, options, modules, pins)
    return folder


def _refuse_pinned_elsewhere(modules: list[str], requirements: list[str], pins: list[str]) -> None:
    """An exact version (name==v, or a wheel's file name) of a distribution the process already
    runs at another version: the script could not see it."""
    present = dict(pin.split("==", 1) for pin in map(canonical_name, pins))
    for entry, requirement in zip(modules, requirements, strict=True):
        name, wanted = _exact_pin(requirement)
        running = present.get(canonical_name(name))
        if running is not None and running != wanted:
            raise UnsupportedGlueFeature(
                f"{MODULES_ARGUMENT} {entry} ({name}=={wanted}): the offline job process runs on "
                f"{name} {running} (it imported it before the script); pin {name}=={running} or "
                "run the job on AWS Glue"
            )


def requested_distributions(arguments: dict[str, str]) -> set[str]:
    """The PEP 503 names of the distributions the run's module entries name."""
    return {canonical_name(_requirement_name(m)) for m in requested_modules(arguments)} - {""}


def _requirement_name(requirement: str) -> str:
    """The distribution a requirement or a wheel (path or URI) names, or "" (a requirements
    file, a zip of wheels)."""
    if requirement.endswith(".whl"):  # name-version-tags.whl
        return Path(requirement).name.split("-")[0]
    name = _NAME.match(requirement.strip())
    return name.group(0) if name and "://" not in requirement else ""


def _exact_pin(requirement: str) -> tuple[str, str]:
    """(name, version) a requirement fixes, or ("", "") when it names a range."""
    if requirement.endswith(".whl"):
        return _requirement_name(requirement), Path(requirement).name.split("-")[1]
    exact = _EXACT.fullmatch(requirement.strip())
    return (exact.group(1), exact.group(2)) if exact else ("", "")


def imported_pins() -> list[str]:
    """name==version of every distribution the process has imported already (botocore's
    urllib3, say): a requested module's dependencies are resolved against those versions, as
    they would be against Glue's preinstalled ones, rather than shadowing them unseen."""
    pins = {
        f"{d.metadata['Name']}=={d.version}"
        for d in importlib.metadata.distributions()
        if d.metadata["Name"] and _top_level(d) & set(sys.modules)
    }
    return sorted(pins)


def _local(entry: str, s3: "S3Client", downloads: Path) -> str:
    return str(fetch_object(s3, downloads, entry)) if entry.startswith("s3://") else entry


def _digests(requirements: list[str]) -> list[str]:
    """A downloaded distribution by its content, so a replaced object is installed again."""
    return [
        hashlib.sha256(Path(r).read_bytes()).hexdigest() if Path(r).is_file() else r
        for r in requirements
    ]


def _install(
    folder: Path, requirements: list[str], options: list[str], modules: list[str], pins: list[str]
) -> None:
    print(f"gluestack: installing {MODULES_ARGUMENT} {','.join(modules)}, once", file=sys.stderr)
    reason = install_into(folder, [*options, *requirements], pins)
    if reason is not None:
        raise UnsupportedGlueFeature(
            f"{MODULES_ARGUMENT} {','.join(modules)}: pip could not install them here: {reason}"
        )


def is_installed(folder: Path) -> bool:
    """Whether folder holds a finished install."""
    return (folder / _COMPLETE).is_file()


def mark_installed(folder: Path) -> None:
    (folder / _COMPLETE).write_text("")


def install_into(folder: Path, arguments: list[str], constraints: list[str]) -> str | None:
    """pip-install arguments into folder, whole or not at all, keeping constraints (name==v);
    None when it worked, else pip's reason."""
    staging = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}")
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        reason = pip_checked(["--target", str(staging), *arguments], constraints)
        if reason is None:
            mark_installed(staging)
            shutil.rmtree(folder, ignore_errors=True)
            staging.rename(folder)
        return reason
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def pip_checked(arguments: list[str], constraints: list[str]) -> str | None:
    """pip install arguments for this interpreter, constraints (name==v) kept; pip's reason."""
    with tempfile.TemporaryDirectory(prefix="gluestack-pip-") as scratch:
        file = Path(scratch) / "constraints.txt"
        file.write_text("".join(f"{pin}\n" for pin in constraints))
        return pip_install(Path(sys.executable), ["--constraint", str(file), *arguments])


def _top_level(distribution: importlib.metadata.Distribution) -> set[str]:
    listed = distribution.read_text("top_level.txt")
    if listed:
        return {line.strip() for line in listed.splitlines() if line.strip()}
    files = distribution.files or []
    return {f.parts[0].removesuffix(".py") for f in files if not f.parts[0].endswith("-info")}
