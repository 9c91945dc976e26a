"""A PostgreSQL server for one offline session or test: its own folder, a free loopback port.

initdb and pg_ctl start it (no system service); leaving the block stops it and removes the
folder. As root, the server runs as the `postgres` system user, since PostgreSQL refuses to run
as root. Password authentication (scram-sha-256) is on, so a wrong secret fails as on AWS.
"""

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gluestack.local.jdbc.binaries import PostgresBinaries, postgres_binaries

START_DEADLINE_SECONDS = 60
SQL_DEADLINE_SECONDS = 120


@dataclass(frozen=True)
class RunningPostgres:
    """How to reach the server, as a Glue JDBC connection's properties name it."""

    port: int
    database: str
    user: str
    password: str
    binaries: PostgresBinaries
    folder: Path  # the server's data, socket and log; removed when the block ends
    host: str = "127.0.0.1"

    @property
    def jdbc_url(self) -> str:
        return f"jdbc:postgresql://{self.host}:{self.port}/{self.database}"

    def run_sql(self, sql: str, database: str | None = None) -> str:
        """Run SQL with psql (stopping at the first error); what it printed, unaligned."""
        ran = subprocess.run(
            [str(self.binaries.psql), "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t",
             "-h", self.host, "-p", str(self.port), "-U", self.user,
             "-d", database or self.database, "-c", sql],
            capture_output=True, text=True, timeout=SQL_DEADLINE_SECONDS,
            env={**os.environ, "PGPASSWORD": self.password},
        )  # fmt: skip
        if ran.returncode != 0:
            raise PostgresError(f"psql failed: {ran.stderr.strip()}")
        return ran.stdout

    def dump(self, database: str, file: Path) -> None:
        """database's tables and rows as SQL that recreates them, owned by whoever runs it."""
        ran = subprocess.run(
            [str(self.binaries.pg_dump), "--no-owner", "--no-privileges", "-h", self.host,
             "-p", str(self.port), "-U", self.user, "-d", database, "-f", str(file)],
            capture_output=True, text=True, timeout=SQL_DEADLINE_SECONDS,
            env={**os.environ, "PGPASSWORD": self.password},
        )  # fmt: skip
        if ran.returncode != 0:
            raise PostgresError(f"pg_dump failed: {ran.stderr.strip()}")


class PostgresError(RuntimeError):
    """The throwaway server could not start, or a statement failed; PostgreSQL's message."""


@contextmanager
def throwaway_postgres(
    database: str = "gluestack", user: str = "gluestack"
) -> Iterator[RunningPostgres]:
    """A running server with one database owned by user, for the block."""
    binaries = postgres_binaries()
    folder = Path(tempfile.mkdtemp(prefix="gluestack-postgres-"))
    owner = _server_user()
    password = secrets.token_urlsafe(18)
    data = folder / "data"
    try:
        (folder / "password").write_text(password + "\n")
        if owner is not None:
            shutil.chown(folder, owner.pw_uid, owner.pw_gid)
            shutil.chown(folder / "password", owner.pw_uid, owner.pw_gid)
        initdb = ["-D", str(data), "-U", user, f"--pwfile={folder / 'password'}"]
        _run(binaries.initdb, [*initdb, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale"], owner)
        port = _free_port()
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        start = ["-D", str(data), "-o", options, "-l", str(folder / "server.log"), "-w"]
        _run(binaries.pg_ctl, [*start, "-t", str(START_DEADLINE_SECONDS), "start"], owner)
        try:
            server = RunningPostgres(port, database, user, password, binaries, folder)
            server.run_sql(f'CREATE DATABASE "{database}"', database="postgres")
            yield server
        finally:
            _run(binaries.pg_ctl, ["-D", str(data), "-m", "fast", "-w", "-t", "30", "stop"], owner)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _server_user() -> pwd.struct_passwd | None:
    """Who runs the server: the caller, or as root the `postgres` user."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise PostgresError(
            "PostgreSQL refuses to run as root and there is no `postgres` user to run it as; "
            "run gluestack as another user, or create one (useradd postgres)"
        ) from None


def _run(program: Path, arguments: list[str], owner: pwd.struct_passwd | None) -> None:
    ran = subprocess.run(
        [str(program), *arguments], capture_output=True, text=True,
        timeout=START_DEADLINE_SECONDS + 30,
        user=owner.pw_uid if owner else None, group=owner.pw_gid if owner else None,
        cwd="/",
    )  # fmt: skip
    if ran.returncode != 0:
        output = (ran.stderr or ran.stdout).strip()
        raise PostgresError(f"{program.name} {arguments[-1]} failed: {output}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
