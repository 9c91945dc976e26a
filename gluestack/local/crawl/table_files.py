"""Which files under a crawler target's folder make its table, and in which format."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gluestack.local.crawl.classify import csv_dialect, file_format
from gluestack.local.crawl.exclusions import excluded


@dataclass(frozen=True)
class TableFiles:
    """The files of one table: every file the crawl lists, and those of the majority format."""

    folder: Path
    location: str
    exclusions: tuple[str, ...]
    listed: list[Path]
    format: str
    data_files: list[Path]
    # The CSV dialect (classify.csv_dialect of the first data file); "," and False otherwise.
    delimiter: str = ","
    header: bool = False

    def relative(self, path: Path) -> Path:
        return path.relative_to(self.folder)

    @property
    def partition_keys(self) -> list[str]:
        return partition_keys(self.relative(self.data_files[0]))


def table_files(folder: Path, location: str, exclusions: Sequence[str] = ()) -> TableFiles | None:
    """The table's files, or None when the folder holds no recognised data files.

    Files matching an exclusion pattern are left out, as Glue's crawler skips them.
    """
    listed = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not hidden(p.relative_to(folder))
        and not excluded(p.relative_to(folder).as_posix(), exclusions)
    ]
    formats = [f for f in (file_format(p) for p in listed) if f]
    if not formats:
        return None
    fmt = max(set(formats), key=formats.count)
    data_files = [p for p in listed if file_format(p) == fmt]
    delimiter, header = csv_dialect(data_files[0]) if fmt == "csv" else (",", False)
    return TableFiles(
        folder, location, tuple(exclusions), listed, fmt, data_files, delimiter, header
    )


def hidden(relative: Path) -> bool:
    return any(part.startswith(("_", ".")) for part in relative.parts)


def partition_keys(relative: Path) -> list[str]:
    return [part.split("=", 1)[0] for part in relative.parts[:-1] if "=" in part]


def partition_values(relative: Path) -> list[str]:
    return [part.split("=", 1)[1] for part in relative.parts[:-1] if "=" in part]
