"""A crawl as Glue reports it, kept in moto's backend in place of moto's always-completing one.

LastCrawl.Status is SUCCEEDED, CANCELLED or FAILED, with ErrorMessage on failure
(https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-crawling.html, LastCrawlInfo);
the crawler's State is RUNNING, then STOPPING when asked to stop, then READY.
"""

from typing import Any

from moto.core.utils import utcnow
from moto.glue.models import FakeCrawl

from gluestack.local.records.executed import Executed

# moto's crawler State is derived from these internal statuses of its last crawl.
_API_STATUS = {"COMPLETED": "SUCCEEDED", "STOPPED": "CANCELLED", "FAILED": "FAILED"}


class ExecutedCrawl(Executed, FakeCrawl):  # type: ignore[misc]
    """A crawl whose state the executor sets as the crawl process goes."""

    def __init__(self, crawler_name: str) -> None:
        FakeCrawl.__init__(self, crawler_name)
        self.start_executing("RUNNING")

    def end(self, state: str, error_message: str = "") -> None:
        self.state = state
        self.error_message = error_message
        self.end_time = utcnow()

    @property
    def ended(self) -> bool:
        return self.state in _API_STATUS

    @property
    def api_status(self) -> str:
        """The crawl's state as Glue's API and trigger conditions name it."""
        return _API_STATUS.get(self.state, self.state)

    def last_crawl_info(self, moto_info: dict[str, Any]) -> dict[str, Any]:
        """GetCrawler's LastCrawl with the real API's status names and error message."""
        info = {**moto_info, "Status": self.api_status}
        if self.error_message:
            info["ErrorMessage"] = self.error_message
        return info
