"""Cloud assemblies kept by what they were synthesized from, so an unchanged project is not
synthesized again: a synth takes seconds, and every offline command needs one.

The key is everything a synth can read: the app command and context, the project's files (by
content; files over 1 MiB by size and modification time), gluestack's own code when it is
installed outside the project, every installed distribution's version, the interpreter, and the
CDK_/GLUESTACK_/AWS_/JSII_ environment (with the files or folders those variables name). Folders
a synth or a run writes (cdk.out, .gluestack, caches, builds) are not part of a project's input.
"""

import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
from pathlib import Path

import gluestack

CACHE_VARIABLE = "GLUESTACK_SYNTH_CACHE"  # a folder, or "off" to synthesize every time
_KEPT_ASSEMBLIES = 8
_CONTENT_HASHED_UP_TO = 1 << 20
_OUTPUT_FOLDERS = {"__pycache__", "node_modules", "cdk.out", "build", "dist"}
_ENVIRONMENT_PREFIXES = ("CDK_", "GLUESTACK_", "AWS_", "JSII_")
_NOT_AN_INPUT = {"CDK_OUTDIR", CACHE_VARIABLE}


def cache_folder() -> Path | None:
    """Where assemblies are kept (GLUESTACK_SYNTH_CACHE, else the user's cache), None if off."""
    setting = os.environ.get(CACHE_VARIABLE, "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "gluestack" / "assemblies"


def synthesis_key(project_root: Path, command: list[str], context: dict[str, object]) -> str:
    digest = hashlib.sha256()
    environment = {
        name: value
        for name, value in sorted(os.environ.items())
        if name.startswith(_ENVIRONMENT_PREFIXES) and name not in _NOT_AN_INPUT
    }
    header = [str(project_root), command, context, environment, sys.executable, _distributions()]
    digest.update(json.dumps(header, sort_keys=True, default=str).encode())
    _hash_tree(digest, project_root)
    package = Path(gluestack.__file__).resolve().parent
    if not package.is_relative_to(project_root):
        _hash_tree(digest, package)
    for value in environment.values():
        named = Path(value)
        if (
            value
            and named.is_absolute()
            and named.exists()
            and not named.is_relative_to(project_root)
        ):
            _hash_tree(digest, named)
    return digest.hexdigest()[:32]


def restore(key: str, target: Path) -> bool:
    """Copy the assembly kept under key into target; False when none is kept."""
    folder = cache_folder()
    kept = folder / key if folder else None
    if kept is None or not kept.is_dir():
        return False
    shutil.copytree(kept, target, dirs_exist_ok=True)
    os.utime(kept)  # recently used: pruned last
    return True


def keep(key: str, assembly: Path) -> None:
    """Keep a copy of assembly under key (written aside, then renamed: readers never see half)."""
    folder = cache_folder()
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / f".{key}.{os.getpid()}"
    shutil.copytree(assembly, staging, dirs_exist_ok=True)
    try:
        staging.rename(folder / key)
    except OSError:  # another process kept the same assembly first
        shutil.rmtree(staging, ignore_errors=True)
    _prune(folder)


def _prune(folder: Path) -> None:
    kept = sorted(
        (entry for entry in folder.iterdir() if not entry.name.startswith(".")),
        key=lambda entry: entry.stat().st_mtime,
        reverse=True,
    )
    for stale in kept[_KEPT_ASSEMBLIES:]:
        shutil.rmtree(stale, ignore_errors=True)


def _distributions() -> list[str]:
    return sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())


def _hash_tree(digest: "hashlib._Hash", root: Path) -> None:
    if root.is_file():
        _hash_file(digest, root, root.name)
        return
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and name not in _OUTPUT_FOLDERS
            and not name.endswith(".egg-info")
        )
        for name in sorted(files):
            path = Path(folder) / name
            _hash_file(digest, path, str(path.relative_to(root)))


def _hash_file(digest: "hashlib._Hash", path: Path, name: str) -> None:
    try:
        status = path.stat()
    except OSError:  # a dangling link: nothing a synth could read
        return
    digest.update(f"\0{name}\0{status.st_size}\0".encode())
    if status.st_size > _CONTENT_HASHED_UP_TO:
        digest.update(str(status.st_mtime_ns).encode())
    else:
        digest.update(path.read_bytes())
