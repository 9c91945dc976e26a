"""Catalog tables created through the Glue API, as a crawler or CloudFormation would."""

from collections.abc import Sequence
from typing import Any

PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
FLIGHT_COLUMNS = (("carrier", "string"), ("dep_delay", "int"), ("origin", "string"))
DAY_AND_HOUR = (("day", "string"), ("hour", "int"))


def create_table(
    glue: Any,
    database: str,
    name: str,
    *,
    columns: Sequence[tuple[str, str]] = FLIGHT_COLUMNS,
    partition_keys: Sequence[tuple[str, str]] = DAY_AND_HOUR,
    classification: str | None = "parquet",
) -> None:
    """A parquet table at s3://lake/<database>/<name>/, creating its database when needed."""
    if database not in {db["Name"] for db in glue.get_databases()["DatabaseList"]}:
        glue.create_database(
            DatabaseInput={"Name": database, "LocationUri": f"s3://lake/{database}/"}
        )
    table = table_input(name, columns, partition_keys, classification, database)
    glue.create_table(DatabaseName=database, TableInput=table)


def table_input(
    name: str,
    columns: Sequence[tuple[str, str]],
    partition_keys: Sequence[tuple[str, str]] = DAY_AND_HOUR,
    classification: str | None = "parquet",
    database: str = "flights",
) -> dict[str, Any]:
    """A TableInput for CreateTable or UpdateTable."""
    return {
        "Name": name,
        "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": classification} if classification else {},
        "PartitionKeys": [{"Name": key, "Type": kind} for key, kind in partition_keys],
        "StorageDescriptor": {
            "Columns": [{"Name": column, "Type": kind} for column, kind in columns],
            "Location": f"s3://lake/{database}/{name}/",
            "SerdeInfo": {"SerializationLibrary": PARQUET_SERDE},
        },
    }
