"""The offline account stands in for the PostgreSQL servers deployed connections name: each
connection's database exists, its secret holds working credentials, processes are routed to the
stand-in, and the databases' rows outlive the account in the workspace."""

import json
from pathlib import Path

import pytest

from gluestack.local.jdbc.offline_databases import NoOfflineDatabase, offline_databases
from gluestack.local.jdbc.routes import routed_url, server_address, url_database
from gluestack.local.offline import offline_account

DEPLOYED_URL = "jdbc:postgresql://reference-db.internal:5432/reference"


def _connection(glue: object, name: str, properties: dict[str, str]) -> None:
    glue.create_connection(  # type: ignore[attr-defined]
        ConnectionInput={
            "Name": name,
            "ConnectionType": "JDBC",
            "ConnectionProperties": properties,
        }
    )


def test_a_deployed_connection_gets_its_database_its_secret_and_a_route(tmp_path: Path) -> None:
    with offline_account() as session:
        glue, secrets = session.client("glue"), session.client("secretsmanager")
        _connection(glue, "flights-dev-reference", {
            "JDBC_CONNECTION_URL": DEPLOYED_URL, "SECRET_ID": "flights/reference-db",
        })  # fmt: skip
        _connection(glue, "own", {"JDBC_CONNECTION_URL": "jdbc:postgresql://127.0.0.1:5999/x"})
        with offline_databases(glue, secrets, tmp_path / "databases") as databases:
            assert list(databases.databases) == ["flights-dev-reference"]  # loopback: the user's
            assert databases.server is not None
            secret = json.loads(
                secrets.get_secret_value(SecretId="flights/reference-db")["SecretString"]
            )
            database = databases.databases["flights-dev-reference"]
            assert (secret["username"], secret["password"]) == (database.user, database.password)
            stand_in = f"127.0.0.1:{databases.server.port}"
            assert databases.routes == {"reference-db.internal:5432": stand_in}
            assert routed_url(DEPLOYED_URL, databases.routes) == (
                f"jdbc:postgresql://{stand_in}/reference"
            )
            databases.run_sql("flights-dev-reference", "CREATE TABLE airlines (carrier text)")
            csv = tmp_path / "airlines.csv"
            csv.write_text("carrier\n9E\nAA\n")
            databases.load_csv("flights-dev-reference", "airlines", csv)
            with pytest.raises(NoOfflineDatabase, match="connection 'own' has no offline"):
                databases.run_sql("own", "SELECT 1")
    assert [p.name for p in (tmp_path / "databases").iterdir()] == [
        "reference-db.internal_5432_reference.sql"
    ]
    with offline_account() as session:
        glue, secrets = session.client("glue"), session.client("secretsmanager")
        secrets.create_secret(
            Name="flights/reference-db",
            SecretString=json.dumps({"username": "analyst", "password": "s3cret'"}),
        )
        _connection(glue, "flights-dev-reference", {
            "JDBC_CONNECTION_URL": DEPLOYED_URL, "SECRET_ID": "flights/reference-db",
        })  # fmt: skip
        with offline_databases(glue, secrets, tmp_path / "databases") as databases:
            assert databases.databases["flights-dev-reference"].user == "analyst"  # the secret's
            rows = databases.run_sql("flights-dev-reference", "SELECT carrier FROM airlines")
            assert rows.split() == ["9E", "AA"]  # restored from the workspace


def test_no_deployed_postgresql_connection_starts_no_server(tmp_path: Path) -> None:
    with offline_account() as session:
        glue = session.client("glue")
        with offline_databases(glue, session.client("secretsmanager"), tmp_path) as databases:
            assert databases.server is None and databases.routes == {}


def test_urls_are_read_for_their_server_and_database() -> None:
    assert server_address("jdbc:postgresql://DB.example.com/sales?ssl=true") == (
        "db.example.com:5432"
    )
    assert url_database("jdbc:postgresql://db:6432/sales?ssl=true") == "sales"
    assert routed_url("jdbc:postgresql://db:6432/sales", {"db:5432": "127.0.0.1:1"}) == (
        "jdbc:postgresql://db:6432/sales"  # another port: another server, not routed
    )
