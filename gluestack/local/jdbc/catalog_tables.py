"""`from_catalog` on a table a JDBC crawl cataloged: read through the table's connection.

The table's `connectionName` names the connection, its location `<database>.<schema>.<table>`
the object; parallel-read properties (hashfield, hashexpression, hashpartitions) may be set in
the table's parameters or given as additional_options
(https://docs.aws.amazon.com/glue/latest/dg/run-jdbc-parallel-read-job.html).
"""

from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.jdbc.jdbc_io import JDBC_DRIVERS, read_jdbc

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

_PARALLEL = ("hashfield", "hashexpression", "hashpartitions")


def is_jdbc_table(table: dict[str, Any]) -> bool:
    """Whether a JDBC crawl made the table GetTable described (classification of a JDBC engine)."""
    parameters = table.get("Parameters", {})
    return parameters.get("classification") in JDBC_DRIVERS and "connectionName" in parameters


def read_jdbc_table(
    runtime: Any, table: dict[str, Any], transformation_ctx: str, push_down_predicate: str,
    additional_options: dict[str, Any], job_name: str,
) -> "DataFrame":  # fmt: skip
    if push_down_predicate or "pushDownPredicate" in additional_options:
        raise UnsupportedGlueFeature(
            "push_down_predicate on a JDBC table (filter with sampleQuery instead)"
        )
    parameters = table["Parameters"]
    database, schema, name = table["StorageDescriptor"]["Location"].split(".", 2)
    options = {
        **{key: parameters[key] for key in _PARALLEL if key in parameters},
        **additional_options,
        "useConnectionProperties": True,
        "connectionName": parameters["connectionName"],
        "database": database,
        "dbtable": f'"{schema}"."{name}"',
    }
    return read_jdbc(runtime, parameters["classification"], options, transformation_ctx, job_name)
