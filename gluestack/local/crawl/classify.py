"""Built-in classifier rules: a file's format from its name, a csv's delimiter and header."""

import csv
import gzip
from pathlib import Path

_EXTENSIONS = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv", ".json": "json", ".jsonl": "json",
    ".parquet": "parquet", ".orc": "orc",
}  # fmt: skip
_COMPRESSION = (".gz", ".bz2", ".snappy")
DELIMITERS = (",", "\t", "|", ";")


def file_format(path: Path) -> str | None:
    """csv, json, parquet or orc from the file name (compression suffixes ignored)."""
    name = path.name.lower()
    for suffix in _COMPRESSION:
        name = name.removesuffix(suffix)
    for extension, fmt in _EXTENSIONS.items():
        if name.endswith(extension) or (fmt in ("parquet", "orc") and f".{fmt}." in name):
            return fmt
    return None


def csv_dialect(path: Path, sample_lines: int = 20) -> tuple[str, bool]:
    """(delimiter, has_header) from the first lines, as Glue's CSV classifier decides them.

    The delimiter is the one that splits every sampled line into the same number (> 1) of
    fields. The first row is a header when all its fields are distinct non-numeric names and
    some later row has a numeric field where the header has text.
    """
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", newline="") as handle:
        lines = [line for _, line in zip(range(sample_lines), handle, strict=False)]
    delimiter = next(
        (
            d
            for d in DELIMITERS
            if len({len(r) for r in csv.reader(lines, delimiter=d)} - {1}) == 1
            and len(next(csv.reader(lines[:1], delimiter=d))) > 1
        ),
        ",",
    )
    rows = list(csv.reader(lines, delimiter=delimiter))
    if not rows:
        return delimiter, False
    first, rest = rows[0], rows[1:]
    names_look_like_header = all(v and not _is_number(v) for v in first) and len(set(first)) == len(
        first
    )
    data_has_numbers = any(_is_number(v) for row in rest for v in row)
    return delimiter, names_look_like_header and (data_has_numbers or not rest)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
