"""The offline account's clock, which tests and users move forward to make schedules fire.

A served account (`gluestack local serve`) follows real time plus what it was advanced by; an
in-process one (tests) stands still between advances, so a schedule fires only when a test
moves time past it.
"""

import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

_DURATION = re.compile(r"^(?P<amount>\d+(\.\d+)?)(?P<unit>[smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
DURATION_FORMAT = "a number and a unit s, m, h or d, e.g. 90s, 15m, 1h, 2d"
# Where the offline endpoint serves the clock (moto_extensions.clock_route; clock_client).
CLOCK_PATH = "/moto-api/gluestack/clock"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class OfflineClock:
    """Now, as the offline account's schedules see it (UTC, as Glue's cron is)."""

    follows_real_time: bool = False
    started: datetime = field(default_factory=_utc_now)
    offset: timedelta = timedelta(0)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def now(self) -> datetime:
        with self.lock:
            base = _utc_now() if self.follows_real_time else self.started
            return base + self.offset

    def advance(self, by: timedelta) -> datetime:
        """Move time forward by `by` (never back: a schedule that fired stays fired)."""
        if by < timedelta(0):
            raise ValueError(f"the offline clock only moves forward, not by {by}")
        with self.lock:
            self.offset += by
        return self.now()


def parse_duration(text: str) -> timedelta:
    """'90s', '15m', '1h', '2d' as a timedelta; ValueError naming the format otherwise."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a duration: write {DURATION_FORMAT}")
    return timedelta(**{_UNITS[match["unit"]]: float(match["amount"])})
