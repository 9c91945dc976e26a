"""A crawler's JDBC target offline: the PostgreSQL tables and views its include path names.

As https://docs.aws.amazon.com/glue/latest/dg/define-crawler-choose-data-sources.html describes:
the path is `<database>/<schema>/<table>`, `%` standing for any schema or table (never for the
database), case-sensitive; exclusions are globs relative to the include path (`*` within a
name, `**` across schemas). The crawler reaches the objects through the connection's user, and
may crawl another database of the same server than the connection's URL names. Tables get the
classification `postgresql` (add-classifier.html), the crawler table properties
`connectionName`, `typeOfData` (table or view) and `UPDATED_BY_CRAWLER`
(table-properties-crawler.html), and Hive-compatible column types.

Where AWS documents nothing, gluestack does what Glue's crawlers are seen doing: tables are named
as gluestack.spec.names.jdbc_table_name says and located at `<database>.<schema>.<table>`.
"""

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from gluestack.local.crawl.column_names import catalog_column_name
from gluestack.local.crawl.exclusions import excluded
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.jdbc.connection import JdbcCredentials, connection_credentials
from gluestack.local.jdbc.jdbc_io import JDBC_DRIVERS, connection_options
from gluestack.spec.names import jdbc_table_name

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

CLASSIFICATION = "postgresql"
_SYSTEM_SCHEMAS = ("pg_catalog", "information_schema")


@dataclass(frozen=True)
class JdbcTable:
    """One database object as the crawler writes it to the catalog."""

    name: str
    database: str
    schema: str
    table: str
    kind: str  # table or view
    connection: str
    crawler: str
    columns: list[tuple[str, str]]

    @property
    def location(self) -> str:
        return f"{self.database}.{self.schema}.{self.table}"

    def table_input(self) -> dict[str, Any]:
        parameters = {
            "classification": CLASSIFICATION,
            "connectionName": self.connection,
            "typeOfData": self.kind,
            "UPDATED_BY_CRAWLER": self.crawler,
        }
        return {
            "Name": self.name,
            "TableType": "EXTERNAL_TABLE",
            "Parameters": parameters,
            "StorageDescriptor": {
                "Location": self.location,
                "Columns": [{"Name": n, "Type": t} for n, t in self.columns],
                "Parameters": parameters,
            },
        }


@dataclass(frozen=True)
class IncludePath:
    database: str
    schema: str  # a LIKE pattern
    table: str  # a LIKE pattern

    @classmethod
    def parse(cls, path: str) -> "IncludePath":
        parts = path.strip("/").split("/")
        if len(parts) == 2 and parts[1] == "%":  # every table of every schema, as for Redshift
            parts = [parts[0], "%", "%"]
        if len(parts) != 3 or not all(parts) or "%" in parts[0]:
            raise ValueError(
                f"JDBC include path {path!r}: write <database>/<schema>/<table> ('%' for any "
                "schema or table, never for the database)"
            )
        return cls(*parts)

    def relative(self, schema: str, table: str) -> str:
        """The object's path under the include path, which exclusions are matched against."""
        return f"{schema}/{table}" if "%" in self.schema else table


def crawl_jdbc_target(
    spark: "SparkSession", glue: Any, secrets: Any, crawler: str, target: dict[str, Any],
    prefix: str,
) -> list[JdbcTable]:  # fmt: skip
    """Every object the target's include path names, less its exclusions."""
    unsupported = sorted(set(target) - {"ConnectionName", "Path", "Exclusions"})
    if unsupported:
        raise UnsupportedGlueFeature(f"crawler JDBC target field(s) {', '.join(unsupported)}")
    connection = str(target["ConnectionName"])
    credentials = connection_credentials(glue, secrets, connection)
    if credentials.vendor not in JDBC_DRIVERS:
        raise UnsupportedGlueFeature(
            f"crawling a {credentials.vendor} connection (offline JDBC sources are PostgreSQL)"
        )
    include = IncludePath.parse(str(target["Path"]))
    # The include path's database, on the server the connection's URL names.
    server = credentials.url.rsplit("/", 1)[0]
    credentials = replace(credentials, url=f"{server}/{include.database}")
    found = []
    for schema, table, kind in _objects(spark, credentials, include):
        if excluded(include.relative(schema, table), target.get("Exclusions", [])):
            continue
        columns = _columns(spark, credentials, schema, table)
        name = jdbc_table_name(prefix, include.database, schema, table)
        found.append(
            JdbcTable(name, include.database, schema, table, kind, connection, crawler, columns)
        )
    return found


def _reader(spark: "SparkSession", credentials: JdbcCredentials) -> Any:
    return spark.read.format("jdbc").options(**connection_options(credentials))


def _objects(
    spark: "SparkSession", credentials: JdbcCredentials, include: IncludePath
) -> list[tuple[str, str, str]]:
    """(schema, name, table or view) of the objects the user may read, LIKE the include path."""
    query = (
        "SELECT table_schema, table_name, table_type FROM information_schema.tables "
        f"WHERE table_schema LIKE {_literal(include.schema)} "
        f"AND table_name LIKE {_literal(include.table)} "
        f"AND table_schema NOT IN {_SYSTEM_SCHEMAS} "
        "AND has_table_privilege(quote_ident(table_schema) || '.' || quote_ident(table_name), "
        "'SELECT')"
    )
    rows = _reader(spark, credentials).option("query", query).load().collect()
    return sorted(
        (r["table_schema"], r["table_name"], "view" if r["table_type"] == "VIEW" else "table")
        for r in rows
    )


def _columns(
    spark: "SparkSession", credentials: JdbcCredentials, schema: str, table: str
) -> list[tuple[str, str]]:
    """The object's columns in order, typed as Spark's JDBC reader types them, in Hive's names."""
    quoted = f'"{schema}"."{table}"'
    fields = _reader(spark, credentials).option("dbtable", quoted).load().schema.fields
    return [
        (catalog_column_name(f.name), f.dataType.simpleString().replace("_ntz", "")) for f in fields
    ]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
