"""`--enable-glue-datacatalog`: on Glue, Spark's own catalog is the Data Catalog (its Hive
metastore), so spark.sql, spark.table, saveAsTable and spark.catalog see and change the
account's databases and tables
(https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html).

Offline Spark's catalog is its own, empty one. With the parameter set, a run keeps going as long
as the script does not touch the catalog that way (Glue Studio's scripts read through
create_dynamic_frame.from_catalog and query temporary views, which work as on Glue); the first
use that would reach the Data Catalog is refused, naming the parameter, instead of answering
from the empty local catalog.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, NoReturn

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

DATACATALOG_ARGUMENT = "--enable-glue-datacatalog"
# Statements that read or change catalog objects other than a query's relations.
_CATALOG_STATEMENT = re.compile(
    r"^\s*(CREATE|DROP|ALTER|INSERT|MSCK|REFRESH|SHOW|DESCRIBE|DESC|USE|ANALYZE|TRUNCATE|"
    r"REPAIR|LOAD|COMMENT|MERGE|UPDATE|DELETE)\b",
    re.IGNORECASE,
)
_CATALOG_METHODS = (
    "listCatalogs", "listDatabases", "listTables", "listColumns", "listFunctions",
    "getDatabase", "getTable", "getFunction", "databaseExists", "tableExists",
    "functionExists", "createTable", "createExternalTable", "currentDatabase",
    "setCurrentDatabase", "currentCatalog", "setCurrentCatalog", "recoverPartitions",
    "refreshTable",
)  # fmt: skip


def catalog_enabled(arguments: dict[str, str]) -> bool:
    """Whether the run has the parameter (Glue reads the key; `false` turns it off)."""
    return DATACATALOG_ARGUMENT in arguments and arguments[DATACATALOG_ARGUMENT] != "false"


@contextmanager
def catalog_uses_refused(arguments: dict[str, str]) -> Iterator[None]:
    """While the block runs, the Spark APIs that would reach the Data Catalog refuse."""
    if not catalog_enabled(arguments):
        yield
        return
    from pyspark.sql import DataFrameReader, DataFrameWriter, SparkSession
    from pyspark.sql.catalog import Catalog

    sql, table, read_table = SparkSession.sql, SparkSession.table, DataFrameReader.table

    def checked_sql(self: Any, sqlQuery: str, args: Any = None, **format_values: Any) -> Any:
        # pyspark formats sqlQuery with format_values and binds args: both reach it unchanged.
        if _CATALOG_STATEMENT.match(sqlQuery):
            raise _refusal(f"spark.sql({sqlQuery.strip()[:60]!r})")
        bound = {} if args is None else {"args": args}
        with _table_not_found_refused("spark.sql"):
            return sql(self, sqlQuery, **bound, **format_values)

    def checked_table(self: Any, tableName: str) -> Any:
        with _table_not_found_refused("table"):
            return table(self, tableName)

    def checked_read_table(self: Any, tableName: str) -> Any:
        with _table_not_found_refused("table"):
            return read_table(self, tableName)

    with ExitStack() as patches:
        _patch(patches, SparkSession, "sql", checked_sql)
        _patch(patches, SparkSession, "table", checked_table)
        _patch(patches, DataFrameReader, "table", checked_read_table)
        for name in ("saveAsTable", "insertInto"):
            _patch(patches, DataFrameWriter, name, _refused_call(f"DataFrameWriter.{name}"))
        for name in _CATALOG_METHODS:
            _patch(patches, Catalog, name, _refused_call(f"spark.catalog.{name}"))
        yield


def _refusal(what: str) -> UnsupportedGlueFeature:
    return UnsupportedGlueFeature(
        f"{DATACATALOG_ARGUMENT}: {what} would use the Data Catalog as Spark's metastore, "
        "which offline runs do not emulate; read catalog tables with "
        "glueContext.create_dynamic_frame.from_catalog and write them with a Glue sink"
    )


def _refused_call(what: str) -> Callable[..., NoReturn]:
    """A method refused whatever it is given: no argument of it can be honoured offline."""

    def refused(*_: object, **__: object) -> NoReturn:
        raise _refusal(what)

    return refused


@contextmanager
def _table_not_found_refused(what: str) -> Iterator[None]:
    """ "Table not found" turned into the refusal: on Glue the name may be a Data Catalog
    table; a temporary view of the script's own resolves as on Glue."""
    try:
        from pyspark.errors import AnalysisException
    except ImportError:  # pyspark 3.3 (Glue 4.0's runtime) has it here only
        from pyspark.sql.utils import AnalysisException
    try:
        yield
    except AnalysisException as error:
        # Spark 3.4+ names the error class; Spark 3.3 (Glue 4.0) only says it.
        if not any(m in str(error) for m in ("TABLE_OR_VIEW_NOT_FOUND", "Table or view not")):
            raise
        raise _refusal(f"{what} of a table that is not a temporary view") from error


def _patch(patches: ExitStack, owner: type, name: str, replacement: Callable[..., Any]) -> None:
    original = owner.__dict__.get(name)
    if original is None:  # an API this pyspark line does not have
        return
    setattr(owner, name, replacement)
    patches.callback(setattr, owner, name, original)
