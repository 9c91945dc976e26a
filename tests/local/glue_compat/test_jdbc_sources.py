"""JDBC sources and sinks (connection_type "postgresql") against a real, throwaway PostgreSQL.

Options as https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-connect-jdbc-home.html,
https://docs.aws.amazon.com/glue/latest/dg/run-jdbc-parallel-read-job.html (hashfield,
hashexpression, hashpartitions default 7) and
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-pushdown.html (sampleQuery,
useConnectionProperties with connectionName) describe them; the connection's secret holds
"username" and "password" (connection-properties-secrets-manager.html).
"""

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import boto3
import pytest

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.jdbc.connection import ConnectionUnusable
from gluestack.local.jdbc.throwaway_postgres import RunningPostgres, throwaway_postgres

ORDERS = [
    (1, "ann", Decimal("2.50"), date(2026, 1, 1)),
    (2, "bob", Decimal("10.00"), None),
    (3, "cy", Decimal("7.25"), date(2026, 1, 3)),
    (4, None, Decimal("1.00"), None),
]


@pytest.fixture(scope="module")
def postgres() -> Iterator[RunningPostgres]:
    with throwaway_postgres(database="shop") as server:
        server.run_sql(
            "CREATE SCHEMA sales; CREATE TABLE sales.orders "
            "(id integer PRIMARY KEY, customer text, total numeric(10,2), day date)"
        )
        values = ", ".join(
            f"({i}, {_sql(c)}, {t}, {_sql(d.isoformat() if d else None)})" for i, c, t, d in ORDERS
        )
        server.run_sql(f"INSERT INTO sales.orders VALUES {values}")
        yield server


def _sql(value: str | None) -> str:
    return "NULL" if value is None else f"'{value}'"


def _direct(server: RunningPostgres, **options: Any) -> dict[str, Any]:
    return {"url": server.jdbc_url, "user": server.user, "password": server.password, **options}


def _rows(frame: Any) -> list[tuple[Any, ...]]:
    return sorted(tuple(row) for row in frame.toDF().collect())


def _connection(aws: boto3.Session, server: RunningPostgres, password: str | None = None) -> str:
    aws.client("secretsmanager").create_secret(
        Name="shop-db",
        SecretString=json.dumps({"username": server.user, "password": password or server.password}),
    )
    aws.client("glue").create_connection(
        ConnectionInput={
            "Name": "shop",
            "ConnectionType": "JDBC",
            "ConnectionProperties": {
                "JDBC_CONNECTION_URL": server.jdbc_url,
                "SECRET_ID": "shop-db",
            },
        }
    )
    return "shop"


def test_a_table_is_read_with_its_column_types(
    glue_context: Any, postgres: RunningPostgres
) -> None:
    frame = glue_context.create_dynamic_frame.from_options(
        connection_type="postgresql", connection_options=_direct(postgres, dbtable="sales.orders")
    )
    assert dict(frame.toDF().dtypes) == {
        "id": "int", "customer": "string", "total": "decimal(10,2)", "day": "date",
    }  # fmt: skip
    assert _rows(frame) == sorted(ORDERS)


def test_a_connection_gives_the_url_and_its_secret_the_credentials(
    glue_context: Any, postgres: RunningPostgres, aws: boto3.Session
) -> None:
    name = _connection(aws, postgres)
    frame = glue_context.create_dynamic_frame.from_options(
        connection_type="postgresql",
        connection_options={"useConnectionProperties": True, "connectionName": name,
                            "dbtable": "sales.orders"},
    )  # fmt: skip
    assert _rows(frame) == sorted(ORDERS)
    conf = glue_context.extract_jdbc_conf(name)
    assert (conf["vendor"], conf["fullUrl"], conf["user"]) == (
        "postgresql", postgres.jdbc_url, postgres.user,
    )  # fmt: skip
    assert conf["url"] == postgres.jdbc_url.rsplit("/", 1)[0]


def test_a_wrong_secret_fails_as_the_database_refuses_it(
    glue_context: Any, postgres: RunningPostgres, aws: boto3.Session
) -> None:
    name = _connection(aws, postgres, password="not-it")
    with pytest.raises(Exception, match="password authentication failed"):
        glue_context.create_dynamic_frame.from_options(
            connection_type="postgresql",
            connection_options={"useConnectionProperties": "true", "connectionName": name,
                                "dbtable": "sales.orders"},
        ).toDF().collect()  # fmt: skip
    aws.client("secretsmanager").delete_secret(SecretId="shop-db", ForceDeleteWithoutRecovery=True)
    with pytest.raises(ConnectionUnusable, match="secret 'shop-db' not found"):
        glue_context.extract_jdbc_conf(name)


