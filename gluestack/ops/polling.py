"""Adaptive polling: short intervals first, growing to a cap, with jitter, under a deadline."""

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
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
    """Intervals start at first_seconds and grow by factor up to cap_seconds, +/- jitter."""

    first_seconds: float = 1.0
    factor: float = 1.5
    cap_seconds: float = 30.0
    jitter: float = 0.1

    def intervals(self, rng: random.Random | None = None) -> Iterator[float]:
        rng = rng or random.Random()
        interval = self.first_seconds
        while True:
            yield interval * (1 + rng.uniform(-self.jitter, self.jitter))
            interval = min(interval * self.factor, self.cap_seconds)


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
