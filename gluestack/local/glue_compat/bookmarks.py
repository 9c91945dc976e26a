"""Job bookmarks: which input files each source of a job has already processed, and for a JDBC
source the bookmark keys' values it read up to.

A run reads only what is not yet processed; job.commit() records what it read. State is one JSON
file per job, replaced atomically, so a run that fails before commit leaves it unchanged.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class BookmarkStore:
    """Bookmark state under directory, one file per job."""

    directory: Path
    _pending: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    _positions: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def processed(self, job_name: str, context: str) -> set[str]:
        """Files committed as read by job_name's source named context."""
        entry = self._load(job_name).get(context, [])
        return set(entry) if isinstance(entry, list) else set()

    def all_processed(self, job_name: str) -> dict[str, Any]:
        """Every source's committed files (or JDBC position), by transformation_ctx."""
        return self._load(job_name)

    def position(self, job_name: str, context: str) -> dict[str, Any] | None:
        """A JDBC source's committed position: its keys, sort order and last values read."""
        entry = self._load(job_name).get(context)
        return entry if isinstance(entry, dict) else None

    def mark_position(self, job_name: str, context: str, position: dict[str, Any]) -> None:
        """Remember how far a JDBC source read in this run; kept only by commit."""
        self._positions[(job_name, context)] = position

    def mark_read(self, job_name: str, context: str, files: list[str]) -> None:
        """Remember files read in this run; they count as processed only after commit."""
        self._pending.setdefault((job_name, context), set()).update(files)

    def commit(self, job_name: str) -> None:
        """Persist this run's reads for job_name."""
        state = self._load(job_name)
        for (job, context), files in list(self._pending.items()):
            if job == job_name:
                state[context] = sorted(set(state.get(context, [])) | files)
                del self._pending[(job, context)]
        for (job, context), position in list(self._positions.items()):
            if job == job_name:
                state[context] = position
                del self._positions[(job, context)]
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = self._file(job_name).with_suffix(".partial")
        partial.write_text(json.dumps(state, indent=1, sort_keys=True))
        partial.replace(self._file(job_name))

    def reset(self, job_name: str) -> None:
        """Forget everything job_name has read (Glue's ResetJobBookmark)."""
        self._file(job_name).unlink(missing_ok=True)

    def _file(self, job_name: str) -> Path:
        return self.directory / f"{job_name}.json"

    def _load(self, job_name: str) -> dict[str, Any]:
        path = self._file(job_name)
        state: dict[str, Any] = json.loads(path.read_text()) if path.is_file() else {}
        return state
