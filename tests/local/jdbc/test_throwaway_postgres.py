"""The throwaway PostgreSQL offline JDBC sources run against: started in a folder of its own on
a free loopback port, with password authentication, stopped and removed after the block."""

import socket
from dataclasses import replace
from pathlib import Path

import pytest

from gluestack.local.jdbc.binaries import (
    BIN_VARIABLE,
    DRIVER_VARIABLE,
    MissingPostgres,
    jdbc_driver,
    postgres_binaries,
)
from gluestack.local.jdbc.throwaway_postgres import PostgresError, throwaway_postgres


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_a_throwaway_server_runs_sql_checks_passwords_and_leaves_nothing_behind() -> None:
    with throwaway_postgres(database="shop") as server:
        assert server.jdbc_url == f"jdbc:postgresql://127.0.0.1:{server.port}/shop"
        server.run_sql("CREATE TABLE orders (id int PRIMARY KEY, total numeric(10,2))")
        server.run_sql("INSERT INTO orders VALUES (1, 2.50), (2, 10)")
        assert server.run_sql("SELECT id, total FROM orders ORDER BY id").split() == [
            "1|2.50",
            "2|10.00",
        ]
        intruder = replace(server, password="wrong")
        with pytest.raises(PostgresError, match="password authentication failed"):
            intruder.run_sql("SELECT 1")
        port, folder = server.port, server.folder
        assert _listening(port) and (folder / "server.log").is_file()
    assert not _listening(port)
    assert not folder.exists()


def test_missing_programs_or_driver_are_named_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BIN_VARIABLE, str(tmp_path))
    with pytest.raises(MissingPostgres, match=f"not in {BIN_VARIABLE}=.*install PostgreSQL"):
        postgres_binaries()
    monkeypatch.setenv(DRIVER_VARIABLE, str(tmp_path / "postgresql.jar"))
    with pytest.raises(MissingPostgres, match="libpostgresql-jdbc-java"):
        jdbc_driver()
    monkeypatch.delenv(DRIVER_VARIABLE)
    assert jdbc_driver().name.startswith("postgresql")  # `make test` installs Debian's
