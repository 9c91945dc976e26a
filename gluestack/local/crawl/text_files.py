"""Lines of text files as Spark's line reader splits them, and how Spark partitions the files."""

import gzip
import re
from collections.abc import Sequence
from pathlib import Path

# Spark's defaults: spark.sql.files.openCostInBytes, and Hadoop compressions it can read.
OPEN_COST_BYTES = 4 * 1024 * 1024
_OTHER_COMPRESSIONS = (".bz2", ".snappy", ".deflate", ".lz4", ".zst", ".zstd", ".br", ".xz")
_LINE_END = re.compile(r"\r\n|\r|\n")


def text_lines(path: Path) -> list[str] | None:
    """The file's lines (Hadoop's LineReader ends them at \\n, \\r or \\r\\n), or None when Python
    cannot read it as Spark does (a compression other than gzip, text that is not UTF-8)."""
    name = path.name.lower()
    if name.endswith(_OTHER_COMPRESSIONS):
        return None
    data = path.read_bytes()
    try:
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        text = data.decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        return None
    lines = _LINE_END.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def one_partition(files: Sequence[Path]) -> bool:
    """Whether Spark reads the files as one partition: a single file it does not split."""
    if len(files) != 1:
        return False
    return files[0].name.lower().endswith(".gz") or files[0].stat().st_size <= OPEN_COST_BYTES
