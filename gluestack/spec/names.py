"""Constrained name types shared by the spec models."""

from typing import Annotated

from pydantic import Field, StringConstraints

# Glue and Athena both accept lowercase letters, digits and underscores everywhere; hyphens would
# force quoting in Athena SQL, so catalog names exclude them.
CatalogName = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,62}$"),
    Field(description="lowercase letters, digits and underscores, starting with a letter"),
]

# Pipeline, job, crawler and trigger names become parts of deployed resource names.
ResourceName = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,39}$"),
    Field(description="lowercase letters, digits, '_' or '-', starting with a letter, <= 40 chars"),
]

S3Prefix = Annotated[
    str,
    StringConstraints(pattern=r"^([a-zA-Z0-9!_.*'()-]+/)+$"),
    Field(description="a relative S3 key prefix ending with '/', such as 'raw/flights/'"),
]


def stack_prefix(env: str) -> str:
    """Every stack of an environment starts with this, e.g. gluestack-dev."""
    return f"gluestack-{env}"


def pipeline_stack_name(env: str, pipeline: str) -> str:
    """The deployed stack of one pipeline, which the ops helpers look names up in."""
    return f"{stack_prefix(env)}-pipeline-{pipeline}"
