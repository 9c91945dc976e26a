"""The account's existing databases (a spec's existing_database), stood in for offline.

The real account has them; a fresh offline account does not. The catalog stack names them in its
template Metadata instead of creating them, and the offline deploy creates each one it lacks,
empty, before the stack's resources. It is not one of the stack's resources, so nothing that
removes or replaces the stack touches it, and one already there is left as it is.
"""

from typing import TYPE_CHECKING, Any

from gluestack.spec.manifest import EXISTING_DATABASES_METADATA

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

STAND_IN_DESCRIPTION = (
    "gluestack offline: stands in for the account's existing database of this name "
    "(existing_database), which gluestack neither creates nor deletes there"
)


def _existing_databases(template: dict[str, Any]) -> list[str]:
    """The existing databases a template refers to without creating them."""
    names: list[str] = template.get("Metadata", {}).get(EXISTING_DATABASES_METADATA, [])
    return list(names)


def stand_in_for_existing_databases(glue: "GlueClient", template: dict[str, Any]) -> list[str]:
    """Create each existing database the offline account lacks; the ones created."""
    wanted = _existing_databases(template)
    if not wanted:
        return []
    present = {
        database["Name"]
        for page in glue.get_paginator("get_databases").paginate()
        for database in page["DatabaseList"]
    }
    created = [name for name in wanted if name not in present]
    for name in created:
        glue.create_database(DatabaseInput={"Name": name, "Description": STAND_IN_DESCRIPTION})
    return created
