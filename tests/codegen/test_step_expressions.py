"""Each transform step's plain PySpark form and its DuckDB form give the same rows.

These pin the benchmark's two translations of a step (benchmarks/local_execution.py) against
each other on small crafted tables; they say nothing about what Glue does.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_args

import duckdb
import pandas as pd
import pytest

from benchmarks.local_execution import duckdb_query, features_transform, plain_features
from gluestack.spec.transform import JoinKind, TransformSpec
from gluestack.spec.transform_steps.checks import Columns, walk
from gluestack.spec.transform_steps.duckdb_text import duckdb_type, identifier
from gluestack.spec.transform_steps.registry import STEPS
from gluestack.spec.transform_steps.step import TransformStep

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


@dataclass(frozen=True)
class Table:
    columns: Columns
    rows: list[tuple[Any, ...]]

    def pandas(self) -> pd.DataFrame:
        # object columns keep None as None: a float column would turn it into NaN
        return pd.DataFrame(self.rows, columns=list(self.columns), dtype=object)


ORDERS = Table(
    {"id": "bigint", "total": "double", "status": "string", "customer": "string"},
    [
        (1, 5.0, "paid", "ann"),
        (1, 7.0, "refunded", "ann"),
        (2, 50.0, "NA", "bob"),
        (3, 500.0, "cancelled", None),
        (3, 500.0, "cancelled", None),
        (None, 20.0, "n/a", "cy"),
        (None, 9.0, "paid", "fay"),
        (4, None, None, "dee"),
    ],
)
CUSTOMERS = Table(
    {"customer": "string", "country": "string"},
    [("ann", "NZ"), ("bob", None), ("eve", "FR")],
)
COUNTRIES = Table({"country": "string", "region": "string"}, [("NZ", "Oceania"), ("FR", "EU")])
SOURCES = {"orders": ORDERS, "customers": CUSTOMERS, "countries": COUNTRIES}

# Each step kind's settings, one transform per entry; a new kind needs an entry here.
CASES: dict[str, list[dict[str, Any]]] = {
    "joins": [
        *(
            {"joins": [{"source": "customers", "keys": ["customer"], "how": how}]}
            for how in get_args(JoinKind)
        ),
        {
            "joins": [
                {"source": "customers", "keys": ["customer"], "how": "left"},
                {"source": "countries", "keys": ["country"], "how": "inner"},
            ]
        },
    ],
    "mappings": [
        {
            "mappings": [
                {"source": "id", "type": "string"},
                {"source": "total", "target": "amount", "type": "int", "allow_lossy": True},
                "customer",
            ]
        }
    ],
    "drop": [{"drop": ["total", "status"]}],
    "null_values": [{"null_values": ["NA", "n/a"]}],
    "filters": [
        {"filters": ["total >= 10", "status <> 'cancelled'"]},
        {"filters": ["status = 'paid' OR total > 100", "id IS NOT NULL"]},
    ],
    "derived": [
        {
            "derived": {
                "doubled": {"expression": "total * 2", "type": "double"},
                "size": {
                    "expression": "CASE WHEN doubled < 20 THEN 'small' ELSE 'large' END",
                    "type": "string",
                },
                "total": {"expression": "total + 1", "type": "double"},
            }
        }
    ],
    "drop_nulls": [{"drop_nulls": ["id", "customer"]}],
    "fill_nulls": [{"fill_nulls": {"id": 0, "total": -1, "status": "none"}}],
    "dedupe": [{"dedupe": ["id", "status"]}],
}


@pytest.fixture
def connection() -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect() as connection:
        for name, table in SOURCES.items():
            _duckdb_table(connection, name, table)
        yield connection


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.name)
def test_a_step_gives_the_same_rows_in_plain_pyspark_and_duckdb(
    step: TransformStep, spark: "SparkSession", connection: duckdb.DuckDBPyConnection
) -> None:
    assert step.name in CASES, f"no case for the step kind {step.name}: add one to CASES"
    frames = {name: _spark_frame(spark, table) for name, table in SOURCES.items()}
    columns = {name: table.columns for name, table in SOURCES.items()}
    for settings in CASES[step.name]:
        transform = _transform(settings)
        walked = walk(transform, columns)
        assert not walked.issues, walked.issues
        assert [present for present, _ in walked.steps] == [step]
        plain = step.plain(frames["orders"], transform, frames)
        query = step.sql("orders", transform, walked.steps[0][1], {name: name for name in SOURCES})
        result = connection.execute(query)
        assert [column[0] for column in result.description] == plain.columns, query
        assert _sorted(result.fetchall()) == _sorted(plain.collect()), query


def test_the_flights_features_transform_keeps_as_many_rows_in_pyspark_as_in_duckdb(
    spark: "SparkSession",
) -> None:
    transform, columns = features_transform()
    clean = _flights_clean(columns["flights"])
    with duckdb.connect() as connection:
        _duckdb_table(connection, "flights_clean", clean)
        result = connection.execute(duckdb_query({"flights": "flights_clean"}, transform, columns))
        duckdb_rows = result.fetchall()
        duckdb_columns = [column[0] for column in result.description]
    plain = plain_features({"flights": _spark_frame(spark, clean)}, transform)
    assert duckdb_columns == plain.columns
    # kept: the first flight, the one with plane facts filled, the other flight number
    assert len(duckdb_rows) == plain.count() == 3


def _flights_clean(columns: Columns) -> Table:
    """flights_clean rows that each step of the features transform keeps or drops."""
    first: dict[str, Any] = {
        **{name: 1 for name, kind in columns.items() if kind == "int"},
        **{name: 10.0 for name, kind in columns.items() if kind == "double"},
        **{name: "x" for name, kind in columns.items() if kind == "string"},
        "flight_date": datetime.date(2013, 1, 1),
        "sched_arr_time": 1030,
        "origin": "JFK",
        "dest": "LAX",
        "distance": 2475.0,
        "year": 2013,
    }
    variants: list[dict[str, Any]] = [
        {},
        {},  # a duplicate: dedupe drops it
        {"distance": 0.0},  # the filter drops it
        {"is_late": None},  # drop_nulls drops it
        {"flight": 2, "plane_age": None, "engines": None, "seats": None},  # filled
        {"flight": 3},
        {"flight": 3, "dest": "SFO"},  # the same dedupe key as the one before
    ]
    rows = [tuple({**first, **variant}[name] for name in columns) for variant in variants]
    return Table(columns, rows)


def _transform(settings: dict[str, Any]) -> TransformSpec:
    sources = {
        name: {"path": f"s3://landing/{name}/", "format": "json", "columns": table.columns}
        for name, table in SOURCES.items()
    }
    return TransformSpec.model_validate({"sources": sources, **settings})


def _spark_frame(spark: "SparkSession", table: Table) -> "DataFrame":
    schema = ", ".join(f"`{name}` {kind}" for name, kind in table.columns.items())
    return spark.createDataFrame(table.pandas(), schema=schema)


def _duckdb_table(connection: duckdb.DuckDBPyConnection, name: str, table: Table) -> None:
    columns = ", ".join(f"{identifier(c)} {duckdb_type(kind)}" for c, kind in table.columns.items())
    connection.execute(f"CREATE TABLE {name} ({columns})")
    connection.register("crafted", table.pandas())
    connection.execute(f"INSERT INTO {name} SELECT * FROM crafted")
    connection.unregister("crafted")


def _sorted(rows: Iterable[Iterable[Any]]) -> list[tuple[Any, ...]]:
    return sorted((tuple(row) for row in rows), key=repr)
