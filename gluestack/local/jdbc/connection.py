"""A Glue JDBC connection's URL and credentials, as a job reads them at run time.

The connection's JDBC_CONNECTION_URL, and its user and password from the Secrets Manager secret
SECRET_ID names (JSON keys "username" and "password") or else its USERNAME and PASSWORD
properties, as https://docs.aws.amazon.com/glue/latest/dg/connection-properties.html and
https://docs.aws.amazon.com/glue/latest/dg/connection-properties-secrets-manager.html describe.
"""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_secretsmanager import SecretsManagerClient


class ConnectionUnusable(RuntimeError):
    """The connection, or its secret, cannot give a URL, a user and a password."""


@dataclass(frozen=True)
class JdbcCredentials:
    url: str
    user: str
    password: str

    @property
    def vendor(self) -> str:
        """postgresql, mysql, ...: the URL's subprotocol."""
        return self.url.removeprefix("jdbc:").split(":", 1)[0]


def connection_credentials(
    glue: "GlueClient", secrets: "SecretsManagerClient", name: str
) -> JdbcCredentials:
    """The URL, user and password of the Glue connection name."""
    try:
        properties = glue.get_connection(Name=name)["Connection"]["ConnectionProperties"]
    except glue.exceptions.EntityNotFoundException:
        raise ConnectionUnusable(f"Glue connection '{name}' not found") from None
    url = properties.get("JDBC_CONNECTION_URL")
    if not url:
        raise ConnectionUnusable(f"Glue connection '{name}' has no JDBC_CONNECTION_URL")
    if "SECRET_ID" in properties:
        user, password = _secret(secrets, name, properties["SECRET_ID"])
    else:
        user, password = properties.get("USERNAME", ""), properties.get("PASSWORD", "")
    if not user:
        raise ConnectionUnusable(
            f"Glue connection '{name}' names no user: set SECRET_ID (or USERNAME and PASSWORD)"
        )
    return JdbcCredentials(url, user, password)


def _secret(secrets: "SecretsManagerClient", connection: str, secret_id: str) -> tuple[str, str]:
    try:
        text = secrets.get_secret_value(SecretId=secret_id)["SecretString"]
    except secrets.exceptions.ResourceNotFoundException:
        raise ConnectionUnusable(
            f"Glue connection '{connection}': secret '{secret_id}' not found in Secrets Manager"
        ) from None
    try:
        secret = json.loads(text)
        return str(secret["username"]), str(secret["password"])
    except (ValueError, KeyError, TypeError):
        raise ConnectionUnusable(
            f"Glue connection '{connection}': secret '{secret_id}' is not JSON with "
            '"username" and "password"'
        ) from None
