"""Constrained name types shared by the spec models."""

import re
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


def pipeline_resource_prefix(env: str, pipeline: str) -> str:
    """Every job, crawler and trigger of one pipeline starts with this, e.g. flights-dev-."""
    return f"{pipeline}-{env}-"


def output_ruleset_key(table: str) -> str:
    """The name, after the pipeline's prefix, of the ruleset an output's data_quality deploys
    as; a pipeline-level ruleset deploys under its own key."""
    return f"{table}-quality"


# A JDBC crawl names each table it catalogs: AWS documents no rule; Glue's crawlers are seen
# joining database, schema and table with '_', lower case, other characters made '_'.
JDBC_TABLE_NAME_MAX = 128


def jdbc_table_name(prefix: str, database: str, schema: str, table: str) -> str:
    """The catalog name a JDBC crawl gives database.schema.table (crawler table_prefix first)."""
    return (prefix + _catalog_part(f"{database}_{schema}_{table}"))[:JDBC_TABLE_NAME_MAX]


def jdbc_table_pattern(prefix: str, path: str) -> re.Pattern[str]:
    """The catalog names a JDBC include path `<database>/<schema>/<table>` can produce (its
    schema and table are LIKE patterns: '%' any characters, '_' any one)."""
    parts = path.strip("/").split("/")
    if len(parts) == 2:  # <database>/%: every table of every schema
        parts = [parts[0], "%", parts[1]]
    wildcards = {"%": ".*", "_": "."}
    pieces = ["".join(wildcards.get(c) or re.escape(_catalog_part(c)) for c in p) for p in parts]
    return re.compile(re.escape(prefix) + "_".join(pieces))


def _catalog_part(name: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", name.lower())