def test_hash_partitioned_reads_give_the_rows_of_a_plain_read(
    glue_context: Any, postgres: RunningPostgres
) -> None:
    by_field = glue_context.create_dynamic_frame.from_options(
        connection_type="postgresql",
        connection_options=_direct(postgres, dbtable="sales.orders", hashfield="customer"),
    )
    assert by_field.toDF().rdd.getNumPartitions() == 7  # hashpartitions' default
    assert _rows(by_field) == sorted(ORDERS)  # NULL customers too
    by_expression = glue_context.create_dynamic_frame.from_options(
        connection_type="postgresql",
        connection_options=_direct(
            postgres, dbtable="sales.orders", hashexpression="id", hashpartitions="3"
        ),
    )
    assert by_expression.toDF().rdd.getNumPartitions() == 3
    assert _rows(by_expression) == sorted(ORDERS)


def test_a_sample_query_runs_on_the_database(glue_context: Any, postgres: RunningPostgres) -> None:
    frame = glue_context.create_dynamic_frame.from_options(
        connection_type="postgresql",
        connection_options=_direct(
            postgres, sampleQuery="select id from sales.orders where total > 5"
        ),
    )
    assert _rows(frame) == [(2,), (3,)]


def test_frames_are_appended_to_a_table_from_options_and_through_a_connection(
    glue_context: Any, postgres: RunningPostgres, aws: boto3.Session
) -> None:
    from awsglue.dynamicframe import DynamicFrame

    postgres.run_sql("CREATE TABLE sales.refunds (id integer, amount numeric(10,2))")
    rows = glue_context.spark_session.createDataFrame(
        [(1, Decimal("2.50"))], "id int, amount decimal(10,2)"
    )
    frame = DynamicFrame.fromDF(rows, glue_context, "refunds")
    glue_context.write_dynamic_frame.from_options(
        frame=frame, connection_type="postgresql",
        connection_options=_direct(postgres, dbtable="sales.refunds"),
    )  # fmt: skip
    glue_context.write_dynamic_frame.from_jdbc_conf(
        frame=frame, catalog_connection=_connection(aws, postgres),
        connection_options={"dbtable": "sales.refunds", "database": "shop"},
    )  # fmt: skip
    assert postgres.run_sql("SELECT id, amount FROM sales.refunds").split() == [
        "1|2.50",
        "1|2.50",
    ]


@pytest.mark.parametrize(
    ("connection_type", "options", "named"),
    [
        ("mysql", {}, "connection_type 'mysql'"),
        ("postgresql", {"customJdbcDriverS3Path": "s3://x/d.jar"}, "customJdbcDriverS3Path"),
        ("postgresql", {"enablePartitioningForSampleQuery": True}, "partitioned sample queries"),
        ("postgresql", {"useConnectionProperties": True, "connectionName": "c"}, "url, user, pass"),
    ],
)
def test_what_offline_runs_do_not_emulate_is_refused_by_name(
    glue_context: Any, postgres: RunningPostgres, connection_type: str,
    options: dict[str, Any], named: str,
) -> None:  # fmt: skip
    with pytest.raises(UnsupportedGlueFeature, match=named):
        glue_context.create_dynamic_frame.from_options(
            connection_type=connection_type,
            connection_options=_direct(postgres, dbtable="sales.orders", **options),
        )


def test_a_bookmarked_source_reads_only_rows_past_its_keys_on_a_rerun(
    glue_context: Any, postgres: RunningPostgres
) -> None:
    # monitor-continuations.html: bookmark keys "combine to form a single compound key"; a
    # run reads what lies past the committed values, and only job.commit() moves them.
    from awsglue.job import Job

    postgres.run_sql("CREATE TABLE sales.events (day integer, seq integer, what text)")
    postgres.run_sql("INSERT INTO sales.events VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'c')")
    options = _direct(
        postgres, dbtable="sales.events", jobBookmarkKeys=["day", "seq"],
        jobBookmarkKeysSortOrder="asc",
    )  # fmt: skip

    def run(commit: bool) -> list[str]:
        job = Job(glue_context)
        job.init("events_job", {})
        frame = glue_context.create_dynamic_frame.from_options(
            connection_type="postgresql", connection_options=options, transformation_ctx="events"
        )
        read = sorted(row["what"] for row in frame.toDF().collect())
        if commit:
            job.commit()
        return read

    assert run(commit=True) == ["a", "b", "c"]
    postgres.run_sql("INSERT INTO sales.events VALUES (2, 2, 'd'), (3, 1, 'e')")
    assert run(commit=False) == ["d", "e"]
    assert run(commit=True) == ["d", "e"]  # the uncommitted run did not move the bookmark
    assert run(commit=True) == []


def test_a_bookmarked_source_without_keys_is_refused_not_reread(
    glue_context: Any, postgres: RunningPostgres
) -> None:
    # The fixture's runtime has bookmarks enabled; Glue would bookmark by the primary key when
    # it is sequential with no gaps, which offline runs do not check.
    from awsglue.job import Job

    Job(glue_context).init("orders_job", {})
    with pytest.raises(UnsupportedGlueFeature, match="without jobBookmarkKeys"):
        glue_context.create_dynamic_frame.from_options(
            connection_type="postgresql",
            connection_options=_direct(postgres, dbtable="sales.orders"),
            transformation_ctx="orders",
        )
