"""Poll intervals start short and grow to a cap, with bounded jitter."""

import itertools
import random

from gluestack.ops import PollSchedule


def test_intervals_grow_by_the_factor_up_to_the_cap() -> None:
    schedule = PollSchedule(first_seconds=1, factor=2, cap_seconds=10, jitter=0)
    assert list(itertools.islice(schedule.intervals(), 6)) == [1, 2, 4, 8, 10, 10]


def test_jitter_stays_within_its_fraction() -> None:
    schedule = PollSchedule(first_seconds=10, factor=1, cap_seconds=10, jitter=0.2)
    samples = list(itertools.islice(schedule.intervals(random.Random(7)), 200))
    assert all(8 <= s <= 12 for s in samples)
    assert len(set(samples)) > 100
