"""Crawled column names are the Data Catalog's: top-level names lower-cased, else unchanged."""

from pathlib import Path
from typing import Any

import pytest
from pyspark.sql import SparkSession

from gluestack.local.crawl import emulate_crawl
from gluestack.local.crawl.column_names import catalog_column_name
from gluestack.local.records.workspace import Workspace
from tests.local.crawl.conftest import table_columns
from tests.local.glue_compat.conftest import put


def _crawl(glue: Any, spark: SparkSession, s3_root: Path, path: str) -> None:
    glue.create_crawler(
        Name="c",
        Role="arn:aws:iam::123456789012:role/r",
        DatabaseName="db",
        Targets={"S3Targets": [{"Path": path}]},
    )
    emulate_crawl(glue, spark, Workspace(s3_root.parent), "c")


# AWS's crawl of a CSV headed "DRG Definition,Provider Id,..." lists `drg definition`,
# `provider id`: https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html
# Catalog names may hold spaces and other characters; they should be lower case:
# https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html
@pytest.mark.parametrize(
    ("read", "written"),
    [
        ("Provider Id", "provider id"),
        ("CarrierCode", "carriercode"),
        ("Culmen Length (mm)", "culmen length (mm)"),
        ("Body-Mass.g", "body-mass.g"),
        ("col0", "col0"),
        (" Total Discharges ", "total discharges"),  # the medicaid sample's header, trimmed
    ],
)
def test_a_top_level_name_is_lower_cased_and_otherwise_kept(read: str, written: str) -> None:
    assert catalog_column_name(read) == written


# Header rules of the built-in CSV classifier (header kept as the column names):
# https://docs.aws.amazon.com/glue/latest/dg/add-classifier.html#classifier-builtin-rules
# Lower-cased, spaces kept, as in AWS's crawl of "Provider Id" to `provider id`:
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html
def test_csv_header_names_are_lower_cased_with_spaces_and_parentheses_kept(
    glue: Any, spark: SparkSession, s3_root: Path
) -> None:
    header = "Species,Culmen Length (mm),Body-Mass.g,CarrierCode"
    put(s3_root, "raw/penguins/a.csv", f"{header}\nAdelie,39.1,3750,UA\nGentoo,46.5,5200,AA\n")
    _crawl(glue, spark, s3_root, "s3://raw/penguins/")
    assert table_columns(glue, "penguins") == [
        ("species", "string"),
        ("culmen length (mm)", "double"),
        ("body-mass.g", "bigint"),
        ("carriercode", "string"),
    ]


# Crawled Glue tables lower-case column names, "with the exception of columns within a complex
# structure or nested array": https://github.com/awslabs/aws-athena-query-federation/issues/245
# https://docs.aws.amazon.com/lake-formation/latest/dg/notes-s3-catalog.html (lower-cased names)
def test_json_top_level_names_are_lower_cased_and_nested_field_names_kept(
    glue: Any, spark: SparkSession, s3_root: Path
) -> None:
    put(s3_root, "raw/users/a.json", '{"UserId": 1, "Profile": {"FirstName": "a", "Age": 3}}\n')
    _crawl(glue, spark, s3_root, "s3://raw/users/")
    assert table_columns(glue, "users") == [
        ("userid", "bigint"),
        ("profile", "struct<FirstName:string,Age:bigint>"),
    ]


# Parquet's schema is read from the file, its names then lower-cased as for any crawled table:
# https://docs.aws.amazon.com/glue/latest/dg/add-classifier.html#classifier-built-in
# https://docs.aws.amazon.com/lake-formation/latest/dg/notes-s3-catalog.html
# Nested field names keep their case: https://github.com/awslabs/aws-athena-query-federation/issues/245
def test_parquet_mixed_case_columns_are_lower_cased(
    glue: Any, spark: SparkSession, s3_root: Path
) -> None:
    spark.createDataFrame(
        [(2013, "UA", ("EWR", 1.5))],
        "FlightYear int, CarrierCode string, Route struct<FromCode:string, Miles:double>",
    ).write.parquet("s3://cur/flights/")
    _crawl(glue, spark, s3_root, "s3://cur/flights/")
    assert table_columns(glue, "flights") == [
        ("flightyear", "int"),
        ("carriercode", "string"),
        ("route", "struct<FromCode:string,Miles:double>"),
    ]
