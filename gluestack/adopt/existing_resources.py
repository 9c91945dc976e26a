"""Resources an import refers to instead of recreating: roles not made by gluestack.

gluestack's own roles are CDK-named after their pipeline stack (gluestack-<env>-pipeline-...,
gluestack.spec.names.pipeline_stack_name); any other role is the user's, kept as `role:` so
the deployed job or crawler runs as it and gluestack creates none.
"""

import re

from gluestack.adopt.notes import Notes

_GLUESTACK_ROLE = re.compile(r"^gluestack-[a-z0-9-]+-pipeline-")
_ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/")


def role_name(role: str) -> str:
    """The role's name, from an ARN (with its path) or a bare name."""
    return role.rsplit("/", 1)[-1]


def is_gluestack_role(role: str) -> bool:
    return bool(_GLUESTACK_ROLE.match(role_name(role)))


def role_arn(role: str, account: str, partition: str = "aws") -> str:
    """Glue accepts a role's name or its ARN; the spec takes the ARN."""
    if _ROLE_ARN.match(role):
        return role
    return f"arn:{partition}:iam::{account}:role/{role}"


def role_field(role: str | None, account: str, notes: Notes) -> dict[str, str]:
    """{'role': ARN} for the user's role; nothing (reported) for one gluestack made."""
    if not role:
        return {}
    if is_gluestack_role(role):
        notes.replaced("Role", role, "made by gluestack: its pipeline stack creates it again")
        return {}
    return {"role": role_arn(role, account)}
