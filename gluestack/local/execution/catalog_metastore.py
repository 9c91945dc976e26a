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
from typing import Any

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

    try:
        from pyspark.errors import AnalysisException
    except ImportError:  # pyspark 3.3 (Glue 4.0's runtime) has it here only
        from pyspark.sql.utils import AnalysisException

    def refusal(what: str) -> UnsupportedGlueFeature:
        return UnsupportedGlueFeature(
            f"{DATACATALOG_ARGUMENT}: {what} would use the Data Catalog as Spark's metastore, "
            "which offline runs do not emulate; read catalog tables with "
            "glueContext.create_dynamic_frame.from_catalog and write them with a Glue sink"
        )

    def sql(original: Callable[..., Any]) -> Callable[..., Any]:
        def checked(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
            if _CATALOG_STATEMENT.match(query):
                raise refusal(f"spark.sql({query.strip()[:60]!r})")
            return _unknown_table_refused(original, refusal, AnalysisException, "spark.sql")(
                self, query, *args, **kwargs
            )

        return checked

    def refused(name: str) -> Callable[..., Any]:
        def method(*args: Any, **kwargs: Any) -> Any:
            raise refusal(name)

        return method

    with ExitStack() as patches:
        _patch(patches, SparkSession, "sql", sql(SparkSession.sql))
        for owner, name in ((SparkSession, "table"), (DataFrameReader, "table")):
            original = getattr(owner, name)
            wrapped = _unknown_table_refused(original, refusal, AnalysisException, name)
            _patch(patches, owner, name, wrapped)
        for name in ("saveAsTable", "insertInto"):
            _patch(patches, DataFrameWriter, name, refused(f"DataFrameWriter.{name}"))
        for name in _CATALOG_METHODS:
            _patch(patches, Catalog, name, refused(f"spark.catalog.{name}"))
        yield


def _unknown_table_refused(
    original: Callable[..., Any],
    refusal: Callable[[str], UnsupportedGlueFeature],
    analysis_error: type[Exception],
    what: str,
) -> Callable[..., Any]:
    """original, with "table not found" turned into the refusal: on Glue the name may be a
    Data Catalog table; a temporary view of the script's own resolves as on Glue."""

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return original(*args, **kwargs)
        except analysis_error as error:
            # Spark 3.4+ names the error class; Spark 3.3 (Glue 4.0) only says it.
            if not any(m in str(error) for m in ("TABLE_OR_VIEW_NOT_FOUND", "Table or view not")):
                raise
            raise refusal(f"{what} of a table that is not a temporary view") from error

    return call


def _patch(patches: ExitStack, owner: type, name: str, replacement: Callable[..., Any]) -> None:
    original = owner.__dict__.get(name)
    if original is None:  # an API this pyspark line does not have
        return
    setattr(owner, name, replacement)
    patches.callback(setattr, owner, name, original)
