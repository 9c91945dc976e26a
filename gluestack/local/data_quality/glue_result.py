"""A ruleset's outcome as one Glue Data Quality result (GetDataQualityResult's shape)."""

import uuid
from datetime import UTC, datetime
from typing import Any

from gluestack.local.data_quality.outcomes import RulesetOutcome


def timestamp() -> float:
    """Now, as the Glue API's JSON carries timestamps (seconds since the epoch)."""
    return datetime.now(UTC).timestamp()


def glue_result(
    outcome: RulesetOutcome, ruleset_name: str, started_on: float, **context: Any
) -> dict[str, Any]:
    """The result with a new ResultId; context adds the fields that say where it came from
    (JobName, JobRunId, EvaluationContext, DataSource, RulesetEvaluationRunId), when set."""
    return {
        "ResultId": f"dqresult-{uuid.uuid4().hex}",
        "Score": outcome.score,
        "RulesetName": ruleset_name,
        "StartedOn": started_on,
        "CompletedOn": timestamp(),
        "RuleResults": [rule.as_glue() for rule in outcome.rules],
        **{name: value for name, value in context.items() if value},
    }
