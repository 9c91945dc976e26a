"""What GlueContext's readers and catalog writer do: options checked, files chosen, frames read."""

from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.catalog import (
    CatalogTable,
    catalog_table,
    described_table,
    table_description,
)
from gluestack.local.glue_compat.formats import spark_format
from gluestack.local.glue_compat.json_choices import refuse_json_choices
from gluestack.local.glue_compat.json_order import in_appearance_order
from gluestack.local.glue_compat.options import (
    CATALOG_SINK_HONOURED,
    S3_SOURCE_HONOURED,
    S3_SOURCE_TUNING,
    as_bool,
    check_options,
    check_read_options,
    json_list,
)
from gluestack.local.glue_compat.reading import FileSelection, read_source
from gluestack.local.glue_compat.record_types import typed_csv_records
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.glue_compat.writing import CatalogUpdate, S3Target, update_catalog, write_s3
from gluestack.local.jdbc.catalog_tables import is_jdbc_table, read_jdbc_table
from gluestack.local.jdbc.jdbc_io import is_jdbc, read_jdbc

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# compressionType values and the file extensions Spark decompresses by.
_COMPRESSION_EXTENSIONS = {"gzip": ".gz", "bzip2": ".bz2", "bzip": ".bz2"}


def read_from_options(
    context: Any,
    connection_type: str,
    connection_options: dict[str, Any],
    fmt: str | None,
    format_options: dict[str, Any],
    transformation_ctx: str,
    push_down_predicate: str,
) -> "DataFrame":
    """create_dynamic_frame.from_options for S3 (paths, recurse, exclusions, bookmarks) and for
    PostgreSQL over JDBC."""
    if is_jdbc(connection_type):
        if fmt or format_options or push_down_predicate:
            raise ValueError(f"a {connection_type} source takes no format, format_options or "
                             "push_down_predicate (filter in sampleQuery)")  # fmt: skip
        return read_jdbc(
            context.runtime, connection_type, connection_options, transformation_ctx,
            context.job_name,
        )  # fmt: skip
    if connection_type != "s3":
        raise UnsupportedGlueFeature(f"connection_type '{connection_type}'")
    check_options("connection_options", connection_options, S3_SOURCE_HONOURED, S3_SOURCE_TUNING)
    paths = json_list(connection_options.get("paths") or connection_options.get("path") or [])
    if not paths:
        raise ValueError("connection_options needs 'paths': the S3 paths to read")
    if not fmt:
        raise ValueError("create_dynamic_frame.from_options on S3 needs a format")
    selection = FileSelection(
        paths=paths,
        recurse=as_bool(connection_options.get("recurse", False)),
        exclusions=json_list(connection_options.get("exclusions", [])),
    )
    runtime = context.runtime
    files = selection.files(runtime, fmt)
    _check_compression(connection_options.get("compressionType"), files)
    base = paths[0] if len(paths) == 1 else None
    frame = read_source(
        runtime, context.job_name, transformation_ctx, files, fmt, format_options, base
    )
    if spark_format(fmt) == "csv":
        frame = typed_csv_records(frame)
    if spark_format(fmt) == "json":
        kinds = refuse_json_choices(runtime.spark, frame, _multiline(format_options))
        frame = in_appearance_order(frame, kinds)
    if push_down_predicate:
        frame = _pruned(frame, [name for name, _ in files], push_down_predicate)
    return frame


