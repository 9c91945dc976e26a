"""A job's transform: what `gluestack generate` turns into a Glue Studio-style script.

Steps run in this order: read the sources, join them, ApplyMapping (select, rename, cast),
drop columns, read null markers as null, filter, derive columns, handle nulls, deduplicate,
write the job's output.
"""

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gluestack.spec.glue_types import GlueType
from gluestack.spec.names import CatalogName
from gluestack.spec.source import DataFormat

JoinKind = Literal["inner", "left", "right", "outer", "left_semi", "left_anti"]
Compression = Literal["snappy", "gzip", "zstd", "lz4", "none"]
FillValue = str | int | float | bool


class TransformSource(BaseModel):
    """A table of the pipeline (a raw source or another job's output), or files at an S3 path."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: CatalogName | None = Field(
        default=None, description="a raw source (read from the catalog) or a job output (its path)"
    )
    path: str | None = Field(default=None, description="s3:// folder, for data outside the spec")
    format: DataFormat | None = Field(default=None, description="with path: how files are encoded")
    columns: dict[str, GlueType] = Field(
        default_factory=dict,
        description="the source's columns, when the spec knows them nowhere else",
    )

    @model_validator(mode="after")
    def _table_or_path(self) -> Self:
        if (self.table is None) == (self.path is None):
            raise ValueError("give either table or path (with format)")
        if self.path is not None:
            if not self.path.startswith("s3://"):
                raise ValueError(f"path '{self.path}' must be an s3:// URI")
            if self.format is None:
                raise ValueError("a path source needs its format: csv, json, parquet or orc")
        elif self.format is not None:
            raise ValueError("format is known for a table; give it only with path")
        return self


class JoinSpec(BaseModel):
    """Join another source onto the rows so far, on columns both have."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(description="a name from sources")
    # Not `on`: YAML 1.1 reads a bare `on` key as the boolean true.
    keys: list[str] = Field(min_length=1, description="key columns, named the same on both sides")
    how: JoinKind = "inner"


class MappingSpec(BaseModel):
    """One column kept by ApplyMapping: renamed and cast as asked, else as it was."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    target: str | None = None
    type: GlueType | None = None
    allow_lossy: bool = Field(
        default=False, description="accept a cast that may lose data (e.g. string -> int)"
    )

    @property
    def target_name(self) -> str:
        return self.target or self.source


class DerivedColumn(BaseModel):
    """A new column from a Spark SQL expression over the columns so far."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    expression: str = Field(min_length=1)
    type: GlueType


class TransformSpec(BaseModel):
    """Sources to output, as Glue's visual ETL would build it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: dict[CatalogName, TransformSource] = Field(
        min_length=1, description="the first is the main one; joins add the others"
    )
    joins: list[JoinSpec] = Field(default_factory=list)
    mappings: list[str | MappingSpec] = Field(
        default_factory=list, description="columns kept (a name keeps it as is); empty keeps all"
    )
    drop: list[str] = Field(
        default_factory=list, description="columns removed after the mappings (or from all)"
    )
    null_values: list[str] = Field(
        default_factory=list,
        description="text values (such as NA) that become null in every string column",
    )
    filters: list[str] = Field(default_factory=list, description="Spark SQL conditions, all kept")
    derived: dict[str, DerivedColumn] = Field(default_factory=dict)
    drop_nulls: list[str] = Field(
        default_factory=list, description="drop rows with a null in any of these columns"
    )
    fill_nulls: dict[str, FillValue] = Field(default_factory=dict)
    dedupe: list[str] = Field(
        default_factory=list, description="keep one row per combination of these columns"
    )
    output: CatalogName | None = Field(
        default=None, description="the job output to write (default: the job's only output)"
    )
    compression: Compression = "snappy"

    def mapping_specs(self) -> list[MappingSpec]:
        return [MappingSpec(source=m) if isinstance(m, str) else m for m in self.mappings]
