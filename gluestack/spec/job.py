"""PySpark ETL jobs: a script, what it reads, what it writes, and how it runs."""

from pathlib import PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from gluestack.spec.names import CatalogName, S3Prefix
from gluestack.spec.source import DataFormat

WorkerType = Literal[
    "G.025X", "G.1X", "G.2X", "G.4X", "G.8X", "G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"
]
GlueVersion = Literal["4.0", "5.0"]


class OutputSpec(BaseModel):
    """A table a job writes to the curated bucket."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prefix: S3Prefix
    format: DataFormat = "parquet"
    partition_keys: list[str] = Field(default_factory=list)


class JobSpec(BaseModel):
    """A Glue PySpark ETL job."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    script: str = Field(description="path of the job script, relative to the project root")
    description: str = ""
    inputs: list[CatalogName] = Field(default_factory=list)
    outputs: dict[CatalogName, OutputSpec] = Field(default_factory=dict)
    glue_version: GlueVersion = "5.0"
    worker_type: WorkerType = "G.1X"
    number_of_workers: int = Field(default=2, ge=2, le=1000)
    timeout_minutes: int = Field(default=60, ge=1, le=10080)
    max_retries: int = Field(default=0, ge=0, le=10)
    arguments: dict[str, str] = Field(default_factory=dict)

    @field_validator("script")
    @classmethod
    def _script_is_relative_python(cls, value: str) -> str:
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts or path.suffix != ".py":
            raise ValueError("must be a relative path to a .py file inside the project")
        return value

    @field_validator("arguments")
    @classmethod
    def _arguments_are_plain_names(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value:
            if name.startswith("-"):
                raise ValueError(f"argument '{name}': write names without leading '--'")
        return value
