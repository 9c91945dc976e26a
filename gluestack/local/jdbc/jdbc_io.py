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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.options import as_bool, json_list
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.jdbc.binaries import jdbc_driver
from gluestack.local.jdbc.connection import JdbcCredentials, connection_credentials
from gluestack.local.jdbc.routes import routed_url

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# connection_type -> the driver class Glue loads for it.
JDBC_DRIVERS = {"postgresql": "org.postgresql.Driver"}
# Glue's other JDBC connection types, which offline runs have no database for.
OTHER_JDBC_TYPES = frozenset(
    {"mysql", "oracle", "sqlserver", "redshift", "jdbc", "custom.jdbc", "marketplace.jdbc"}
)
DEFAULT_HASH_PARTITIONS = 7
_BOOKMARK_KEYS = frozenset({"jobBookmarkKeys", "jobBookmarkKeysSortOrder"})
# database: another database of the connection's server (from_jdbc_conf, catalog tables).
_CREDENTIALS = frozenset(
    {"url", "user", "password", "useConnectionProperties", "connectionName", "database"}
)
_READ = frozenset(
    {"dbtable", "sampleQuery", "hashfield", "hashexpression", "hashpartitions", *_BOOKMARK_KEYS,
     "enablePartitioningForSampleQuery"}
)  # fmt: skip
_WRITE = frozenset({"dbtable", "bulkSize"})
_REFUSED = {
    "customJdbcDriverS3Path": "a custom JDBC driver (offline runs load PostgreSQL's)",
    "customJdbcDriverClassName": "a custom JDBC driver (offline runs load PostgreSQL's)",
    "redshiftTmpDir": "Redshift's S3 staging",
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

    def spark_options(self) -> dict[str, str]:
        """What Spark's JDBC data source is given: the connection, then the passed options."""
        return {**connection_options(self.credentials), **self.spark}


def connection_options(credentials: JdbcCredentials) -> dict[str, str]:
    """Spark JDBC options reaching the database as credentials say (offline: its stand-in)."""
    return {
        "url": routed_url(credentials.url),
        "user": credentials.user,
        "password": credentials.password,
        "driver": JDBC_DRIVERS[credentials.vendor],
    }


def jdbc_options(
    runtime: Any, connection_type: str, options: Mapping[str, Any], own: frozenset[str]
) -> JdbcOptions:
    for name, what in _REFUSED.items():
        if name in options:
            raise UnsupportedGlueFeature(f"JDBC option {name} ({what})")
    if as_bool(options.get("enablePartitioningForSampleQuery", False)):
        raise UnsupportedGlueFeature(
            "JDBC option enablePartitioningForSampleQuery (partitioned sample queries)"
        )
    if as_bool(options.get("useConnectionProperties", False)):
        connection = options.get("connectionName")
        if not connection:
            raise ValueError("useConnectionProperties needs connectionName: the Glue connection")
        both = [key for key in ("url", "user", "password") if key in options]
        if both:
            raise UnsupportedGlueFeature(
                f"JDBC option(s) {', '.join(both)} beside useConnectionProperties (AWS documents "
                "the connection's credentials replacing them, not which wins)"
            )
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
    if "database" in options:
        server = credentials.url.rsplit("/", 1)[0]
        credentials = replace(credentials, url=f"{server}/{options['database']}")
    if credentials.vendor != connection_type:
        raise ValueError(
            f"connection_type '{connection_type}' with a {credentials.vendor} URL "
            f"({credentials.url})"
        )
    glue = {k: v for k, v in options.items() if k in own}
    spark = {k: str(v) for k, v in options.items() if k not in own | _CREDENTIALS | set(_REFUSED)}
    return JdbcOptions(credentials, glue, spark)


def read_jdbc(
    runtime: Any, connection_type: str, options: Mapping[str, Any], transformation_ctx: str,
    job_name: str = "",
) -> "DataFrame":  # fmt: skip
    """create_dynamic_frame.from_options on a JDBC connection: the table or the sample query,
    from where the job's bookmark left off when bookmarks are on."""
    parsed = jdbc_options(runtime, connection_type, options, _READ)
    bookmarked = runtime.bookmarks_enabled and transformation_ctx and job_name
    keys = _bookmark_keys(parsed.glue) if bookmarked else None
    frame = _read(runtime, connection_type, parsed)
    if keys is None:
        return frame
    return _after_bookmark(runtime, frame, job_name, transformation_ctx, *keys)


def _read(runtime: Any, connection_type: str, parsed: JdbcOptions) -> "DataFrame":
    reader = _reader(runtime, parsed)
    if "sampleQuery" in parsed.glue:
        return reader.option("query", str(parsed.glue["sampleQuery"])).load()
    table = parsed.glue.get("dbtable")
    if not table:
        raise ValueError(f"a {connection_type} source needs dbtable (schema.table) or sampleQuery")
    split = _hash_predicates(parsed.glue)
    if split:
        properties = parsed.spark_options()
        url = properties.pop("url")
        return runtime.spark.read.jdbc(url, str(table), predicates=split, properties=properties)
    return reader.option("dbtable", str(table)).load()


def _bookmark_keys(glue: dict[str, Any]) -> tuple[list[str], str]:
    """The keys and sort order a bookmarked JDBC source reads past
    (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html)."""
    keys = json_list(glue.get("jobBookmarkKeys", []))
    if not keys:
        raise UnsupportedGlueFeature(
            "job bookmarks on a JDBC source without jobBookmarkKeys (Glue then uses the primary "
            "key if it is sequential with no gaps, which offline runs do not check): name the "
            "keys in jobBookmarkKeys"
        )
    order = str(glue.get("jobBookmarkKeysSortOrder", ""))
    if order not in ("asc", "desc"):
        raise ValueError(
            f"jobBookmarkKeysSortOrder {order!r}: write asc or desc (offline runs need it named: "
            "AWS documents no default)"
        )
    return keys, order


def _after_bookmark(
    runtime: Any, frame: "DataFrame", job_name: str, context: str, keys: list[str], order: str
) -> "DataFrame":
    """The rows past the committed position; this run's position is marked for commit."""
    from pyspark.sql import functions as F

    missing = [key for key in keys if key not in frame.columns]
    if missing:
        raise ValueError(f"jobBookmarkKeys {missing} are not columns of the source {frame.columns}")
    types = dict(frame.dtypes)
    position = runtime.bookmarks.position(job_name, context)
    if position is not None:
        if (position["keys"], position["order"]) != (keys, order):
            raise ValueError(
                f"source {context}: its bookmark was kept for keys {position['keys']} "
                f"({position['order']}), not {keys} ({order}); reset the job's bookmark"
            )
        last = [F.lit(v).cast(types[k]) for k, v in zip(keys, position["last"], strict=True)]
        frame = frame.where(_past(keys, last, order))
    ends = F.max if order == "asc" else F.min
    reached = frame.agg(ends(F.struct(*[F.col(f"`{k}`") for k in keys])).alias("end")).first()
    if reached is not None and reached["end"] is not None:
        values = [_json_value(reached["end"][k]) for k in keys]
        runtime.bookmarks.mark_position(
            job_name, context, {"keys": keys, "order": order, "last": values}
        )
    return frame


def _past(keys: list[str], last: list[Any], order: str) -> Any:
    """Rows after last in the keys' order (compared key by key, as one compound key)."""
    from pyspark.sql import functions as F

    beyond = F.lit(False)
    for index, key in enumerate(keys):
        column = F.col(f"`{key}`")
        step = column > last[index] if order == "asc" else column < last[index]
        for earlier, value in zip(keys[:index], last[:index], strict=True):
            step = step & (F.col(f"`{earlier}`") == value)
        beyond = beyond | step
    return beyond


def _json_value(value: Any) -> Any:
    """A key value as the bookmark file keeps it (cast back to the column's type on reading)."""
    return value if isinstance(value, int | float | str) else str(value)


def write_jdbc(
    runtime: Any, frame: "DataFrame", connection_type: str, options: Mapping[str, Any]
) -> None:
    """A JDBC sink: the frame's rows appended to dbtable."""
    parsed = jdbc_options(runtime, connection_type, options, _WRITE)
    table = parsed.glue.get("dbtable")
    if not table:
        raise ValueError(f"a {connection_type} sink needs dbtable: the table to write")
    frame.write.format("jdbc").mode("append").options(
        **parsed.spark_options(), dbtable=str(table)
    ).save()


def _reader(runtime: Any, parsed: JdbcOptions) -> Any:
    jdbc_driver()  # MissingPostgres names what to install before Spark's ClassNotFound would
    return runtime.spark.read.format("jdbc").options(**parsed.spark_options())


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
