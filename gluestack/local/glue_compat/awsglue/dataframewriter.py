"""awsglue.dataframewriter: glue_context.write_data_frame, DataFrames into catalog tables."""

from collections.abc import Mapping
from typing import Any


class DataFrameWriter:
    """write_data_frame.from_catalog: a DataFrame written as write_dynamic_frame would."""

    def __init__(self, glue_context: Any) -> None:
        self._glue_context = glue_context

    def from_catalog(
        self, frame: Any, database: str | None = None, table_name: str | None = None,
        redshift_tmp_dir: str = "", transformation_ctx: str = "",
        additional_options: Mapping[str, Any] | None = None, catalog_id: str | None = None,
        **kwargs: Any,
    ) -> Any:  # fmt: skip
        return self._glue_context.write_data_frame_from_catalog(
            frame, database, table_name, redshift_tmp_dir, transformation_ctx,
            additional_options, catalog_id, **kwargs,
        )  # fmt: skip
