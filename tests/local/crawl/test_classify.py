"""Format, delimiter and header detection on crafted files."""

from pathlib import Path

import pytest

from gluestack.local.crawl.classify import csv_dialect, file_format


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.csv", "csv"), ("a.csv.gz", "csv"), ("x.json", "json"), ("p.jsonl.bz2", "json"),
     ("part-0.snappy.parquet", "parquet"), ("part-0.c000.snappy.parquet", "parquet"),
     ("f.orc", "orc"), ("notes.md", None)],
)  # fmt: skip
def test_format_from_the_file_name(name: str, fmt: str | None) -> None:
    assert file_format(Path(name)) == fmt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("year,carrier,delay\n2013,UA,5\n2013,AA,NA\n", (",", True)),
        ("2013,UA,5\n2013,AA,7\n", (",", False)),
        ("name|city\nJFK|New York\nEWR|Newark\n", ("|", False)),
        ("code\tdelay\nJFK\t5\n", ("\t", True)),
        ("a;b\n1;2\n", (";", True)),
    ],
)
def test_csv_delimiter_and_header(tmp_path: Path, text: str, expected: tuple[str, bool]) -> None:
    path = tmp_path / "data.csv"
    path.write_text(text)
    assert csv_dialect(path) == expected
