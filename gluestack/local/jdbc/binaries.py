"""Where PostgreSQL's server programs and its JDBC driver are, or one sentence on what to install.

GLUESTACK_POSTGRES_BIN names a folder holding initdb, pg_ctl, psql and pg_dump; else PATH,
then Debian's /usr/lib/postgresql/<version>/bin. GLUESTACK_JDBC_DRIVER names the driver jar;
else Debian's libpostgresql-jdbc-java (/usr/share/java/postgresql.jar).
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

BIN_VARIABLE = "GLUESTACK_POSTGRES_BIN"
DRIVER_VARIABLE = "GLUESTACK_JDBC_DRIVER"
DEBIAN_DRIVER = Path("/usr/share/java/postgresql.jar")
DEBIAN_SERVERS = Path("/usr/lib/postgresql")
_PROGRAMS = ("initdb", "pg_ctl", "psql", "pg_dump")


class MissingPostgres(RuntimeError):
    """PostgreSQL's programs or its JDBC driver are not installed."""


@dataclass(frozen=True)
class PostgresBinaries:
    initdb: Path
    pg_ctl: Path
    psql: Path
    pg_dump: Path


def postgres_binaries() -> PostgresBinaries:
    """initdb, pg_ctl, psql and pg_dump of one installation."""
    named = os.environ.get(BIN_VARIABLE)
    folders = [Path(named)] if named else [*_path_folders(), *_debian_folders()]
    for folder in folders:
        found = [folder / name for name in _PROGRAMS]
        if all(p.is_file() and os.access(p, os.X_OK) for p in found):
            return PostgresBinaries(*found)
    where = f"{BIN_VARIABLE}={named}" if named else "PATH or /usr/lib/postgresql/*/bin"
    raise MissingPostgres(
        f"PostgreSQL's server programs ({', '.join(_PROGRAMS)}) are not in {where}: install "
        f"PostgreSQL 15 (Debian: apt-get install postgresql), or set {BIN_VARIABLE} to the "
        "folder that holds them"
    )


def jdbc_driver() -> Path:
    """The PostgreSQL JDBC driver jar Spark loads for JDBC reads and writes."""
    named = os.environ.get(DRIVER_VARIABLE)
    jar = Path(named) if named else DEBIAN_DRIVER
    if jar.is_file():
        return jar
    raise MissingPostgres(
        f"PostgreSQL's JDBC driver is not at {jar}: install it (Debian: apt-get install "
        f"libpostgresql-jdbc-java; `make test` does), or set {DRIVER_VARIABLE} to a "
        "postgresql-*.jar found elsewhere"
    )


def _path_folders() -> list[Path]:
    initdb = shutil.which("initdb")
    return [Path(initdb).resolve().parent] if initdb else []


def _debian_folders() -> list[Path]:
    if not DEBIAN_SERVERS.is_dir():
        return []
    return [v / "bin" for v in sorted(DEBIAN_SERVERS.iterdir(), reverse=True)]
