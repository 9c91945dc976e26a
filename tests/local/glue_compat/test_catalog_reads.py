"""What from_catalog reads on Glue: SerDe options, catalog columns and types, partitions."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import boto3
import pytest
from pyspark.sql import DataFrame, SparkSession

from gluestack.local.glue_compat import UnsupportedGlueFeature
from gluestack.local.glue_compat.catalog import (
    CatalogTable,
    catalog_table,
    conform_to_catalog,
    partition_paths,
    registered_partitions,
)
from gluestack.local.glue_compat.formats import read_files
from gluestack.local.glue_compat.options import CATALOG_READ_OPTIONS, check_read_options
from tests.local.glue_compat.conftest import put

LAZY = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"
OPEN_CSV = "org.apache.hadoop.hive.serde2.OpenCSVSerde"
PARQUET = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
Columns = Sequence[tuple[str, str]]


@pytest.fixture
def glue(aws: boto3.Session) -> Any:
    client = aws.client("glue")
    client.create_database(DatabaseInput={"Name": "raw"})
    return client


def create(
    glue: Any,
    name: str,
    columns: Columns,
    *,
    serde: str = LAZY,
    serde_parameters: dict[str, str] | None = None,
    parameters: dict[str, str] | None = None,
    partition_keys: Columns = (),
) -> CatalogTable:
    """Register raw.<name> at s3://raw/<name>/ and read it back with catalog_table."""
    glue.create_table(
        DatabaseName="raw",
        TableInput={
            "Name": name,
            "Parameters": parameters if parameters is not None else {"classification": "csv"},
            "PartitionKeys": [{"Name": n, "Type": t} for n, t in partition_keys],
            "StorageDescriptor": {
                "Location": f"s3://raw/{name}/",
                "Columns": [{"Name": n, "Type": t} for n, t in columns],
                "SerdeInfo": {"SerializationLibrary": serde, "Parameters": serde_parameters or {}},
            },
        },
    )
    return catalog_table(glue, "raw", name)


def register(glue: Any, table: CatalogTable, *folders: str) -> None:
    """Register one partition per key=value folder (single partition key) under the table."""
    inputs = [
        {
            "Values": [f.strip("/").split("=", 1)[1]],
            "StorageDescriptor": {"Location": table.location + f},
        }
        for f in folders
    ]
    glue.batch_create_partition(DatabaseName="raw", TableName=table.name, PartitionInputList=inputs)


def read(spark: SparkSession, table: CatalogTable, paths: list[str]) -> DataFrame:
    files = read_files(spark, paths, table.format, table.format_options, table.location)
    return conform_to_catalog(files, table)


def schema(frame: DataFrame) -> list[tuple[str, str]]:
    return [(f.name, f.dataType.simpleString()) for f in frame.schema]


def rows(frame: DataFrame) -> list[tuple[Any, ...]]:
    return sorted((tuple(row) for row in frame.collect()), key=lambda row: [str(v) for v in row])


# Glue column names are lower case (https://docs.aws.amazon.com/athena/latest/ug/
# tables-databases-columns-names.html); headed csv maps by name (withHeader,
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-format-csv-home.html).
def test_mixed_case_headers_match_catalog_columns(glue: Any, spark: Any, s3_root: Path) -> None:
    put(s3_root, "raw/f/a.csv", "Delay,CarrierCode,Year,Extra\n5,UA,2013,x\n,AA,2014,y\n")
    columns = [("year", "int"), ("carriercode", "string"), ("delay", "double"), ("gate", "int")]
    table = create(glue, "f", columns, parameters={"skip.header.line.count": "1"})
    frame = read(spark, table, [table.location])
    assert schema(frame) == columns
    assert rows(frame) == [(2013, "UA", 5.0, None), (2014, "AA", None, None)]


# Without skip.header.line.count nothing is skipped and the SerDe maps fields by position
# (https://docs.aws.amazon.com/athena/latest/ug/lazy-simple-serde.html).
def test_headerless_csv_maps_columns_by_position(glue: Any, spark: Any, s3_root: Path) -> None:
    put(s3_root, "raw/h/a.csv", "2013|UA|5\n2014|AA|\n")
    columns = [("year", "int"), ("carrier", "string"), ("delay", "int")]
    table = create(glue, "h", columns, serde_parameters={"field.delim": "|"})
    assert table.format_options == {"withHeader": False, "separator": "|"}
    frame = read(spark, table, [table.location])
    assert schema(frame) == columns
    assert rows(frame) == [(2013, "UA", 5), (2014, "AA", None)]


