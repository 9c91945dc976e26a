"""The offline Data Catalog kept between commands, as an AWS account keeps its catalog.

An executing offline account saves its databases, tables and partitions to the workspace when it
stops and restores them when it starts (after the deploy, which creates the databases), so a
re-crawl meets the tables earlier runs made, and `gluestack catalog ... --workspace` reads them
without a running account. Fields are kept as the Glue API's *Input shapes name them (botocore's
model), so what is restored is what CreateTable and CreatePartition accept.
"""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluestack.local.records.workspace import Workspace

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

_CATALOG_FILE = "catalog.json"


class NoOfflineCatalog(LookupError):
    """The workspace holds no catalog: no offline run has ended there yet."""


def catalog_file(workspace: Workspace) -> Path:
    return workspace.root / _CATALOG_FILE


def save_catalog(glue: "GlueClient", workspace: Workspace) -> Path:
    """Every database with its tables and their partitions, written atomically."""
    databases = []
    for database in _pages(glue, "get_databases", "DatabaseList"):
        name = database["Name"]
        tables = []
        for table in _pages(glue, "get_tables", "TableList", DatabaseName=name):
            partitions = _pages(
                glue, "get_partitions", "Partitions", DatabaseName=name, TableName=table["Name"]
            )
            tables.append(
                {
                    "table": _input(glue, "TableInput", table),
                    "partitions": [_input(glue, "PartitionInput", p) for p in partitions],
                }
            )
        databases.append({"database": _input(glue, "DatabaseInput", database), "tables": tables})
    target = catalog_file(workspace)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_suffix(".json.tmp")
    staged.write_text(json.dumps({"databases": databases}, indent=1, default=str))
    staged.replace(target)
    return target


def restore_catalog(glue: "GlueClient", workspace: Workspace) -> None:
    """Create the saved databases and tables the account lacks."""
    source = catalog_file(workspace)
    if not source.is_file():
        raise NoOfflineCatalog(
            f"{source}: no offline catalog yet; `gluestack local run PIPELINE` leaves one"
        )
    saved = json.loads(source.read_text())
    existing = {d["Name"] for d in _pages(glue, "get_databases", "DatabaseList")}
    for entry in saved["databases"]:
        name = entry["database"]["Name"]
        if name not in existing:
            glue.create_database(DatabaseInput=entry["database"])
        present = {t["Name"] for t in _pages(glue, "get_tables", "TableList", DatabaseName=name)}
        for table in entry["tables"]:
            if table["table"]["Name"] in present:
                continue
            glue.create_table(DatabaseName=name, TableInput=table["table"])
            if table["partitions"]:
                glue.batch_create_partition(
                    DatabaseName=name,
                    TableName=table["table"]["Name"],
                    PartitionInputList=table["partitions"],
                )


def _pages(glue: Any, operation: str, key: str, **arguments: Any) -> list[dict[str, Any]]:
    return [
        item
        for page in glue.get_paginator(operation).paginate(**arguments)
        for item in page.get(key, [])
    ]


def _input(glue: Any, shape: str, described: dict[str, Any]) -> dict[str, Any]:
    members = glue.meta.service_model.shape_for(shape).members
    return {key: value for key, value in described.items() if key in members}
