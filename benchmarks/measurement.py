"""One benchmark figure: what was measured, against which baseline, and the target it must meet."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    """figure and baseline share unit; ratio is figure / baseline, met compares it to target.

    When target_on is "figure" the target bounds the figure itself (e.g. seconds), and the
    baseline is shown for scale.
    """

    number: int
    name: str
    figure: float
    unit: str
    baseline: float | None
    baseline_name: str
    target: float
    target_on: str  # "ratio" or "figure"
    command: str
    note: str = ""
    broken_condition: str = ""  # set when a condition beside the target failed

    @property
    def ratio(self) -> float | None:
        return self.figure / self.baseline if self.baseline else None

    @property
    def met(self) -> bool:
        value = self.ratio if self.target_on == "ratio" else self.figure
        return not self.broken_condition and value is not None and value <= self.target

    @property
    def target_text(self) -> str:
        return (
            f"<= {self.target:.3g}x"
            if self.target_on == "ratio"
            else f"<= {self.target:g} {self.unit}"
        )


def median_seconds(action: Callable[[], object], repeats: int = 3) -> float:
    """Median wall seconds of repeats calls, which shrugs off one noisy neighbour."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
