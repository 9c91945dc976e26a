"""Crawlers: infer table schemas into the pipeline's database."""

from pydantic import BaseModel, ConfigDict, Field

from gluestack.spec.names import CatalogName


class CrawlerSpec(BaseModel):
    """A crawler over declared sources or job outputs; each becomes one catalog table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tables: list[CatalogName] = Field(min_length=1)
    description: str = ""