# OpenCSVSerde's separatorChar, quoteChar, escapeChar and skip.header.line.count
# (https://docs.aws.amazon.com/athena/latest/ug/csv-serde.html) become Glue's csv
# format_options separator, quoteChar, escaper, withHeader
# (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-format-csv-home.html).
def test_open_csv_serde_quotes_and_separator(glue: Any, spark: Any, s3_root: Path) -> None:
    put(s3_root, "raw/q/a.csv", "name;n\n'a;b';1\n'it\\'s';2\n")
    table = create(
        glue,
        "q",
        [("name", "string"), ("n", "int")],
        serde=OPEN_CSV,
        serde_parameters={"separatorChar": ";", "quoteChar": "'", "escapeChar": "\\"},
        parameters={"classification": "csv", "skip.header.line.count": "1"},
    )
    assert table.format_options == {
        "withHeader": True,
        "separator": ";",
        "quoteChar": "'",
        "escaper": "\\",
    }
    frame = read(spark, table, [table.location])
    # Glue types the columns as the catalog says; Hive's own OpenCSVSerde would read strings.
    assert schema(frame) == [("name", "string"), ("n", "int")]
    assert rows(frame) == [("a;b", 1), ("it's", 2)]


# LazySimpleSerDe: field.delim, else serialization.format, each a character or a byte number
# (https://docs.aws.amazon.com/athena/latest/ug/serde-create-a-table.html).
@pytest.mark.parametrize(
    ("serde_parameters", "separator"),
    [
        ({"field.delim": "\t", "serialization.format": ","}, "\t"),
        ({"serialization.format": ";"}, ";"),
        ({"serialization.format": "1"}, "\x01"),
        ({}, ","),
    ],
)
def test_lazy_simple_serde_separator(
    glue: Any, serde_parameters: dict[str, str], separator: str
) -> None:
    table = create(glue, "t", [("a", "string")], serde_parameters=serde_parameters)
    assert table.format_options == {"withHeader": False, "separator": separator}


# skip.header.line.count is a number of lines (https://docs.aws.amazon.com/athena/latest/ug/
# csv-serde.html); Glue's reader has only withHeader, one line.
@pytest.mark.parametrize("count", ["2", "one"])
def test_headers_other_than_one_line_are_refused(glue: Any, count: str) -> None:
    with pytest.raises(UnsupportedGlueFeature, match=r"skip\.header\.line\.count"):
        create(glue, "t", [("a", "string")], parameters={"skip.header.line.count": count})


# Bounded execution can be set as table properties and limits the files a run reads
# (https://docs.aws.amazon.com/glue/latest/dg/bounded-execution.html).
def test_bounded_execution_table_properties_are_refused(glue: Any) -> None:
    with pytest.raises(UnsupportedGlueFeature, match="boundedFiles"):
        create(glue, "t", [("a", "string")], parameters={"boundedFiles": "500"})


# A catalog column the files lack comes back as nulls of its type: Glue documents no error
# for it, so this is gluestack's choice, not a documented Glue rule.
def test_parquet_names_match_and_missing_columns_are_typed_nulls(
    glue: Any, spark: Any, s3_root: Path
) -> None:
    path = str(s3_root / "raw" / "p")
    spark.createDataFrame([("UA", 7)], "CarrierCode string, Flights long").write.parquet(path)
    columns = [("carriercode", "string"), ("flights", "int"), ("delay", "double")]
    table = create(glue, "p", columns, serde=PARQUET, parameters={"classification": "parquet"})
    frame = read(spark, table, [table.location])
    assert schema(frame) == columns
    assert rows(frame) == [("UA", 7, None)]


# from_catalog lists the table's partitions from the Data Catalog and reads only those
# (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-pushdown.html,
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-partitions.html).
def test_only_registered_partitions_are_read(glue: Any, spark: Any, s3_root: Path) -> None:
    for month in ("9", "10", "11"):
        put(s3_root, f"raw/m/month={month}/a.csv", f"Carrier,delay\nUA,{month}\n")
    table = create(
        glue,
        "m",
        [("carrier", "string"), ("delay", "int")],
        parameters={"classification": "csv", "skip.header.line.count": "1"},
        partition_keys=[("month", "int")],
    )
    register(glue, table, "month=9/", "month=10/")  # month=11 is on S3, not in the catalog
    partitions = registered_partitions(glue, table)
    assert sorted(p.values for p in partitions) == [("10",), ("9",)]
    paths = partition_paths(spark, table, partitions)
    assert sorted(paths) == ["s3://raw/m/month=10/", "s3://raw/m/month=9/"]
    frame = read(spark, table, paths)
    assert schema(frame) == [("carrier", "string"), ("delay", "int"), ("month", "int")]
    assert rows(frame) == [("UA", 10, 10), ("UA", 9, 9)]


