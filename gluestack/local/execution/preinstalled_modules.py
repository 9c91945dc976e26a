"""Glue's preinstalled Python modules, at Glue's versions, for what a job's script imports.

On Glue a job runs with its version's published module set (gluestack.spec.
glue_preinstalled_modules); offline its process runs on whatever the runtime holds. Before the
script starts, the distributions it imports (found statically, import statements anywhere in
the file) that Glue pins at another version, or that the runtime lacks, are installed at Glue's
version into a folder of gluestack's cache (one per interpreter, Glue version and pin set) that
the script imports first, as `--additional-python-modules` are. What cannot be swapped is said
on the run's log, one line each: a distribution the job process imported before the script, and
a version pip cannot install for this interpreter. `--additional-python-modules` entries win, as
Glue's pip replaces the preinstalled version.
"""

import ast
import hashlib
import importlib.metadata
import json
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from gluestack.local.execution.python_modules import (
    imported_pins,
    install_into,
    is_installed,
    mark_installed,
    pip_checked,
    requested_distributions,
)
from gluestack.local.s3fs.build import gluestack_cache
from gluestack.spec import glue_preinstalled_modules as glue_modules
from gluestack.spec.glue_preinstalled_modules import canonical_name, preinstalled_version

# Import names whose distribution is spelled otherwise, for when the runtime lacks it (so
# packages_distributions() cannot tell).
IMPORT_NAMES = {
    "sklearn": "scikit-learn",
    "yaml": "PyYAML",
    "PIL": "Pillow",
    "dateutil": "python-dateutil",
    "attr": "attrs",
    "pymysql": "PyMySQL",
}
_UNAVAILABLE = "unavailable.json"


@dataclass(frozen=True)
class Pin:
    """A distribution the script imports, at Glue's version, and the runtime's (None: absent)."""

    distribution: str
    glue: str
    running: str | None

    @property
    def requirement(self) -> str:
        return f"{self.distribution}=={self.glue}"


def imported_modules(script: Path) -> set[str]:
    """The top-level modules the script's absolute imports name, wherever they stand."""
    try:
        tree = ast.parse(script.read_bytes(), filename=str(script))
    except SyntaxError:  # the run reports it when the script starts
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def distributions_of(modules: set[str]) -> set[str]:
    """The distributions providing modules: the runtime's, else the import name's own."""
    installed = importlib.metadata.packages_distributions()
    found: set[str] = set()
    for module in modules:
        found.update(installed.get(module) or [IMPORT_NAMES.get(module, module)])
    return found


def preinstalled_folder(
    script: Path, glue_version: str | None, arguments: dict[str, str]
) -> Path | None:
    """The folder holding Glue's versions of what the script imports (installed on first
    use), or None when nothing differs or glue_version has no published list."""
    version = next((v for v in glue_modules.PREINSTALLED if v == glue_version), None)
    if version is None:
        return None
    label = f"Glue {version}"
    replaced = requested_distributions(arguments)
    # The standard library has no distributions: a script importing nothing else costs no scan.
    modules = {m for m in imported_modules(script) if m not in sys.stdlib_module_names}
    differing = [
        (distribution, glue, running)
        for distribution in sorted(distributions_of(modules) if modules else ())
        if (glue := preinstalled_version(version, distribution)) is not None
        and canonical_name(distribution) not in replaced
        and (running := _installed_version(distribution)) != glue
    ]
    if not differing:
        return None
    loaded = {canonical_name(n): (n, v) for n, v in (p.split("==", 1) for p in imported_pins())}
    pins: list[Pin] = []
    for distribution, glue, running in differing:
        if canonical_name(distribution) in loaded:
            name, here = loaded[canonical_name(distribution)]
            _say(f"{name} {here} here, {label} has {glue} (already loaded by the job process)")
            continue
        pins.append(Pin(distribution, glue, running))
    if not pins:
        return None
    folder = _cache_folder(version, pins)
    if not is_installed(folder):
        _install(folder, pins, _constraints(glue_modules.PREINSTALLED[version], loaded, pins))
    unavailable = json.loads((folder / _UNAVAILABLE).read_text())
    for pin in pins:
        if pin.requirement in unavailable:
            instead = f"{pin.running} is used" if pin.running else "the script runs without it"
            _say(
                f"{pin.distribution} {pin.glue} ({label}) cannot be installed for Python "
                f"{platform.python_version()} here ({unavailable[pin.requirement]}); {instead}"
            )
    return folder


def _cache_folder(version: str, pins: list[Pin]) -> Path:
    requirements = sorted(pin.requirement for pin in pins)
    key = json.dumps([platform.python_version(), version, requirements])
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return gluestack_cache() / "glue-preinstalled" / f"py{platform.python_version()}-{digest}"


def _constraints(
    table: dict[str, str], loaded: dict[str, tuple[str, str]], pins: list[Pin]
) -> list[str]:
    """What pip resolves against: the versions the process runs, else Glue's (so a pinned
    module's dependencies come at Glue's versions too)."""
    pinned = {canonical_name(pin.distribution) for pin in pins}
    kept = [f"{name}=={v}" for name, v in loaded.values() if canonical_name(name) not in pinned]
    glue = [
        f"{name}=={v}"
        for name, v in table.items()
        if canonical_name(name) not in loaded and canonical_name(name) not in pinned
    ]
    return sorted([*kept, *glue])


def _install(folder: Path, pins: list[Pin], constraints: list[str]) -> None:
    """Install the pins pip can install here; the others, with pip's reason, in _UNAVAILABLE."""
    requirements = [pin.requirement for pin in pins]
    _say(f"installing the Glue versions {', '.join(requirements)}, once")
    trial = ["--dry-run", "--ignore-installed"]
    reasons = {r: pip_checked([*trial, r], constraints) for r in requirements}
    unavailable = {r: reason for r, reason in reasons.items() if reason is not None}
    installable = [r for r in requirements if r not in unavailable]
    reason = install_into(folder, installable, constraints) if installable else None
    if reason is not None:  # each resolves alone, not together
        unavailable.update(dict.fromkeys(installable, reason))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / _UNAVAILABLE).write_text(json.dumps(unavailable))
    mark_installed(folder)


def _installed_version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _say(line: str) -> None:
    print(f"gluestack: {line}", file=sys.stderr)
