"""One Glue JDBC connection (GetConnections' shape, read with HidePassword) as a spec entry.

A password is never read. The spec authenticates with a Secrets Manager secret: the one the
connection already uses (SECRET_ID), else `--secret CONNECTION=SECRET`, else a placeholder the
report lists as needing the user's secret.
"""

from dataclasses import dataclass, field
from typing import Any

from gluestack.adopt.context import SECRET_PLACEHOLDER, ImportContext
from gluestack.adopt.notes import Notes
from gluestack.adopt.report import ReportEntry


@dataclass
class ConnectionConversion:
    aws_name: str
    key: str
    spec: dict[str, Any] | None
    entries: list[ReportEntry] = field(default_factory=list)


def connection_to_spec(
    connection: dict[str, Any] | None, aws_name: str, pipeline: str, context: ImportContext
) -> ConnectionConversion:
    key = context.keys.connections.key(aws_name)
    notes = Notes("connection", aws_name, pipeline, f"connections.{key}")
    refusal = _refusal(connection)
    if connection is None or refusal:
        notes.not_imported("Connection", None, refusal or "not found in the account")
        return ConnectionConversion(aws_name, key, None, notes.entries)
    properties = connection.get("ConnectionProperties") or {}
    physical = connection.get("PhysicalConnectionRequirements") or {}
    spec: dict[str, Any] = {}
    if connection.get("Description"):
        spec["description"] = connection["Description"]
    spec["jdbc_url"] = properties["JDBC_CONNECTION_URL"]
    spec["secret"] = _secret(aws_name, key, properties, context, notes)
    spec["subnet_id"] = physical["SubnetId"]
    spec["security_group_ids"] = list(physical["SecurityGroupIdList"])
    spec["availability_zone"] = physical["AvailabilityZone"]
    for name, value in sorted(properties.items()):
        if name not in ("JDBC_CONNECTION_URL", "SECRET_ID", "USERNAME", "PASSWORD"):
            notes.not_imported(
                f"ConnectionProperties.{name}",
                value,
                "the spec's connection takes a URL and a secret only",
            )
    notes.note("imported", detail=spec["jdbc_url"])
    return ConnectionConversion(aws_name, key, spec, notes.entries)


def _refusal(connection: dict[str, Any] | None) -> str | None:
    if connection is None:
        return None
    if connection.get("ConnectionType", "JDBC") != "JDBC":
        return f"a {connection['ConnectionType']} connection: gluestack declares JDBC ones"
    if not (connection.get("ConnectionProperties") or {}).get("JDBC_CONNECTION_URL"):
        return "it has no JDBC_CONNECTION_URL"
    physical = connection.get("PhysicalConnectionRequirements") or {}
    missing = [
        n for n in ("SubnetId", "SecurityGroupIdList", "AvailabilityZone") if not physical.get(n)
    ]
    if missing:
        return f"no {', '.join(missing)}: gluestack's connections run in a VPC subnet"
    return None


def _secret(
    aws_name: str, key: str, properties: dict[str, str], context: ImportContext, notes: Notes
) -> str:
    if aws_name in context.secrets:
        return context.secrets[aws_name]
    if properties.get("SECRET_ID"):
        return properties["SECRET_ID"]
    placeholder = SECRET_PLACEHOLDER.format(connection=key)
    user = f" (user {properties['USERNAME']})" if properties.get("USERNAME") else ""
    notes.action(
        "secret",
        f"the connection authenticates with a password{user}, never read: store username and "
        f"password in a Secrets Manager secret and write its name here, or import again with "
        f"--secret {aws_name}=SECRET_NAME",
        placeholder,
    )
    return placeholder
