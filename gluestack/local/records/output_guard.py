"""A local job's outputs change all or nothing: a failed or killed run leaves them as they were.

Scripts write where they like (paths from arguments, catalog locations, plain `df.write`), so
rather than redirecting writes to a staging folder, each output folder is snapshotted before the
run with hard links (cheap: Spark never rewrites a file in place, it adds and deletes files) into
a journal. A failed run restores the snapshot; a run killed mid-write leaves the journal behind,
and the next guarded run restores it before starting. A successful run drops the journal.
"""

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MANIFEST = "manifest.json"


@contextmanager
def guarded_outputs(folders: list[Path], journal: Path) -> Iterator[None]:
    """Inside the block the folders may change; they keep the changes only if it completes."""
    recover(journal)
    _snapshot(folders, journal)
    try:
        yield
    except BaseException:
        recover(journal)
        raise
    shutil.rmtree(journal)


def recover(journal: Path) -> list[Path]:
    """Put back the folders a failed or killed run left behind; the folders restored."""
    manifest = journal / MANIFEST
    if not manifest.is_file():
        # Killed while taking the snapshot: the outputs were not touched yet.
        shutil.rmtree(journal, ignore_errors=True)
        return []
    restored = []
    for index, target in json.loads(manifest.read_text()).items():
        folder = Path(target)
        shutil.rmtree(folder, ignore_errors=True)
        backup = journal / index
        if backup.is_dir():
            folder.parent.mkdir(parents=True, exist_ok=True)
            backup.rename(folder)
        restored.append(folder)
    shutil.rmtree(journal)
    return restored


def _snapshot(folders: list[Path], journal: Path) -> None:
    journal.mkdir(parents=True)
    targets = {}
    for index, folder in enumerate(folders):
        targets[str(index)] = str(folder.resolve())
        if folder.is_dir():
            shutil.copytree(folder, journal / str(index), copy_function=os.link)
    partial = journal / f"{MANIFEST}.partial"
    partial.write_text(json.dumps(targets, indent=1))
    partial.replace(journal / MANIFEST)
