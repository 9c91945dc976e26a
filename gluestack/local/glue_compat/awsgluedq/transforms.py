"""awsgluedq.transforms.EvaluateDataQuality, as AWS documents it
(https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-EvaluateDataQuality.html)
and as Glue Studio generates it (`EvaluateDataQuality().process_rows(...)`, read back with
SelectFromCollection or `[EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY]`).
"""

from collections.abc import Mapping
from typing import Any

from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection
from awsglue.transforms.transform import GlueTransform

from gluestack.local.data_quality.evaluator import Evaluation, evaluate, prepare
from gluestack.local.data_quality.glue_result import timestamp
from gluestack.local.data_quality.outcomes import RulesetOutcome
from gluestack.local.data_quality.publishing import PublishingOptions, evaluation_options
from gluestack.local.data_quality.row_level import row_level_outcomes
from gluestack.local.data_quality.rule_outcomes import rule_outcomes_frame


class EvaluateDataQuality(GlueTransform):
    DATA_QUALITY_RULE_OUTCOMES_KEY = "ruleOutcomes"
    DATA_QUALITY_ROW_LEVEL_OUTCOMES_KEY = "rowLevelOutcomes"
    DATA_QUALITY_ORIGINAL_DATA_KEY = "originalData"

    def __call__(
        self, frame: DynamicFrame, ruleset: str, publishing_options: Mapping[str, Any] | None = None
    ) -> DynamicFrame:
        """The rule outcomes: Rule, Outcome, FailureReason, EvaluatedMetrics (AWS's schema)."""
        options = PublishingOptions.read(publishing_options)
        evaluation, outcome = _evaluated(frame, ruleset, options, {})
        outcomes = rule_outcomes_frame(
            outcome, evaluation.data.frame.sparkSession, evaluated_rule=False
        )
        return DynamicFrame.fromDF(outcomes, frame.glue_ctx, options.context)

    def process_rows(
        self,
        frame: DynamicFrame,
        ruleset: str,
        publishing_options: Mapping[str, Any] | None = None,
        additional_options: Mapping[str, Any] | None = None,
        additional_data_sources: Mapping[str, DynamicFrame] | None = None,
    ) -> DynamicFrameCollection:
        """originalData, ruleOutcomes (with EvaluatedRule) and rowLevelOutcomes."""
        options = PublishingOptions.read(publishing_options)
        evaluation_options(additional_options)
        references = {a: f.toDF() for a, f in (additional_data_sources or {}).items()}
        evaluation, outcome = _evaluated(frame, ruleset, options, references)
        outcomes = rule_outcomes_frame(
            outcome, evaluation.data.frame.sparkSession, evaluated_rule=True
        )
        rule_key, row_key = (
            self.DATA_QUALITY_RULE_OUTCOMES_KEY,
            self.DATA_QUALITY_ROW_LEVEL_OUTCOMES_KEY,
        )
        frames = {
            self.DATA_QUALITY_ORIGINAL_DATA_KEY: frame,
            rule_key: DynamicFrame.fromDF(outcomes, frame.glue_ctx, rule_key),
            row_key: DynamicFrame.fromDF(row_level_outcomes(evaluation), frame.glue_ctx, row_key),
        }
        return DynamicFrameCollection(frames, frame.glue_ctx)


def _evaluated(
    frame: DynamicFrame,
    ruleset: str,
    options: PublishingOptions,
    references: dict[str, Any],
) -> tuple[Evaluation, RulesetOutcome]:
    """Evaluate, then publish the result as the options ask (both entry points do this)."""
    started_on = timestamp()
    evaluation = prepare(frame.toDF(), ruleset, references=references)
    outcome = evaluate(evaluation)
    options.publish(outcome, started_on)
    return evaluation, outcome
