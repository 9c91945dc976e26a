"""GetCrawlerMetrics for moto, which lacks it (HTTP 500 from its server, which botocore then
retries for a minute and a half). Counts come from the crawls gluestack emulated; a crawler
never crawled locally reports zeros, as Glue does for one that never ran."""

import json
from dataclasses import asdict, dataclass
from typing import Any

from moto.glue.models import glue_backends
from moto.glue.responses import GlueResponse

_STORE = "gluestack_crawler_metrics"


@dataclass(frozen=True)
class CrawlMetrics:
    """The figures GetCrawlerMetrics reports, as Glue names them."""

    TablesCreated: int = 0
    TablesUpdated: int = 0
    TablesDeleted: int = 0
    LastRuntimeSeconds: float = 0.0


def record_crawl_metrics(account: str, region: str, crawler: str, metrics: CrawlMetrics) -> None:
    """Keep the last emulated crawl's counts in the moto backend of account and region."""
    backend = glue_backends[account][region]
    backend.__dict__.setdefault(_STORE, {})[crawler] = metrics


def _get_crawler_metrics(self: GlueResponse) -> str:
    backend: Any = self.glue_backend
    names = self._get_param("CrawlerNameList") or [c.name for c in backend.get_crawlers()]
    known = {c.name for c in backend.get_crawlers()}
    recorded: dict[str, CrawlMetrics] = backend.__dict__.get(_STORE, {})
    return json.dumps(
        {
            "CrawlerMetricsList": [
                {"CrawlerName": name, **asdict(recorded.get(name, CrawlMetrics()))}
                for name in names
                if name in known
            ]
        }
    )


def install() -> None:
    """Add the action to moto's Glue responses (in-process and server alike); idempotent."""
    GlueResponse.get_crawler_metrics = _get_crawler_metrics  # type: ignore[attr-defined]
