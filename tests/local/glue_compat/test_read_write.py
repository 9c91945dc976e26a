"""Reading and writing s3:// paths through GlueContext, with Glue's option names."""

from pathlib import Path
from typing import Any

import pytest

from gluestack.local.glue_compat import UnsupportedGlueFeature
from tests.local.glue_compat.conftest import csv_table, put

CSV = "year,month,carrier,delay\n2013,1,UA,5\n2013,2,AA,\n"


def test_csv_from_options_then_partitioned_parquet(glue_context: Any, s3_root: Path) -> None:
    put(s3_root, "raw/flights/part1.csv", CSV)
    frame = glue_context.create_dynamic_frame.from_options(
        connection_type="s3",
        connection_options={"paths": ["s3://raw/flights/"], "recurse": True},
        format="csv",
        format_options={"withHeader": True},
    )
    assert frame.count() == 2
    glue_context.write_dynamic_frame.from_options(
        frame=frame,
        connection_type="s3",
        connection_options={"path": "s3://curated/flights/", "partitionKeys": ["month"]},
        format="parquet",
    )
    written = sorted(p.parent.name for p in (s3_root / "curated" / "flights").rglob("*.parquet"))
    assert written == ["month=1", "month=2"]
    back = glue_context.spark_session.read.parquet("s3://curated/flights/")
    assert sorted(r["carrier"] for r in back.collect()) == ["AA", "UA"]


def test_headerless_csv_columns_are_named_like_glue(glue_context: Any, s3_root: Path) -> None:
    put(s3_root, "raw/x/a.csv", "1;2\n")
    frame = glue_context.create_dynamic_frame.from_options(
        "s3", {"paths": ["s3://raw/x/"]}, format="csv", format_options={"separator": ";"}
    )
    assert frame.toDF().columns == ["col0", "col1"]


def test_catalog_reads_cast_to_the_catalog_types(
    glue_context: Any, runtime: Any, s3_root: Path
) -> None:
    put(s3_root, "raw/flights/part1.csv", CSV)
    columns = [("year", "int"), ("month", "int"), ("carrier", "string"), ("delay", "double")]
    csv_table(runtime.glue, "flights", "s3://raw/flights/", columns)
    frame = glue_context.create_dynamic_frame.from_catalog(database="raw", table_name="flights")
    df = frame.toDF()
    assert [(f.name, f.dataType.simpleString()) for f in df.schema] == columns
    assert sorted((r["carrier"], r["delay"]) for r in df.collect()) == [("AA", None), ("UA", 5.0)]


def test_catalog_writes_go_to_the_table_location(
    glue_context: Any, runtime: Any, s3_root: Path
) -> None:
    put(s3_root, "raw/flights/part1.csv", CSV)
    csv_table(runtime.glue, "flights", "s3://raw/flights/", [("year", "int"), ("month", "int")])
    csv_table(runtime.glue, "copy", "s3://curated/copy/", [("year", "int"), ("month", "int")])
    frame = glue_context.create_dynamic_frame.from_catalog(database="raw", table_name="flights")
    glue_context.write_dynamic_frame.from_catalog(frame=frame, database="raw", table_name="copy")
    assert list((s3_root / "curated" / "copy").glob("*.csv"))


def test_an_unsupported_format_is_named(glue_context: Any, s3_root: Path) -> None:
    put(s3_root, "raw/a/x.avro", "")
    with pytest.raises(UnsupportedGlueFeature, match=r"format 'avro' is not supported.*README"):
        glue_context.create_dynamic_frame.from_options("s3", {"paths": ["s3://raw/a/"]}, "avro")


def test_an_unsupported_context_method_is_named(glue_context: Any) -> None:
    with pytest.raises(UnsupportedGlueFeature, match=r"GlueContext\.forEachBatch"):
        glue_context.forEachBatch(frame=None, batch_function=print)


@pytest.mark.parametrize("output_format", ["parquet", "csv"])
def test_rows_read_and_written_are_counted_for_run_reports(
    glue_context: Any, runtime: Any, s3_root: Path, output_format: str
) -> None:
    runtime.count_rows = True
    put(s3_root, "curated/late/old.parquet.keep", "")  # earlier output is not counted again
    put(s3_root, "raw/flights/part1.csv", CSV + "2013,3,DL,20\n")
    frame = glue_context.create_dynamic_frame.from_options(
        "s3", {"paths": ["s3://raw/flights/"]}, format="csv", format_options={"withHeader": True}
    )
    late = frame.filter(lambda row: row["delay"] not in (None, 5))
    for _ in range(2):
        glue_context.write_dynamic_frame.from_options(
            frame=late,
            connection_type="s3",
            connection_options={"path": "s3://curated/late/"},
            format=output_format,
        )
    assert (runtime.rows_read, runtime.rows_written) == (3, 2)


