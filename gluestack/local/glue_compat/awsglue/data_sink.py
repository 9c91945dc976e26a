"""awsglue.data_sink: the DataSink getSink returns, as Glue Studio's S3 targets use it.

https://docs.aws.amazon.com/glue/latest/dg/update-from-job.html (getSink, setCatalogInfo,
setFormat, writeFrame with enableUpdateCatalog, updateBehavior and partitionKeys).
"""

from typing import Any

from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection

from gluestack.local.glue_compat.options import (
    S3_SINK_HONOURED,
    S3_SINK_TUNING,
    SINK_CATALOG_OPTIONS,
    as_bool,
    check_options,
    json_list,
)
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.glue_compat.writing import CatalogUpdate, S3Target, update_catalog, write_s3
from gluestack.local.jdbc.jdbc_io import is_jdbc, write_jdbc


class DataSink:
    """An S3 target: where, in which format, and which catalog table to keep up to date."""

    def __init__(
        self,
        glue_context: Any,
        connection_type: str,
        format: str | None,
        transformation_ctx: str,
        options: dict[str, Any],
    ) -> None:
        self._jdbc = connection_type if is_jdbc(connection_type) else None
        if self._jdbc is None:
            if connection_type != "s3":
                raise UnsupportedGlueFeature(f"connection_type '{connection_type}'")
            check_options(
                "getSink", options, S3_SINK_HONOURED, S3_SINK_TUNING, SINK_CATALOG_OPTIONS
            )
        elif format:
            raise ValueError(f"a {connection_type} sink takes no format")
        self._glue_context = glue_context
        self._options = options
        self._format = format
        self._format_options: dict[str, Any] = {}
        self._catalog: tuple[str, str] | None = None

    def setFormat(self, format: str, **options: Any) -> None:
        self._format = format
        self._format_options = options

    def setCatalogInfo(
        self, catalogDatabase: str, catalogTableName: str, catalogId: str = ""
    ) -> None:
        if catalogId:
            raise UnsupportedGlueFeature(f"setCatalogInfo(catalogId='{catalogId}')")
        if self._jdbc:
            raise UnsupportedGlueFeature(f"setCatalogInfo on a {self._jdbc} sink")
        self._catalog = (catalogDatabase, catalogTableName)

    def setAccumulableSize(self, size: int) -> None:
        """Sizes an accumulator on Glue; no effect on what is written."""

    def writeFrame(self, dynamic_frame: DynamicFrame, info: str = "") -> DynamicFrame:
        """Append the frame's records under path (or to a JDBC table); update the catalog when
        asked."""
        if self._jdbc:
            write_jdbc(self._glue_context.runtime, dynamic_frame.toDF(), self._jdbc, self._options)
            return dynamic_frame
        if "path" not in self._options:
            raise ValueError("an S3 sink needs connection option 'path'")
        if not self._format:
            raise ValueError("an S3 sink needs a format (getSink(format=...) or setFormat)")
        format_options = dict(self._format_options)
        if "compression" in self._options:
            format_options.setdefault("compression", self._options["compression"])
        target = S3Target(
            path=str(self._options["path"]),
            format=self._format,
            format_options=format_options,
            partition_keys=json_list(self._options.get("partitionKeys", [])),
        )
        runtime = self._glue_context.runtime
        frame = dynamic_frame.toDF()
        write_s3(runtime, frame, target)
        if as_bool(self._options.get("enableUpdateCatalog", False)):
            if self._catalog is None:
                raise ValueError("enableUpdateCatalog needs setCatalogInfo(database, table)")
            behavior = str(self._options.get("updateBehavior", "UPDATE_IN_DATABASE"))
            update_catalog(runtime, frame, target, CatalogUpdate(*self._catalog, behavior))
        return dynamic_frame

    def write(
        self, dynamic_frame_or_dfc: DynamicFrame | DynamicFrameCollection, info: str = ""
    ) -> Any:
        if isinstance(dynamic_frame_or_dfc, DynamicFrameCollection):
            frames = {
                name: self.writeFrame(dynamic_frame_or_dfc[name]) for name in dynamic_frame_or_dfc
            }
            return DynamicFrameCollection(frames, self._glue_context)
        return self.writeFrame(dynamic_frame_or_dfc, info)
