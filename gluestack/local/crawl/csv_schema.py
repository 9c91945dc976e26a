"""The schema Spark 3.5 infers for CSV files (a header's names or colN, inferSchema), in Python.

Lines are tokenized only in the forms where Python's csv module and Spark's parser (univocity,
quote '"', escape '\\') agree: fields bare or wholly quoted without quotes or backslashes inside
(a backslash is plain text in a line without quotes). Anything else returns None, and Spark
reads the files.
"""

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from pyspark.sql import types as T

from gluestack.local.crawl.csv_values import CsvType, Uncertain, column_type
from gluestack.local.crawl.text_files import one_partition, text_lines

_MAX_COLUMNS = 20480  # univocity's limit, as Spark configures it
_JAVA_BLANKS = "".join(map(chr, range(33)))  # what Java's String.trim removes


def csv_schema(files: Sequence[Path], delimiter: str, header: bool) -> T.StructType | None:
    """The schema of the files read with sep=delimiter, header and inferSchema, or None."""
    rows: list[list[str]] = []
    first_lines: set[str] = set()
    for path in files:
        lines = text_lines(path)
        if lines is None:
            return None
        # Spark skips blank lines; with a header, it drops every line equal to the first.
        lines = [line for line in lines if line.strip(_JAVA_BLANKS)]
        if not lines:
            continue
        tokens = _tokens(lines, delimiter)
        if tokens is None:
            return None
        first_lines.add(lines[0] if header else str(len(tokens[0])))
        body = zip(tokens, lines, strict=True)
        rows.extend(t for t, line in body if not (header and line == lines[0]))
    # Spark takes the first line of the first file it reads; agreeing files make that moot.
    if len(first_lines) != 1:
        return None
    names = _column_names(next(iter(first_lines)), delimiter, header)
    if names is None or len(names) > _MAX_COLUMNS:
        return None
    try:
        partitions = one_partition(files)
        types = [column_type(values, partitions) for values in _columns(rows, len(names))]
    except Uncertain:
        return None
    columns = zip(names, types, strict=True)
    return T.StructType([T.StructField(n, _spark_type(t)) for n, t in columns])


def _spark_type(csv_type: CsvType) -> T.DataType:
    if csv_type.name == "decimal":
        return T.DecimalType(csv_type.precision, csv_type.scale)
    simple: dict[str, T.DataType] = {
        "int": T.IntegerType(), "bigint": T.LongType(), "double": T.DoubleType(),
        "date": T.DateType(), "timestamp": T.TimestampType(), "boolean": T.BooleanType(),
    }  # fmt: skip
    return simple.get(csv_type.name, T.StringType())


def _columns(rows: list[list[str]], width: int) -> list[set[str]]:
    """Each column's distinct values; a row shorter than the header leaves its last columns
    out, and a longer one's extra values are ignored, as Spark does."""
    if all(len(row) == width for row in rows):
        return [set(column) for column in zip(*rows, strict=True)] if rows else [set()] * width
    return [{row[i] for row in rows if len(row) > i} for i in range(width)]


def _column_names(first_line: str, delimiter: str, header: bool) -> list[str] | None:
    if not header:  # Spark's _cN, renamed as infer renames them
        return [f"col{i}" for i in range(int(first_line))]
    tokens = _tokens([first_line], delimiter)
    if tokens is None:
        return None
    names = tokens[0]
    # Spark renames empty and case-insensitively repeated names; csv_dialect's headers have
    # neither but for case, which is left to Spark.
    if "" in names or len({n.lower() for n in names}) != len(names):
        return None
    return names


def _tokens(lines: list[str], delimiter: str) -> list[list[str]] | None:
    simple = _simple_line(delimiter)
    if any('"' in line and not simple.fullmatch(line) for line in lines):
        return None
    return list(csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=False))


def _simple_line(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    field = rf'(?:"[^"\\]*"|[^"\\{d}]*)'
    return re.compile(rf"{field}(?:{d}{field})*")
