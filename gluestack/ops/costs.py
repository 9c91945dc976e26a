"""Estimated cost of Glue job runs: DPU-hours times the rate of the run's execution class.

Rates are AWS's list prices for Glue ETL jobs in US East (N. Virginia): $0.44 per DPU-hour
(standard) and $0.29 (Flex), billed per second with a 1-minute minimum for Glue 2.0 and later.
Other regions and negotiated prices differ: pass your own Rates (the CLI's --rate / --flex-rate).
"""

from dataclasses import dataclass

from gluestack.ops.job_result import JobRunResult

MINIMUM_BILLED_SECONDS = 60


@dataclass(frozen=True)
class Rates:
    """US dollars per DPU-hour."""

    standard: float = 0.44
    flex: float = 0.29

    def for_class(self, execution_class: str) -> float:
        return self.flex if execution_class == "FLEX" else self.standard


def estimated_cost(run: JobRunResult, rates: Rates = Rates()) -> float | None:
    """US dollars for the run, or None when its capacity is unknown."""
    if run.dpu_seconds is None:
        return None
    if run.execution_seconds and run.execution_seconds < MINIMUM_BILLED_SECONDS:
        dpu_seconds = run.dpu_seconds * MINIMUM_BILLED_SECONDS / run.execution_seconds
    else:
        dpu_seconds = run.dpu_seconds
    return dpu_seconds / 3600 * rates.for_class(run.execution_class)
