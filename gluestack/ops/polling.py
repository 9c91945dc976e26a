"""Adaptive polling: short intervals first, growing to a cap, with jitter, under a deadline."""

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol


class Clock(Protocol):
    """Time source and sleep, injectable so tests run instantly."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real monotonic clock."""

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass(frozen=True)
class PollSchedule:
    """Intervals start at first_seconds and grow by factor up to cap_seconds, +/- jitter.

    With expected_seconds (a typical run's length, e.g. from run history) polls stay sparse
    while the end is far off, never sleep past its start, and tighten to near_end_seconds
    while the run is likely to end; a run that overruns falls back to growing intervals.
    """

    first_seconds: float = 1.0
    factor: float = 1.5
    cap_seconds: float = 30.0
    jitter: float = 0.1
    expected_seconds: float | None = None
    far_cap_seconds: float = 120.0
    near_end_seconds: float = 5.0
    near_end_window: tuple[float, float] = (0.9, 1.15)

    def expecting(self, seconds: float | None) -> "PollSchedule":
        """This schedule, tuned for a run expected to last seconds (None: unknown)."""
        return replace(self, expected_seconds=seconds)

    def intervals(
        self, rng: random.Random | None = None, elapsed: Callable[[], float] | None = None
    ) -> Iterator[float]:
        """Sleep lengths; elapsed (seconds since the wait began) is needed with an expected end."""
        rng = rng or random.Random()

        def jittered(seconds: float) -> float:
            return seconds * (1 + rng.uniform(-self.jitter, self.jitter))

        if self.expected_seconds is None or elapsed is None:
            yield from map(jittered, self._growing(self.first_seconds, self.cap_seconds))
            return
        window_start = self.expected_seconds * self.near_end_window[0]
        window_end = self.expected_seconds * self.near_end_window[1]
        far = self._growing(self.first_seconds, self.far_cap_seconds)
        while (until_window := window_start - elapsed()) > self.near_end_seconds:
            yield min(jittered(next(far)), until_window)
        while elapsed() < window_end:
            yield jittered(self.near_end_seconds)
        yield from map(jittered, self._growing(self.near_end_seconds, self.cap_seconds))

    def _growing(self, first: float, cap: float) -> Iterator[float]:
        interval = first
        while True:
            yield interval
            interval = min(interval * self.factor, cap)


DEFAULT_SCHEDULE = PollSchedule()


@dataclass
class Deadline:
    """A wall-clock deadline; sleeps never overshoot it."""

    clock: Clock
    seconds: float

    def __post_init__(self) -> None:
        self.started = self.clock.now()

    @property
    def elapsed(self) -> float:
        return self.clock.now() - self.started

    @property
    def remaining(self) -> float:
        return self.seconds - self.elapsed

    def sleep(self, interval: float) -> None:
        self.clock.sleep(max(0.0, min(interval, self.remaining)))