def read_from_catalog(
    context: Any,
    database: str,
    table_name: str,
    transformation_ctx: str,
    push_down_predicate: str,
    additional_options: dict[str, Any],
) -> "DataFrame":
    """create_dynamic_frame.from_catalog: the table's registered partitions, its columns."""
    from gluestack.local.glue_compat.catalog import (
        conform_to_catalog,
        partition_paths,
        registered_partitions,
    )

    runtime = context.runtime
    glue = runtime.glue_client()
    try:
        described = table_description(glue, database, table_name)
    except glue.exceptions.EntityNotFoundException:
        described = None  # refused options are named first; then the catalog's error, as before
    if described is not None and is_jdbc_table(described):
        return read_jdbc_table(
            runtime, described, transformation_ctx, push_down_predicate, additional_options,
            context.job_name,
        )  # fmt: skip
    check_read_options(additional_options)
    predicates = [push_down_predicate, str(additional_options.get("pushDownPredicate", ""))]
    push_down_predicate = " AND ".join(f"({p})" for p in predicates if p)
    if described is None:
        table = catalog_table(glue, database, table_name)
    else:
        table = described_table(database, table_name, described)
    paths = [table.location]
    if table.partition_keys:
        expression = str(additional_options.get("catalogPartitionPredicate", ""))
        partitions = registered_partitions(glue, table, expression)
        paths = partition_paths(runtime.spark, table, partitions, push_down_predicate)
    elif push_down_predicate or additional_options.get("catalogPartitionPredicate"):
        raise ValueError(f"table {database}.{table_name} has no partitions to filter")
    recurse = as_bool(additional_options.get("recurse", bool(table.partition_keys)))
    files = FileSelection(paths=paths, recurse=recurse).files(runtime, table.format)
    frame = read_source(
        runtime, context.job_name, transformation_ctx, files, table.format,
        table.format_options, table.location, empty_schema=_ddl(table),
    )  # fmt: skip
    if table.format == "json":
        refuse_json_choices(runtime.spark, frame, _multiline(table.format_options))
    return conform_to_catalog(frame, table)


def write_to_catalog(
    context: Any,
    frame: "DataFrame",
    database: str,
    table_name: str,
    additional_options: dict[str, Any],
) -> None:
    """write_dynamic_frame.from_catalog: into the table's location, in its format and options."""
    check_options("additional_options", additional_options, CATALOG_SINK_HONOURED)
    runtime = context.runtime
    table = catalog_table(runtime.glue_client(), database, table_name)
    keys = [name for name, _ in table.partition_keys] or json_list(
        additional_options.get("partitionKeys", [])
    )
    target = S3Target(table.location, table.format, _write_options(table), keys)
    write_s3(runtime, frame, target)
    if as_bool(additional_options.get("enableUpdateCatalog", False)):
        behavior = str(additional_options.get("updateBehavior", "UPDATE_IN_DATABASE"))
        update_catalog(runtime, frame, target, CatalogUpdate(database, table_name, behavior))


def _write_options(table: CatalogTable) -> dict[str, Any]:
    """A catalog table's read options as the writer's: its header, separator and quote."""
    if table.format != "csv":
        return {}
    options = table.format_options
    names = {"withHeader": "writeHeader", "separator": "separator", "quoteChar": "quoteChar"}
    return {names[k]: v for k, v in options.items() if k in names}


def _ddl(table: CatalogTable) -> str:
    return ", ".join(f"`{n}` {t}" for n, t in table.columns + table.partition_keys)


def _multiline(format_options: dict[str, Any]) -> bool:
    return as_bool(format_options.get("multiLine", format_options.get("multiline", False)))


def _check_compression(compression: Any, files: list[tuple[str, int]]) -> None:
    """Spark decompresses by file extension, so compressionType holds only where they agree."""
    if not compression or str(compression).lower() == "none":
        return
    extension = _COMPRESSION_EXTENSIONS.get(str(compression).lower())
    if extension is None:
        raise UnsupportedGlueFeature(f"compressionType '{compression}'")
    odd = [name for name, _ in files if not name.endswith(extension)]
    if odd:
        raise UnsupportedGlueFeature(
            f"compressionType '{compression}' on files without the {extension} extension ({odd[0]})"
        )


def _pruned(frame: "DataFrame", files: list[str], predicate: str) -> "DataFrame":
    """Rows of the partitions push_down_predicate keeps; it may name partition columns only."""
    from pyspark.errors import AnalysisException

    folders = {
        part.split("=", 1)[0] for name in files for part in name.split("/")[:-1] if "=" in part
    }
    columns = [c for c in frame.columns if c in folders]
    try:
        frame.select(*[f"`{c}`" for c in columns]).where(predicate).schema  # noqa: B018
    except AnalysisException as error:
        raise ValueError(
            f"push_down_predicate '{predicate}' may only name partition columns "
            f"({', '.join(columns) or 'none found'}): {error}"
        ) from error
    return frame.where(predicate)
