"""Glue's JDBC reads and writes (connection_type "postgresql"), on Spark's JDBC data source.

The options are those of https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-connect-jdbc-home.html
and https://docs.aws.amazon.com/glue/latest/dg/run-jdbc-parallel-read-job.html: url, dbtable
("public" schema by default), user and password, or useConnectionProperties with connectionName
(the Glue connection's URL and its secret's credentials); sampleQuery; hashfield, hashexpression
and hashpartitions (7 by default) split the read into that many non-overlapping queries. Any
other option is passed to Spark's JDBC data source, as Glue passes it "directly to the
underlying SparkSQL DataSource". What Glue does that is not emulated is refused by name.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.options import as_bool
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.jdbc.binaries import jdbc_driver
from gluestack.local.jdbc.connection import JdbcCredentials, connection_credentials

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# connection_type -> the driver class Glue loads for it.
JDBC_DRIVERS = {"postgresql": "org.postgresql.Driver"}
# Glue's other JDBC connection types, which offline runs have no database for.
OTHER_JDBC_TYPES = frozenset(
    {"mysql", "oracle", "sqlserver", "redshift", "jdbc", "custom.jdbc", "marketplace.jdbc"}
)
DEFAULT_HASH_PARTITIONS = 7
_CREDENTIALS = frozenset({"url", "user", "password", "useConnectionProperties", "connectionName"})
_READ = frozenset({"dbtable", "sampleQuery", "hashfield", "hashexpression", "hashpartitions"})
_WRITE = frozenset({"dbtable", "bulkSize", "database"})
_REFUSED = {
    "customJdbcDriverS3Path": "a custom JDBC driver (offline runs load PostgreSQL's)",
    "customJdbcDriverClassName": "a custom JDBC driver (offline runs load PostgreSQL's)",
    "enablePartitioningForSampleQuery": "partitioned sample queries",
    "redshiftTmpDir": "Redshift's S3 staging",
    "jobBookmarkKeys": "job bookmarks on JDBC sources",
    "jobBookmarkKeysSortOrder": "job bookmarks on JDBC sources",
}


def is_jdbc(connection_type: str) -> bool:
    """True for a JDBC connection type: emulated ones, and the others, which are refused."""
    if connection_type in OTHER_JDBC_TYPES:
        raise UnsupportedGlueFeature(
            f"connection_type '{connection_type}' (offline JDBC sources are PostgreSQL)"
        )
    return connection_type in JDBC_DRIVERS


@dataclass(frozen=True)
class JdbcOptions:
    """Options split into the credentials, Glue's own, and those passed to Spark."""

    credentials: JdbcCredentials
    glue: dict[str, Any]
    spark: dict[str, str]


def jdbc_options(
    runtime: Any, connection_type: str, options: Mapping[str, Any], own: frozenset[str]
) -> JdbcOptions:
    for name, what in _REFUSED.items():
        if name in options and not (name == "enablePartitioningForSampleQuery"
                                    and not as_bool(options[name])):  # fmt: skip
            raise UnsupportedGlueFeature(f"JDBC option {name} ({what})")
    if as_bool(options.get("useConnectionProperties", False)):
        connection = options.get("connectionName")
        if not connection:
            raise ValueError("useConnectionProperties needs connectionName: the Glue connection")
        credentials = connection_credentials(
            runtime.glue_client(), runtime.client("secretsmanager"), str(connection)
        )
    else:
        missing = [key for key in ("url", "user", "password") if key not in options]
        if missing:
            raise ValueError(
                f"a {connection_type} connection needs {', '.join(missing)}, or "
                "useConnectionProperties with connectionName"
            )
        credentials = JdbcCredentials(
            str(options["url"]), str(options["user"]), str(options["password"])
        )
    if credentials.vendor != connection_type:
        raise ValueError(
            f"connection_type '{connection_type}' with a {credentials.vendor} URL "
            f"({credentials.url})"
        )
    glue = {k: v for k, v in options.items() if k in own}
    spark = {k: str(v) for k, v in options.items() if k not in own | _CREDENTIALS | set(_REFUSED)}
    return JdbcOptions(credentials, glue, spark)


