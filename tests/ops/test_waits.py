"""The wait strategy on a fake clock: fewer calls than a fixed poll, and ends noticed soon."""

import itertools

from benchmarks.waits import FIXED_POLL, HISTORY_SECONDS, FakeClock, SimulatedJobGlue, simulate_wait
from gluestack.ops import PollSchedule, run_job


def test_run_history_cuts_calls_to_a_third_of_a_fixed_poll_and_notices_the_end_within_10s() -> None:
    fixed = simulate_wait(FIXED_POLL, learn=False)
    learned = simulate_wait(PollSchedule(), history=HISTORY_SECONDS)
    assert learned.calls.count("GetJobRuns") == 1
    assert len(learned.calls) <= len(fixed.calls) / 3
    assert 0 <= learned.noticed_late_by <= 10


def test_without_history_intervals_grow_so_calls_still_fall() -> None:
    fixed = simulate_wait(FIXED_POLL, learn=False)
    first_run = simulate_wait(PollSchedule())
    assert len(first_run.calls) <= len(fixed.calls) / 3
    assert first_run.noticed_late_by <= PollSchedule().cap_seconds * 1.1


def test_a_run_far_longer_than_its_history_is_still_followed_to_the_end() -> None:
    glue = SimulatedJobGlue(FakeClock(), job_seconds=3000, history_seconds=(300.0,))
    result = run_job(glue, "simulated", deadline_seconds=4000, clock=glue.clock)
    assert result.state == "SUCCEEDED"
    assert glue.noticed_late_by <= PollSchedule().cap_seconds * 1.1


def test_a_run_that_fails_at_once_is_noticed_within_seconds_even_when_runs_are_long() -> None:
    glue = SimulatedJobGlue(FakeClock(), job_seconds=0.5, history_seconds=(3600.0,))
    run_job(glue, "simulated", deadline_seconds=4000, clock=glue.clock)
    assert glue.clock.now() <= 1.5


def test_polls_never_sleep_into_the_expected_end_window() -> None:
    clock = FakeClock()
    schedule = PollSchedule(jitter=0, expected_seconds=600)
    for interval in itertools.islice(schedule.intervals(elapsed=clock.now), 40):
        before = clock.now()
        clock.sleep(interval)
        if before < 540:
            assert clock.now() <= 540
        elif before < 690:
            assert interval == schedule.near_end_seconds
