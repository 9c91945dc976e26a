"""awsglue.context: GlueContext, with AWS's method names and signatures, over local Spark.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-glue-context.html
Inside a gluestack run the context is bound to the run's runtime; made anywhere else (a user's
own pytest) it gets a default one: local Spark, the boto3 default session's catalog.
"""

import logging
import time
from collections.abc import Mapping
from typing import Any

from awsglue.data_sink import DataSink
from awsglue.dataframereader import DataFrameReader
from awsglue.dataframewriter import DataFrameWriter
from awsglue.dynamicframe import DynamicFrame, DynamicFrameReader, DynamicFrameWriter
from pyspark.sql import SparkSession

from gluestack.local.glue_compat import sources
from gluestack.local.glue_compat.options import CONTEXT_TUNING, check_options
from gluestack.local.glue_compat.purge import purge_s3_path, purge_table
from gluestack.local.glue_compat.runtime import GlueRuntime, current_runtime, default_runtime
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.jdbc.connection import connection_credentials

Options = Mapping[str, Any] | None


class GlueContext:
    """Glue's entry point: readers, writers, sinks and purges over the local runtime."""

    def __init__(self, sparkContext: Any = None, **options: Any) -> None:
        check_options("GlueContext", options, CONTEXT_TUNING)
        running = current_runtime()
        if running is not None:
            self.runtime: GlueRuntime = running
        else:
            if isinstance(sparkContext, SparkSession):
                session = sparkContext
            else:
                session = SparkSession.builder.getOrCreate()
            self.runtime = default_runtime(session)
        self.spark_session = self.sparkSession = self.runtime.spark
        self._sc = self.runtime.spark.sparkContext
        self.job_name = ""
        self.create_dynamic_frame = DynamicFrameReader(self)
        self.write_dynamic_frame = DynamicFrameWriter(self)
        self.create_data_frame = DataFrameReader(self)
        self.write_data_frame = DataFrameWriter(self)

    def get_logger(self) -> logging.Logger:
        return logging.getLogger("awsglue")

    def currentTimeMillis(self) -> int:
        return int(time.time() * 1000)

    def create_dynamic_frame_from_options(
        self, connection_type: str, connection_options: Options = None,
        format: str | None = None, format_options: Options = None,
        transformation_ctx: str = "", push_down_predicate: str = "", **kwargs: Any,
    ) -> DynamicFrame:  # fmt: skip
        check_options("create_dynamic_frame.from_options", kwargs)
        frame = sources.read_from_options(
            self, connection_type, dict(connection_options or {}), format,
            dict(format_options or {}), transformation_ctx, push_down_predicate,
        )  # fmt: skip
        return DynamicFrame(frame, self, transformation_ctx)

    def create_dynamic_frame_from_catalog(
        self, database: str | None = None, table_name: str | None = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "", push_down_predicate: str = "",
        additional_options: Options = None, catalog_id: str | None = None, **kwargs: Any,
    ) -> DynamicFrame:  # fmt: skip
        """redshift_tmp_dir is only used for Redshift tables, so it has no effect on S3 ones."""
        db = _database(database, kwargs)
        name = _table_name(table_name)
        check_options("create_dynamic_frame.from_catalog", kwargs)
        _own_catalog(catalog_id)
        frame = sources.read_from_catalog(
            self, db, name, transformation_ctx, push_down_predicate,
            dict(additional_options or {}),
        )  # fmt: skip
        return DynamicFrame(frame, self, transformation_ctx or name)

    def create_data_frame_from_catalog(
        self, database: str | None = None, table_name: str | None = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "", push_down_predicate: str = "",
        additional_options: Options = None, catalog_id: str | None = None, **kwargs: Any,
    ) -> Any:  # fmt: skip
        return self.create_dynamic_frame_from_catalog(
            database, table_name, redshift_tmp_dir, transformation_ctx, push_down_predicate,
            additional_options, catalog_id, **kwargs,
        ).toDF()  # fmt: skip

    def create_data_frame_from_options(
        self, connection_type: str, connection_options: Options = None,
        format: str | None = None, format_options: Options = None,
        transformation_ctx: str = "", push_down_predicate: str = "", **kwargs: Any,
    ) -> Any:  # fmt: skip
        return self.create_dynamic_frame_from_options(
            connection_type, connection_options, format, format_options, transformation_ctx,
            push_down_predicate, **kwargs,
        ).toDF()  # fmt: skip

    def getSink(
        self, connection_type: str, format: str | None = None, transformation_ctx: str = "",
        **options: Any,
    ) -> DataSink:  # fmt: skip
        return DataSink(self, connection_type, format, transformation_ctx, options)

    def write_dynamic_frame_from_options(
        self, frame: DynamicFrame, connection_type: str, connection_options: Options = None,
        format: str | None = None, format_options: Options = None,
        transformation_ctx: str = "",
    ) -> DynamicFrame:  # fmt: skip
        sink = self.getSink(
            connection_type, format, transformation_ctx, **(connection_options or {})
        )
        if format:
            sink.setFormat(format, **(format_options or {}))
        elif format_options:
            raise ValueError("format_options given without a format")
        return sink.writeFrame(frame)

    def write_dynamic_frame_from_jdbc_conf(
        self, frame: DynamicFrame, catalog_connection: str, connection_options: Options = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "", catalog_id: str | None = None,
    ) -> DynamicFrame:  # fmt: skip
        """The frame appended to connection_options' dbtable through a Glue connection."""
        _own_catalog(catalog_id)
        if redshift_tmp_dir:
            raise UnsupportedGlueFeature("from_jdbc_conf redshift_tmp_dir (Redshift's S3 staging)")
        vendor = self.extract_jdbc_conf(catalog_connection)["vendor"]
        options = {
            **(connection_options or {}),
            "useConnectionProperties": True,
            "connectionName": catalog_connection,
        }
        return DataSink(self, vendor, None, transformation_ctx, options).writeFrame(frame)

    def extract_jdbc_conf(self, connection_name: str, catalog_id: str | None = None) -> dict:
        """user, password, vendor, url (protocol, host and port) and fullUrl of a connection
        (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-glue-context.html)."""
        _own_catalog(catalog_id)
        runtime = self.runtime
        found = connection_credentials(
            runtime.glue_client(), runtime.client("secretsmanager"), connection_name
        )
        return {
            "user": found.user,
            "password": found.password,
            "vendor": found.vendor,
            "url": found.url.rsplit("/", 1)[0],
            "fullUrl": found.url,
        }

    def write_dynamic_frame_from_catalog(
        self, frame: DynamicFrame, database: str | None = None, table_name: str | None = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "",
        additional_options: Options = None, catalog_id: str | None = None, **kwargs: Any,
    ) -> DynamicFrame:  # fmt: skip
        db = _database(database, kwargs)
        name = _table_name(table_name)
        check_options("write_dynamic_frame.from_catalog", kwargs)
        _own_catalog(catalog_id)
        sources.write_to_catalog(self, frame.toDF(), db, name, dict(additional_options or {}))
        return frame

    def write_data_frame_from_catalog(
        self, frame: Any, database: str | None = None, table_name: str | None = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "",
        additional_options: Options = None, catalog_id: str | None = None, **kwargs: Any,
    ) -> Any:  # fmt: skip
        dynamic = DynamicFrame.fromDF(frame, self, table_name or "")
        self.write_dynamic_frame_from_catalog(
            dynamic, database, table_name, redshift_tmp_dir, transformation_ctx,
            additional_options, catalog_id, **kwargs,
        )  # fmt: skip
        return frame

    def purge_s3_path(
        self, s3_path: str, options: Options = None, transformation_ctx: str = ""
    ) -> None:
        purge_s3_path(self.runtime, s3_path, dict(options or {}))

    def purge_table(
        self, database: str, table_name: str, options: Options = None,
        transformation_ctx: str = "", catalog_id: str | None = None,
    ) -> None:  # fmt: skip
        _own_catalog(catalog_id)
        purge_table(self.runtime, database, table_name, dict(options or {}))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise UnsupportedGlueFeature(f"GlueContext.{name}")


def _database(database: str | None, kwargs: dict[str, Any]) -> str:
    """database, or the older name_space keyword, as AWS's reader resolves them."""
    if database is not None and "name_space" in kwargs:
        raise Exception("Parameter name_space and database are both specified, choose one.")
    if database is None and "name_space" not in kwargs:
        raise Exception("Parameter name_space or database is missing.")
    return str(kwargs.pop("name_space") if database is None else database)


def _table_name(table_name: str | None) -> str:
    if table_name is None:
        raise Exception("Parameter table_name is missing.")
    return table_name


def _own_catalog(catalog_id: str | None) -> None:
    if catalog_id:
        raise UnsupportedGlueFeature(f"catalog_id '{catalog_id}' (another account's catalog)")
