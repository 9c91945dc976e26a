"""The databases deployed JDBC connections point at, offline.

One throwaway PostgreSQL stands in for every PostgreSQL server a deployed connection's
JDBC_CONNECTION_URL names (a loopback URL is the user's own server and is left alone). Each
connection's database is created there, owned by a login role whose credentials are put into
the offline Secrets Manager under the connection's SECRET_ID (a secret already there is used
as it is; USERNAME and PASSWORD properties are honoured), and job and crawl processes reach
the server through jdbc.routes. What the databases hold is kept in the workspace, one pg_dump
per database, and restored by the next offline account, as its S3 folders and catalog are.
"""

import json
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.jdbc.routes import server_address, url_database
from gluestack.local.jdbc.throwaway_postgres import RunningPostgres, throwaway_postgres

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_secretsmanager import SecretsManagerClient

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


class NoOfflineDatabase(LookupError):
    """No deployed connection of that name points at a database the offline account stands in
    for."""


@dataclass(frozen=True)
class OfflineDatabase:
    """One deployed connection's database on the stand-in server."""

    connection: str
    address: str  # host:port of the deployed URL
    database: str
    user: str
    password: str

    @property
    def snapshot_name(self) -> str:
        return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{self.address}_{self.database}") + ".sql"


@dataclass(frozen=True)
class OfflineDatabases:
    """The stand-in server (None when no deployed connection needs one) and each connection's
    database on it."""

    server: RunningPostgres | None
    databases: dict[str, OfflineDatabase]

    @property
    def routes(self) -> dict[str, str]:
        """Deployed "host:port" to the stand-in's, for jdbc.routes."""
        if self.server is None:
            return {}
        return {
            d.address: f"{self.server.host}:{self.server.port}" for d in self.databases.values()
        }

    def run_sql(self, connection: str, sql: str) -> str:
        """Run SQL (or one psql backslash command such as \\copy) as the connection's user."""
        return self._as(connection).run_sql(sql)

    def load_csv(self, connection: str, table: str, csv_file: Path) -> None:
        """Append a CSV file (header line first) to a table of the connection's database."""
        path = str(csv_file.resolve()).replace("'", "''")
        self.run_sql(connection, f"\\copy {table} FROM '{path}' WITH (FORMAT csv, HEADER true)")

    def _as(self, connection: str) -> RunningPostgres:
        database = self.databases.get(connection)
        if self.server is None or database is None:
            names = ", ".join(sorted(self.databases)) or "none"
            raise NoOfflineDatabase(
                f"connection '{connection}' has no offline database (PostgreSQL connections "
                f"deployed: {names})"
            )
        return replace(
            self.server, database=database.database, user=database.user,
            password=database.password,
        )  # fmt: skip


@contextmanager
def offline_databases(
    glue: "GlueClient", secrets_manager: "SecretsManagerClient", snapshots: Path
) -> Iterator[OfflineDatabases]:
    """Stand in for the deployed connections' PostgreSQL databases for the block; snapshots is
    the workspace folder their contents are restored from and saved to."""
    connections = _standing_in_for(glue)
    if not connections:
        yield OfflineDatabases(None, {})
        return
    with throwaway_postgres(database="gluestack") as server:
        databases = {
            name: _database(server, secrets_manager, name, properties)
            for name, properties in connections.items()
        }
        offline = OfflineDatabases(server, databases)
        for name, database in databases.items():
            snapshot = snapshots / database.snapshot_name
            if snapshot.is_file():
                quoted = str(snapshot.resolve()).replace("'", "''")
                offline.run_sql(name, f"\\i '{quoted}'")
        yield offline
        snapshots.mkdir(parents=True, exist_ok=True)
        for database in {d.snapshot_name: d for d in databases.values()}.values():
            written = snapshots / (database.snapshot_name + ".writing")
            server.dump(database.database, written)
            written.replace(snapshots / database.snapshot_name)  # never half a snapshot


def _standing_in_for(glue: "GlueClient") -> dict[str, dict[str, str]]:
    """The deployed JDBC connections to PostgreSQL servers that are not on this machine."""
    found: dict[str, dict[str, str]] = {}
    for page in glue.get_paginator("get_connections").paginate():
        for connection in page["ConnectionList"]:
            properties = connection.get("ConnectionProperties", {})
            url = properties.get("JDBC_CONNECTION_URL", "")
            address = server_address(url)
            if not url.startswith("jdbc:postgresql:") or address is None:
                continue
            if address.rsplit(":", 1)[0] not in LOOPBACK_HOSTS:
                found[connection["Name"]] = {str(key): value for key, value in properties.items()}
    return found


def _database(
    server: RunningPostgres,
    secrets_manager: "SecretsManagerClient",
    connection: str,
    properties: dict[str, str],
) -> OfflineDatabase:
    url = properties["JDBC_CONNECTION_URL"]
    database = url_database(url)
    if database is None:
        raise ValueError(f"Glue connection '{connection}': its URL {url} names no database")
    user, password = _credentials(secrets_manager, connection, properties)
    owner = "CURRENT_USER"
    if user:  # else the connection names no user, and a job using it fails as on Glue
        known = server.run_sql(f"SELECT 1 FROM pg_roles WHERE rolname = {_literal(user)}")
        verb = "ALTER" if known.strip() else "CREATE"
        server.run_sql(f"{verb} ROLE {_identifier(user)} LOGIN PASSWORD {_literal(password)}")
        owner = _identifier(user)
    if not server.run_sql(f"SELECT 1 FROM pg_database WHERE datname = {_literal(database)}"):
        server.run_sql(f"CREATE DATABASE {_identifier(database)} OWNER {owner}")
    return OfflineDatabase(connection, str(server_address(url)), database, user, password)


def _credentials(
    secrets_manager: "SecretsManagerClient", connection: str, properties: dict[str, str]
) -> tuple[str, str]:
    """The connection's secret's username and password; a secret not there yet is created."""
    if "SECRET_ID" not in properties:
        return properties.get("USERNAME", ""), properties.get("PASSWORD", "")
    user = re.sub(r"[^a-z0-9_]", "_", connection.lower())[:63]
    created = {"username": user, "password": secrets.token_urlsafe(18)}
    try:
        secrets_manager.create_secret(
            Name=properties["SECRET_ID"], SecretString=json.dumps(created)
        )
        return created["username"], created["password"]
    except secrets_manager.exceptions.ResourceExistsException:
        text = secrets_manager.get_secret_value(SecretId=properties["SECRET_ID"])["SecretString"]
        kept = json.loads(text)
        return str(kept["username"]), str(kept["password"])


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
