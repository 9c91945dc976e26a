"""The local workspace: where offline buckets, bookmarks, scripts and logs live on disk."""

from dataclasses import dataclass
from pathlib import Path

DEFAULT_WORKSPACE = Path(".gluestack")


@dataclass(frozen=True)
class Workspace:
    """root/s3/<bucket>/<key> holds every offline bucket's objects as files."""

    root: Path

    @property
    def s3_root(self) -> Path:
        return self.root / "s3"

    @property
    def bookmarks(self) -> Path:
        return self.root / "bookmarks"

    @property
    def scripts(self) -> Path:
        return self.root / "scripts"

    @property
    def databases(self) -> Path:
        """Offline databases' contents between runs, one SQL dump per database."""
        return self.root / "databases"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def journals(self) -> Path:
        """Snapshots of running jobs' outputs, one folder per job (see output_guard)."""
        return self.root / "journals"

    def journal(self, job_name: str) -> Path:
        return self.journals / job_name

    def local_path(self, s3_uri: str) -> Path:
        """The file or folder that holds s3://bucket/key."""
        bucket, _, key = s3_uri.split("://", 1)[1].partition("/")
        return self.s3_root / bucket / key
