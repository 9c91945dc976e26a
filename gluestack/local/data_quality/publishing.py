"""EvaluateDataQuality's publishing_options and additional_options, honoured or refused by name.

Publishing (enableDataQualityResultsPublishing, default True) records the result where Glue's
GetDataQualityResult would show it: the offline run keeps it with the job run, JobName and
JobRunId set, RulesetName and EvaluationContext the dataQualityEvaluationContext.
"""

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gluestack.local.data_quality.glue_result import glue_result
from gluestack.local.data_quality.outcomes import RulesetOutcome
from gluestack.local.glue_compat.runtime import current_runtime
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

DEFAULT_CONTEXT = "default_context"
# additional_options AWS documents, with the values gluestack honours. Caching changes only
# speed; observations need earlier runs' statistics, so offline none are made either way.
_ADDITIONAL: dict[str, frozenset[str]] = {
    "performanceTuning.caching": frozenset({"CACHE_NOTHING", "CACHE_INPUT"}),
    "observations.scope": frozenset({"ALL", "NONE"}),
    "compositeRuleEvaluation.method": frozenset({"COLUMN"}),
    "publishAggregatedMetrics.status": frozenset({"DISABLED"}),
    "dataQualityResultsPublishing.strategy": frozenset({"BEST_EFFORT"}),
}


@dataclass(frozen=True)
class PublishingOptions:
    context: str = DEFAULT_CONTEXT
    results_publishing: bool = True

    @classmethod
    def read(cls, options: Mapping[str, Any] | None) -> "PublishingOptions":
        options = dict(options or {})
        context = str(options.pop("dataQualityEvaluationContext", DEFAULT_CONTEXT))
        publishing = _flag(options.pop("enableDataQualityResultsPublishing", True))
        if _flag(options.pop("enableDataQualityCloudWatchMetrics", False)):
            raise UnsupportedGlueFeature(
                "EvaluateDataQuality publishing option enableDataQualityCloudWatchMetrics=True "
                "(AWS documents the metric names but not their dimensions)"
            )
        if options.pop("resultsS3Prefix", ""):
            raise UnsupportedGlueFeature(
                "EvaluateDataQuality publishing option resultsS3Prefix (AWS does not document "
                "the layout of the result files)"
            )
        if options:
            raise UnsupportedGlueFeature(
                f"EvaluateDataQuality publishing option(s) {', '.join(sorted(options))}"
            )
        return cls(context, publishing)

    def publish(self, outcome: RulesetOutcome, started_on: float) -> None:
        """Keep the result with the running job, as Glue's results publishing does."""
        runtime = current_runtime()
        if not self.results_publishing or runtime is None:
            return
        runtime.data_quality_results.append(
            glue_result(
                outcome,
                self.context,
                started_on,
                EvaluationContext=self.context,
                JobName=_argument("--JOB_NAME"),
                JobRunId=_argument("--JOB_RUN_ID"),
            )
        )


def evaluation_options(options: Mapping[str, Any] | None) -> None:
    """Refuse any additional option, or value, gluestack does not evaluate as Glue does."""
    for name, value in (options or {}).items():
        allowed = _ADDITIONAL.get(name)
        if allowed is None or str(value) not in allowed:
            raise UnsupportedGlueFeature(f"EvaluateDataQuality additional option {name}={value!r}")


def _flag(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _argument(name: str) -> str:
    argv = sys.argv
    return argv[argv.index(name) + 1] if name in argv[:-1] else ""
