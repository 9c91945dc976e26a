"""Raw sources: tables the pipeline reads from the raw bucket."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

from gluestack.spec.names import S3Prefix

DataFormat = Literal["csv", "json", "parquet", "orc"]


class SourceSpec(BaseModel):
    """One raw table: where its files live in the raw bucket and how they are encoded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prefix: S3Prefix
    format: DataFormat
    description: str = ""
