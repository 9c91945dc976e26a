"""A table's schema typed in Python, exactly as Spark would infer it, when that is certain.

A crawl that needs no Spark starts no JVM (seconds of CPU per crawl). Each format's module
returns None for what it does not model; so does this one for file layouts Spark reads
differently from the crawler's listing: files of other formats that Spark's read of the whole
folder would include, folders Spark lists but the crawler hides, mixed partition layouts, and
column names Spark would reject or confuse with partition columns.
"""

from pyspark.sql import types as T

from gluestack.local.crawl.classify import file_format
from gluestack.local.crawl.columnar_schema import orc_schema, parquet_schema
from gluestack.local.crawl.csv_schema import csv_schema
from gluestack.local.crawl.json_schema import json_schema
from gluestack.local.crawl.table_files import TableFiles, partition_keys

# Spark's file listing keeps these though they start with '_' (InMemoryFileIndex).
_SPARK_LISTED = ("_metadata", "_common_metadata")


def python_schema(files: TableFiles) -> T.StructType | None:
    """The schema Spark infers for the table's files, or None when only Spark can tell."""
    if not _layout_as_spark_reads_it(files):
        return None
    if files.format == "csv":
        if not files.header and files.partition_keys:
            return None  # infer renames Spark's partition columns colN too, keeping them
        schema = csv_schema(files.data_files, files.delimiter, files.header)
    elif files.format == "json":
        schema = json_schema(files.data_files)
    elif files.format == "parquet":
        schema = parquet_schema(files.data_files)
    else:
        schema = orc_schema(files.data_files)
    if schema is None or not _names_as_spark_reads_them(schema, files.partition_keys):
        return None
    return schema


def _layout_as_spark_reads_it(files: TableFiles) -> bool:
    if not files.exclusions and any(file_format(p) != files.format for p in files.listed):
        return False
    for path in files.folder.rglob("*"):
        parts = path.relative_to(files.folder).parts
        if path.name.startswith(_SPARK_LISTED) or path.name.endswith("._COPYING_"):
            return False
        if any(p.startswith("_") and "=" in p for p in parts):
            return False
    layouts = set()
    for path in files.data_files:
        folders = files.relative(path).parts[:-1]
        if len({"=" in f for f in folders}) > 1:
            return False
        layouts.add(tuple(partition_keys(files.relative(path))))
    return len(layouts) == 1


def _names_as_spark_reads_them(schema: T.StructType, keys: list[str]) -> bool:
    names = [f.name for f in schema]
    if len({n.lower() for n in names}) != len(names):
        return False
    return all(n in keys or n.lower() not in {k.lower() for k in keys} for n in names)
