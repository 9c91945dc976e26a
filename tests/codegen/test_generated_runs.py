"""Each golden script runs unmodified through the local awsglue layer and writes what it says."""

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from pyspark.sql import SparkSession

from gluestack.local.execution.script_runner import run_glue_script
from gluestack.local.glue_compat import BookmarkStore, GlueRuntime
from tests.codegen.conftest import GOLDEN
from tests.local.glue_compat.conftest import csv_table

ORDERS = [
    {"id": 1, "total": 5.0, "status": "paid", "customer": "ann", "day": "2024-06-01"},
    {"id": 2, "total": 50.0, "status": "paid", "customer": "bob", "day": "2024-06-02"},
    {"id": 3, "total": 500.0, "status": "cancelled", "customer": "cy", "day": "2024-06-03"},
    {"id": 3, "total": 500.0, "status": "cancelled", "customer": "cy", "day": "2024-06-03"},
]


def _put_json(s3_root: Path, key: str, rows: list[dict[str, Any]]) -> None:
    path = s3_root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))


def _run(
    spark: SparkSession, job: str, output: str, tmp_path: Path, glue: Any = None,
    bookmarks: str = "job-bookmark-enable", **args: str,
) -> list[dict[str, Any]]:  # fmt: skip
    """Run the golden script of job; the rows it wrote, as dicts ordered by id."""
    runtime = GlueRuntime(
        spark=spark,
        bookmarks=BookmarkStore(tmp_path / "bookmarks"),
        glue=glue,
        arguments={"--job-bookmark-option": bookmarks},
    )
    location = f"s3://out/{output}/"
    run_glue_script(GOLDEN / f"{job}.py", job, {f"{output}_path": location, **args}, runtime)
    fmt = {"filtered": "json", "deduped": "orc"}.get(job, "parquet")
    frame = spark.read.format(fmt).load(location)
    return sorted((row.asDict() for row in frame.collect()), key=lambda row: row["id"] or 0)


@pytest.fixture
def orders(s3_root: Path) -> Path:
    _put_json(s3_root, "landing/orders/part-0.json", ORDERS)
    return s3_root


def test_mapping_reads_the_catalog_and_renames_and_casts(
    spark: SparkSession, s3_root: Path, aws: boto3.Session, tmp_path: Path
) -> None:
    glue = aws.client("glue")
    glue.create_database(DatabaseInput={"Name": "raw"})
    (s3_root / "raw" / "orders").mkdir(parents=True)
    (s3_root / "raw" / "orders" / "o.csv").write_text("id,amount,cust,note\n7,12.5,ann,x\n")
    csv_table(
        glue,
        "orders",
        "s3://raw/orders/",
        [(c, "string") for c in ("id", "amount", "cust", "note")],
    )
    rows = _run(spark, "mapping", "orders_typed", tmp_path, glue, database="raw")
    assert rows == [{"id": 7, "total": 12.5, "customer": "ann"}]  # note dropped, types cast


def test_a_declared_column_the_table_lacks_stops_the_job_naming_both_lists(
    spark: SparkSession, s3_root: Path, aws: boto3.Session, tmp_path: Path
) -> None:
    # Without the check ApplyMapping maps what matches and the job writes a table short of the
    # column, or empty; the generated script stops first, on Glue as offline.
    glue = aws.client("glue")
    glue.create_database(DatabaseInput={"Name": "raw"})
    (s3_root / "raw" / "orders").mkdir(parents=True)
    (s3_root / "raw" / "orders" / "o.csv").write_text("id,amount,customer\n7,12.5,ann\n")
    csv_table(glue, "orders", "s3://raw/orders/", [("id", "string"), ("AMOUNT", "string"),
                                                   ("customer", "string")])  # fmt: skip
    with pytest.raises(ValueError) as stopped:
        _run(spark, "mapping", "orders_typed", tmp_path, glue, database="raw")
    assert str(stopped.value).startswith(
        "source orders: the spec declares column(s) ['cust', 'note'] that the data lacks; "
        "it has ['id', 'AMOUNT', 'customer']"
    )
    assert not (s3_root / "out" / "orders_typed").exists()


def test_filters_keep_rows_meeting_every_condition(
    spark: SparkSession, orders: Path, tmp_path: Path
) -> None:
    rows = _run(spark, "filtered", "big_orders", tmp_path)
    assert [row["id"] for row in rows] == [2]  # the only one >= 10 and not cancelled


