"""A crawler's Configuration as offline crawls honour it; what they do not emulate is refused.

Glue's members: https://docs.aws.amazon.com/glue/latest/dg/crawler-configuration.html
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.spec.crawler import CONFIGURATION_VERSION, PARTITIONS_FROM_TABLE, PartitionSchema

_INHERIT = (
    f"CrawlerOutput.Partitions.AddOrUpdateBehavior={PARTITIONS_FROM_TABLE['AddOrUpdateBehavior']}"
)
# Settings offline crawls behave as: one table per S3 target folder is what grouping by
# compatible schemas makes of it.
_EMULATED = {
    f"Version={CONFIGURATION_VERSION}",
    "Grouping.TableGroupingPolicy=CombineCompatibleSchemas",
    _INHERIT,
}


@dataclass(frozen=True)
class CrawlConfiguration:
    """What the crawl does differently by Configuration."""

    # Glue's default, without CrawlerOutput.Partitions: each partition keeps its own schema.
    partition_schema: PartitionSchema = "own"


def crawl_configuration(text: str | None) -> CrawlConfiguration:
    """The crawler's Configuration JSON read; UnsupportedGlueFeature names what is not emulated."""
    document = json.loads(text) if text else {}
    settings = {f"{name}={value}" for name, value in _settings(document)}
    refused = sorted(settings - _EMULATED)
    if refused:
        raise UnsupportedGlueFeature(
            f"crawler Configuration {', '.join(refused)}: offline crawls emulate "
            f"{', '.join(sorted(_EMULATED))}"
        )
    return CrawlConfiguration("from_table" if _INHERIT in settings else "own")


def _settings(document: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Each leaf of the document by its dotted path (CrawlerOutput.Tables.AddOrUpdateBehavior)
    and its value as JSON writes it (strings bare)."""
    for name, value in document.items():
        if isinstance(value, dict):
            yield from _settings(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value if isinstance(value, str) else json.dumps(value)
