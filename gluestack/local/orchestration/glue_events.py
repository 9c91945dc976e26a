"""Glue's state-change events, put on the offline account's default EventBridge bus.

https://docs.aws.amazon.com/glue/latest/dg/automating-awsglue-with-cloudwatch-events.html:
"Glue Job State Change" for SUCCEEDED, FAILED, TIMEOUT and STOPPED runs, "Glue Crawler State
Change" for Started, Succeeded and Failed crawls. The detail fields are those of the events
Glue delivers (jobName, severity, state, jobRunId, message; crawlerName, state, message,
errorMessage), so the deployed rules match and their input transformers fill in as on AWS.
"""

import json
from typing import Any

from moto.events.models import events_backends

SOURCE = "aws.glue"
JOB_STATE_CHANGE = "Glue Job State Change"
CRAWLER_STATE_CHANGE = "Glue Crawler State Change"
# The job states Glue sends a "Glue Job State Change" for; ERROR is gluestack's own failure.
EVENT_JOB_STATES = ("SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED", "ERROR")


def job_state_changed(
    account: str, region: str, job_name: str, run_id: str, state: str, message: str
) -> None:
    """Put the event Glue sends when a job run ends in state."""
    if state not in EVENT_JOB_STATES:
        return
    detail = {
        "jobName": job_name,
        "severity": "INFO" if state == "SUCCEEDED" else "ERROR",
        "state": state,
        "jobRunId": run_id,
        "message": message or f"Job run {state.lower()}",
    }
    _put(account, region, JOB_STATE_CHANGE, detail)


def crawler_state_changed(
    account: str, region: str, crawler_name: str, state: str, error_message: str = ""
) -> None:
    """Put the event Glue sends when a crawl starts (Started), succeeds or fails."""
    detail = {"crawlerName": crawler_name, "state": state, "message": f"Crawler {state}"}
    if error_message:
        detail["errorMessage"] = error_message
    _put(account, region, CRAWLER_STATE_CHANGE, detail)


def _put(account: str, region: str, detail_type: str, detail: dict[str, Any]) -> None:
    entry = {"Source": SOURCE, "DetailType": detail_type, "Detail": json.dumps(detail)}
    events_backends[account][region].put_events([entry])