# Partition columns hold the partition's values, not Spark's guess from the folder name
# (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-partitions.html).
def test_partition_values_are_the_folders_verbatim(glue: Any, spark: Any, s3_root: Path) -> None:
    put(s3_root, "raw/d/month=01/hour=2024-01-01 00%3A00/a.csv", "x\n")
    table = create(
        glue, "d", [("a", "string")], partition_keys=[("month", "string"), ("hour", "string")]
    )
    location = "s3://raw/d/month=01/hour=2024-01-01 00%3A00/"
    glue.batch_create_partition(
        DatabaseName="raw",
        TableName="d",
        PartitionInputList=[
            {"Values": ["01", "2024-01-01 00:00"], "StorageDescriptor": {"Location": location}}
        ],
    )
    paths = partition_paths(spark, table, registered_partitions(glue, table))
    assert paths == [location]
    assert rows(read(spark, table, paths)) == [("x", "01", "2024-01-01 00:00")]


# push_down_predicate is Spark SQL over the partition columns, evaluated before any file is
# read (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-partitions.html).
def test_push_down_predicate_compares_an_int_key_as_a_number(glue: Any, spark: Any) -> None:
    table = create(glue, "m", [("a", "string")], partition_keys=[("month", "int")])
    register(glue, table, "month=9/", "month=10/", "month=11/")
    partitions = registered_partitions(glue, table)
    # As strings '9' >= '10'; typed as the key's int it is not.
    paths = partition_paths(spark, table, partitions, "month >= 10 and month < 11")
    assert paths == ["s3://raw/m/month=10/"]
    assert partition_paths(spark, table, [], "month = 10") == []


# catalogPartitionPredicate is the GetPartitions Expression, applied by the Data Catalog
# (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-partitions.html,
# https://docs.aws.amazon.com/glue/latest/webapi/API_GetPartitions.html).
def test_catalog_partition_predicate_filters_registered_partitions(glue: Any, spark: Any) -> None:
    table = create(glue, "m", [("a", "string")], partition_keys=[("month", "int")])
    register(glue, table, "month=9/", "month=10/", "month=11/")
    partitions = registered_partitions(glue, table, "month > 9")
    assert sorted(p.values for p in partitions) == [("10",), ("11",)]
    assert partition_paths(spark, table, partitions, "month <> 11") == ["s3://raw/m/month=10/"]


# Partition columns take the partition's values; gluestack reads them from key=value folders,
# so a partition whose folders spell other values is refused rather than misread.
def test_partitions_outside_key_value_folders_are_refused(glue: Any, spark: Any) -> None:
    table = create(glue, "m", [("a", "string")], partition_keys=[("month", "string")])
    glue.batch_create_partition(
        DatabaseName="raw",
        TableName="m",
        PartitionInputList=[{"Values": ["01"], "StorageDescriptor": {"Location": "s3://raw/m/1/"}}],
    )
    with pytest.raises(UnsupportedGlueFeature, match=r"partition \['01'\] at s3://raw/m/1/"):
        partition_paths(spark, table, registered_partitions(glue, table))


def test_an_unpartitioned_table_is_read_from_its_location(glue: Any, spark: Any) -> None:
    table = create(glue, "u", [("a", "string")])
    assert registered_partitions(glue, table, "a = 'x'") == []
    assert partition_paths(spark, table, []) == ["s3://raw/u/"]
    with pytest.raises(UnsupportedGlueFeature, match="push_down_predicate"):
        partition_paths(spark, table, [], "a = 'x'")


# Options documented for from_catalog (https://docs.aws.amazon.com/glue/latest/dg/
# bounded-execution.html, https://docs.aws.amazon.com/glue/latest/dg/grouping-input-files.html).
def test_read_options_that_change_results_are_honoured_or_refused() -> None:
    speed_only = {k for k, o in CATALOG_READ_OPTIONS.items() if not o.changes_results}
    assert speed_only == {"groupFiles", "groupSize", "useS3ListImplementation"}
    check_read_options({"groupFiles": "inPartition", "catalogPartitionPredicate": "month > 9"})
    for refused in ("boundedFiles", "boundedSize", "exclusions", "noSuchOption"):
        with pytest.raises(UnsupportedGlueFeature, match=refused):
            check_read_options({refused: "1"})


# A DynamicFrame's schema comes from the records: AWS's medicaid sample reads a column catalogued
# bigint whose values are digits and text as choice<long,string>, keeping the text
# (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html).
# gluestack has no choice types, so it refuses rather than turn the text into nulls.
def test_text_in_a_numeric_catalog_column_is_refused_as_a_choice(
    glue: Any, spark: Any, s3_root: Path
) -> None:
    put(s3_root, "raw/m/a.csv", "provider id,name\n10001,a\nABC,b\n")
    table = create(
        glue, "m", [("provider id", "bigint"), ("name", "string")],
        parameters={"skip.header.line.count": "1"},
    )  # fmt: skip
    with pytest.raises(UnsupportedGlueFeature, match=r"choice<bigint,string>.*'ABC'|'ABC'.*choice"):
        read(spark, table, [table.location])