def read_jdbc(
    runtime: Any, connection_type: str, options: Mapping[str, Any], transformation_ctx: str
) -> "DataFrame":
    """create_dynamic_frame.from_options on a JDBC connection: the table or the sample query."""
    if runtime.bookmarks_enabled and transformation_ctx:
        raise UnsupportedGlueFeature(
            "job bookmarks on JDBC sources (bookmarks are enabled and the source has a "
            "transformation_ctx): offline runs would read every row again"
        )
    parsed = jdbc_options(runtime, connection_type, options, _READ)
    reader = _reader(runtime, connection_type, parsed)
    if "sampleQuery" in parsed.glue:
        return reader.option("query", str(parsed.glue["sampleQuery"])).load()
    table = parsed.glue.get("dbtable")
    if not table:
        raise ValueError(f"a {connection_type} source needs dbtable (schema.table) or sampleQuery")
    split = _hash_predicates(parsed.glue)
    if split:
        properties = {
            "user": parsed.credentials.user,
            "password": parsed.credentials.password,
            "driver": JDBC_DRIVERS[connection_type],
            **parsed.spark,
        }
        return runtime.spark.read.jdbc(
            parsed.credentials.url, str(table), predicates=split, properties=properties
        )
    return reader.option("dbtable", str(table)).load()


def write_jdbc(
    runtime: Any, frame: "DataFrame", connection_type: str, options: Mapping[str, Any]
) -> None:
    """A JDBC sink: the frame's rows appended to dbtable."""
    parsed = jdbc_options(runtime, connection_type, options, _WRITE)
    table = parsed.glue.get("dbtable")
    if not table:
        raise ValueError(f"a {connection_type} sink needs dbtable: the table to write")
    url = parsed.credentials.url
    if "database" in parsed.glue:  # from_jdbc_conf: another database of the same server
        url = url.rsplit("/", 1)[0] + "/" + str(parsed.glue["database"])
    writer = frame.write.format("jdbc").mode("append")
    for key, value in {
        "url": url,
        "dbtable": str(table),
        "user": parsed.credentials.user,
        "password": parsed.credentials.password,
        "driver": JDBC_DRIVERS[connection_type],
        **parsed.spark,
    }.items():
        writer = writer.option(key, value)
    writer.save()


def _reader(runtime: Any, connection_type: str, parsed: JdbcOptions) -> Any:
    jdbc_driver()  # MissingPostgres names what to install before Spark's ClassNotFound would
    reader = runtime.spark.read.format("jdbc")
    for key, value in {
        "url": parsed.credentials.url,
        "user": parsed.credentials.user,
        "password": parsed.credentials.password,
        "driver": JDBC_DRIVERS[connection_type],
        **parsed.spark,
    }.items():
        reader = reader.option(key, value)
    return reader


def _hash_predicates(glue: dict[str, Any]) -> list[str]:
    """hashpartitions non-overlapping WHERE clauses that together hold every row."""
    expression = glue.get("hashexpression")
    field = glue.get("hashfield")
    if expression is None and field is None:
        if "hashpartitions" in glue:
            raise ValueError("hashpartitions needs hashfield or hashexpression")
        return []
    count = int(glue.get("hashpartitions", DEFAULT_HASH_PARTITIONS))
    if count < 1:
        raise ValueError(f"hashpartitions must be at least 1, not {count}")
    # hashfield may be of any type: PostgreSQL's hashtext of its text form makes it a number.
    value = f"({expression})" if expression is not None else f'hashtext(("{field}")::text)'
    bucket = f"mod(abs({value}::bigint), {count})"
    return [f"{bucket} = {i}" + (f" OR {value} IS NULL" if i == 0 else "") for i in range(count)]