@pytest.mark.parametrize("output_format", ["parquet", "json"])
def test_a_frame_without_records_writes_no_file(
    glue_context: Any, s3_root: Path, output_format: str
) -> None:
    # A DynamicFrame's schema comes from its records: with none, Glue's sink has nothing to write
    # (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html, a rerun with no new
    # data); Spark alone would leave one schema-only file.
    from awsglue.dynamicframe import DynamicFrame

    empty = glue_context.spark_session.createDataFrame([(1, "a")], "id int, k string").limit(0)
    glue_context.write_dynamic_frame.from_options(
        frame=DynamicFrame.fromDF(empty, glue_context, "empty"),
        connection_type="s3",
        connection_options={"path": "s3://curated/empty/"},
        format=output_format,
    )
    assert [p for p in (s3_root / "curated" / "empty").rglob("*") if p.name[0] not in "._"] == []


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html
# (records type a DynamicFrame's CSV fields: whole numbers long, text string, both a choice)
def test_csv_from_options_types_whole_numbers_as_long_and_refuses_choices(
    glue_context: Any, s3_root: Path
) -> None:
    put(s3_root, "raw/flights/part1.csv", CSV)
    read = glue_context.create_dynamic_frame.from_options
    frame = read("s3", {"paths": ["s3://raw/flights/"]}, "csv", {"withHeader": True})
    assert frame.toDF().schema.simpleString() == (
        "struct<year:bigint,month:bigint,carrier:string,delay:bigint>"
    )
    put(s3_root, "raw/mixed/a.csv", "id,price\n1,2.5\nX,3\n")
    with pytest.raises(UnsupportedGlueFeature, match="choice type: CSV column 'id'"):
        read("s3", {"paths": ["s3://raw/mixed/"]}, "csv", {"withHeader": True})
    put(s3_root, "raw/prices/a.csv", "price\n2.5\n3\n")
    with pytest.raises(UnsupportedGlueFeature, match="'price' of decimal numbers"):
        read("s3", {"paths": ["s3://raw/prices/"]}, "csv", {"withHeader": True})


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html
# (records disagreeing on a field's type make a choice type; Spark would widen it to string)
def test_json_whose_records_disagree_on_a_field_is_refused_as_a_choice(
    glue_context: Any, s3_root: Path
) -> None:
    read = glue_context.create_dynamic_frame.from_options
    put(s3_root, "raw/agree/a.json", '{"id": 1, "p": {"x": 1.5}}\n{"id": 2, "p": {"x": 2}}\n')
    frame = read("s3", {"paths": ["s3://raw/agree/"]}, "json")
    assert frame.count() == 2
    put(s3_root, "raw/mixed/a.json", '{"id": 1, "p": {"x": 1}}\n{"id": 2, "p": {"x": "two"}}\n')
    with pytest.raises(UnsupportedGlueFeature, match=r"JSON field 'p\.x' is number and text"):
        read("s3", {"paths": ["s3://raw/mixed/"]}, "json")


# Glue keeps JSON fields in the order the records hold them (AWS's legislators sample prints
# identifiers as scheme, identifier); Spark's inference sorts them by name:
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-legislators.html
def test_json_from_options_keeps_the_records_field_order(glue_context: Any, s3_root: Path) -> None:
    put(
        s3_root,
        "raw/people/a.json",
        '{"name": "A", "ids": [{"scheme": "s", "identifier": "1"}],'
        ' "home": {"zip": 1, "city": "x"}}\n'
        '{"name": "B", "age": 3}\n',
    )
    frame = glue_context.create_dynamic_frame.from_options(
        "s3", {"paths": ["s3://raw/people/"]}, "json"
    ).toDF()
    assert frame.schema.simpleString() == (
        "struct<name:string,ids:array<struct<scheme:string,identifier:string>>,"
        "home:struct<zip:bigint,city:string>,age:bigint>"
    )
    first = frame.orderBy("name").first()
    assert first["ids"][0].asDict() == {"scheme": "s", "identifier": "1"}
    assert first["home"].asDict() == {"zip": 1, "city": "x"}
