"""Where a Data Catalog table's files are and how to read them, from the Glue API."""

from dataclasses import dataclass
from typing import Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

_SERDE_FORMATS = {
    "LazySimpleSerDe": "csv",
    "OpenCSVSerde": "csv",
    "JsonSerDe": "json",
    "ParquetHiveSerDe": "parquet",
    "OrcSerde": "orc",
}


@dataclass(frozen=True)
class CatalogTable:
    """A table's location, format, reader options and typed columns."""

    database: str
    name: str
    location: str
    format: str
    format_options: dict[str, Any]
    columns: list[tuple[str, str]]
    partition_keys: list[tuple[str, str]]


def catalog_table(glue: Any, database: str, name: str) -> CatalogTable:
    """Look the table up through the Glue API (moto offline, AWS online)."""
    if glue is None:
        raise UnsupportedGlueFeature("from_catalog without a Glue client in the local runtime")
    table = glue.get_table(DatabaseName=database, Name=name)["Table"]
    storage = table["StorageDescriptor"]
    parameters = {**storage.get("Parameters", {}), **table.get("Parameters", {})}
    fmt = parameters.get("classification") or _format_from_serde(storage)
    serde = storage.get("SerdeInfo", {}).get("Parameters", {})
    options: dict[str, Any] = {}
    if fmt == "csv":
        options["withHeader"] = parameters.get("skip.header.line.count") == "1"
        options["separator"] = serde.get("field.delim", serde.get("separatorChar", ","))
    return CatalogTable(
        database=database,
        name=name,
        location=storage["Location"],
        format=fmt,
        format_options=options,
        columns=[(c["Name"], c["Type"]) for c in storage.get("Columns", [])],
        partition_keys=[(c["Name"], c["Type"]) for c in table.get("PartitionKeys", [])],
    )


def _format_from_serde(storage: dict[str, Any]) -> str:
    library = storage.get("SerdeInfo", {}).get("SerializationLibrary", "")
    for suffix, fmt in _SERDE_FORMATS.items():
        if library.endswith(suffix):
            return fmt
    raise UnsupportedGlueFeature(f"catalog table with SerDe '{library or 'none'}'")