def test_an_overwrite_output_holds_the_same_rows_after_a_rerun(
    spark: SparkSession, orders: Path, tmp_path: Path
) -> None:
    # mode: overwrite purges the output first: purge_s3_path with retentionPeriod 0 keeps no
    # file (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-glue-context.html)
    once = _run(spark, "filtered", "big_orders", tmp_path, bookmarks="job-bookmark-disable")
    twice = _run(spark, "filtered", "big_orders", tmp_path, bookmarks="job-bookmark-disable")
    assert once == twice and [row["id"] for row in twice] == [2]


def test_a_left_join_keeps_orders_without_a_customer(
    spark: SparkSession, orders: Path, tmp_path: Path
) -> None:
    _put_json(orders, "landing/customers/c.json", [{"customer": "ann", "country": "NZ"}])
    rows = _run(spark, "joined", "order_customers", tmp_path)
    assert [(row["id"], row["country"]) for row in rows] == [
        (1, "NZ"),
        (2, None),
        (3, None),
        (3, None),
    ]


def test_derived_columns_are_computed_and_partition_the_output(
    spark: SparkSession, orders: Path, tmp_path: Path, s3_root: Path
) -> None:
    rows = _run(spark, "derived", "order_features", tmp_path)
    # 2024-06-01 is a Saturday: Spark's dayofweek counts from Sunday = 1
    assert {(row["id"], row["day_of_week"], row["size"]) for row in rows} == {
        (1, 7, "small"),
        (2, 1, "medium"),
        (3, 2, "large"),
    }
    assert (s3_root / "out" / "order_features" / "size=large").is_dir()


def test_dedupe_keeps_one_row_per_key(spark: SparkSession, orders: Path, tmp_path: Path) -> None:
    rows = _run(spark, "deduped", "latest_orders", tmp_path)
    assert [row["id"] for row in rows] == [1, 2, 3]


def test_nulls_are_dropped_or_filled(spark: SparkSession, s3_root: Path, tmp_path: Path) -> None:
    _put_json(
        s3_root,
        "landing/orders/o.json",
        [
            {"id": 1, "total": 1.0, "coupon": None, "items": None},
            {"id": None, "total": 2.0, "coupon": "X", "items": 2},
            {"id": 3, "total": 3.0, "coupon": "Y", "items": 4},
        ],
    )
    rows = _run(spark, "nulls", "complete_orders", tmp_path)
    assert rows == [
        {"id": 1, "total": 1.0, "coupon": "none", "items": 1},
        {"id": 3, "total": 3.0, "coupon": "Y", "items": 4},
    ]


def test_bookmarks_skip_files_already_read_and_pick_up_new_ones(
    spark: SparkSession, orders: Path, tmp_path: Path
) -> None:
    assert len(_run(spark, "deduped", "latest_orders", tmp_path)) == 3
    assert len(_run(spark, "deduped", "latest_orders", tmp_path)) == 3  # nothing new appended
    _put_json(orders, "landing/orders/part-1.json", [{"id": 9, "total": 1.0}])
    rows = _run(spark, "deduped", "latest_orders", tmp_path)
    assert [row["id"] for row in rows] == [1, 2, 3, 9]


def test_drop_removes_columns_and_null_values_become_null_in_string_columns(
    spark: SparkSession, s3_root: Path, tmp_path: Path
) -> None:
    rows = [
        {"id": 1, "total": 5.0, "status": "NA", "customer": "ann"},
        {"id": 2, "total": 7.0, "status": "paid", "customer": "n/a"},
    ]
    _put_json(s3_root, "landing/orders/part-0.json", rows)
    written = _run(spark, "cleaned", "clean_orders", tmp_path)
    assert written == [
        {"id": 1, "status": None, "customer": "ann"},
        {"id": 2, "status": "paid", "customer": None},
    ]


def test_a_failing_rule_of_an_on_failure_fail_output_stops_the_job_before_it_writes(
    spark: SparkSession, orders: Path, tmp_path: Path
) -> None:
    # big_orders' rules (RowCount between 0 and 3, ...) with on_failure: fail: the generated
    # script evaluates what it would write and stops, as Glue Studio's EvaluateDataQuality
    # node does with StopJobOnFailureTiming Immediate; earlier output stays (not purged).
    first = _run(spark, "filtered", "big_orders", tmp_path, bookmarks="job-bookmark-disable")
    assert [row["id"] for row in first] == [2]
    more = [{"id": i, "total": 20.0, "status": "paid"} for i in (4, 5, 6)]
    _put_json(orders, "landing/orders/part-1.json", more)
    with pytest.raises(RuntimeError) as stopped:
        _run(spark, "filtered", "big_orders", tmp_path, bookmarks="job-bookmark-disable")
    assert str(stopped.value) == (
        "big_orders not written: data quality rule(s) failed: ['RowCount between 0 and 3']"
    )
    kept = spark.read.json("s3://out/big_orders/").collect()
    assert [row["id"] for row in kept] == [2]
