"""Read and write csv, json, parquet and orc with Glue's option names, through Spark."""

from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

FORMATS = ("csv", "json", "parquet", "orc")
# Glue's own Parquet writer (setFormat("glueparquet")) writes ordinary Parquet files.
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-format-parquet-home.html
FORMAT_ALIASES = {"glueparquet": "parquet"}

# Glue's format_options and the Spark options they mean (None: accepted, no local effect).
OptionNames = dict[str, dict[str, str | None]]

_READ_OPTIONS: OptionNames = {
    "csv": {"withHeader": "header", "separator": "sep", "quoteChar": "quote", "escaper": "escape",
            "multiLine": "multiLine", "multiline": "multiLine"},
    "json": {"multiLine": "multiLine", "multiline": "multiLine"},
    "parquet": {},
    "orc": {},
}  # fmt: skip
_WRITE_OPTIONS: OptionNames = {
    "csv": {"writeHeader": "header", "separator": "sep", "quoteChar": "quote",
            "compression": "compression"},
    "json": {"compression": "compression"},
    "parquet": {"compression": "compression", "useGlueParquetWriter": None,
                "blockSize": None, "pageSize": None},
    "orc": {"compression": "compression"},
}  # fmt: skip


def read_files(
    spark: "SparkSession",
    paths: list[str],
    fmt: str,
    format_options: dict[str, Any],
    base_path: str | None = None,
) -> "DataFrame":
    """One DataFrame over the files or folders in paths; csv headerless columns are col0.."""
    fmt = spark_format(fmt)
    reader = spark.read.format(fmt)
    options = _spark_options(fmt, format_options, _READ_OPTIONS)
    if fmt == "csv":
        options.setdefault("header", "false")
    if base_path:
        options["basePath"] = base_path  # keeps hive-style partition columns on file subsets
    frame = reader.options(**options).load(paths)
    if fmt == "csv" and options["header"] == "false":
        frame = frame.toDF(*[f"col{i}" for i in range(len(frame.columns))])
    return frame


def write_frame(
    frame: "DataFrame",
    path: str,
    fmt: str,
    format_options: dict[str, Any],
    partition_keys: list[str],
) -> None:
    """Append frame's rows under path, as Glue's S3 sink does (it never overwrites)."""
    fmt = spark_format(fmt)
    options = _spark_options(fmt, format_options, _WRITE_OPTIONS)
    if fmt == "csv":
        options.setdefault("header", "true")
    writer = frame.write.format(fmt).mode("append").options(**options)
    if partition_keys:
        writer = writer.partitionBy(*partition_keys)
    writer.save(path)


def delete_files(spark: "SparkSession", names: list[str]) -> None:
    """Delete the files at names (s3:// paths map to the local root, as reads do)."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    for name in names:
        path = jvm.org.apache.hadoop.fs.Path(name)
        path.getFileSystem(conf).delete(path, False)


def list_files(spark: "SparkSession", paths: list[str]) -> list[tuple[str, int]]:
    """(path, modification time) of every data file under paths, skipping _SUCCESS and dot files."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    found: list[tuple[str, int]] = []
    for path in paths:
        hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
        filesystem = hadoop_path.getFileSystem(conf)
        if not filesystem.exists(hadoop_path):
            continue
        files = filesystem.listFiles(hadoop_path, True)
        while files.hasNext():
            status = files.next()
            name = status.getPath().getName()
            if not name.startswith(("_", ".")):
                found.append((status.getPath().toString(), status.getModificationTime()))
    return sorted(found)


def spark_format(fmt: str) -> str:
    """The Spark data source behind one of Glue's format names."""
    name = FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise UnsupportedGlueFeature(f"format '{fmt}'")
    return name


def _spark_options(fmt: str, format_options: dict[str, Any], names: OptionNames) -> dict[str, str]:
    options: dict[str, str] = {}
    for key, value in format_options.items():
        if key not in names[spark_format(fmt)]:
            raise UnsupportedGlueFeature(f"format_options['{key}'] for {fmt}")
        spark_name = names[spark_format(fmt)][key]
        if spark_name is not None:
            options[spark_name] = str(value).lower() if isinstance(value, bool) else str(value)
    return options
