"""Glue's job run states, each in exactly one group."""

JOB_SUCCEEDED = frozenset({"SUCCEEDED"})
JOB_FAILED = frozenset({"FAILED", "TIMEOUT", "ERROR", "EXPIRED", "STOPPED"})
JOB_IN_PROGRESS = frozenset({"STARTING", "RUNNING", "STOPPING", "WAITING"})

CRAWL_SUCCEEDED = "SUCCEEDED"
CRAWL_FAILED = frozenset({"FAILED", "CANCELLED"})
# moto reports a finished crawl as COMPLETED, which the real API never returns.
CRAWL_STATUS_ALIASES = {"COMPLETED": "SUCCEEDED"}
