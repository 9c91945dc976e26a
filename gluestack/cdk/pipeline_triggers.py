"""The pipeline's triggers on its workflow: on demand, scheduled, on events, or conditional."""

from typing import Protocol

import aws_cdk as cdk
import jsii
from aws_cdk import aws_events as events
from aws_cdk import aws_glue as glue
from aws_cdk import aws_iam as iam
from aws_cdk.interfaces.aws_events import IRuleRef
from constructs import Construct

from gluestack.cdk.constructs import Crawler, EtlJob
from gluestack.cdk.naming import PipelineNames, pascal
from gluestack.cdk.unmodeled import apply_unmodeled
from gluestack.spec import Action, Condition, PipelineSpec, TriggerSpec
from gluestack.spec.job_arguments import glue_parameter

_CRAWLER_STATES = {s.value: s for s in glue.CrawlerState}
_JOB_STATES = {s.value: s for s in glue.JobState}


class TriggeredPipeline(Protocol):
    """What the triggers of a pipeline are built from (a GluePipeline)."""

    spec: PipelineSpec
    names: PipelineNames
    raw_bucket: str
    workflow: glue.Workflow
    jobs: dict[str, EtlJob]
    crawlers: dict[str, Crawler]


def add_triggers(scope: Construct, pipeline: TriggeredPipeline, env_name: str) -> None:
    """One Glue trigger per spec trigger, in scope; schedules are active only in the
    environments named."""
    for name, trigger in pipeline.spec.triggers.items():
        _add_trigger(scope, pipeline, name, trigger, env_name)


def _add_trigger(
    scope: Construct, pipeline: TriggeredPipeline, name: str, trigger: TriggerSpec, env_name: str
) -> None:
    actions = [_action(pipeline, t) for t in trigger.actions]
    trigger_name = pipeline.names.resource(name)
    description = trigger.description or None
    workflow = pipeline.workflow
    added: object
    if trigger.type == "on_demand":
        added = workflow.add_on_demand_trigger(
            pascal(name), actions=actions, name=trigger_name, description=description
        )
    elif trigger.type == "scheduled":
        added = workflow.add_scheduled_trigger(
            pascal(name),
            schedule=glue.TriggerSchedule.expression(str(trigger.schedule)),
            start_on_creation=env_name in trigger.enabled_in,
            actions=actions,
            name=trigger_name,
            description=description,
        )
    elif trigger.type == "event":
        window = trigger.batch_window_seconds
        if trigger.on_new_files:
            _new_files_rule(scope, pipeline, name, trigger)
        added = workflow.add_event_trigger(
            pascal(name),
            event_batching_condition=glue.EventBatchingCondition(
                batch_size=trigger.batch_size or 1,
                batch_window=cdk.Duration.seconds(window) if window else None,
            ),
            actions=actions,
            name=trigger_name,
            description=description,
        )
    else:
        logical = glue.PredicateLogical.AND if trigger.match == "all" else glue.PredicateLogical.ANY
        added = workflow.add_conditional_trigger(
            pascal(name),
            predicate=glue.Predicate(
                conditions=[_condition(pipeline, c) for c in trigger.conditions], logical=logical
            ),
            start_on_creation=True,
            actions=actions,
            name=trigger_name,
            description=description,
        )
        # CDK leaves Logical out for one condition; Glue's API allows that, yet deploys of such
        # triggers are reported failing ("Logical operator cannot be null or empty",
        # aws/aws-cdk#34652), so every predicate names it.
        assert isinstance(added, glue.CfnTrigger)
        added.add_property_override("Predicate.Logical", logical.value)
    assert isinstance(added, glue.CfnTrigger)
    apply_unmodeled(added, trigger.unmodeled)


def _new_files_rule(
    scope: Construct, pipeline: TriggeredPipeline, name: str, trigger: TriggerSpec
) -> None:
    """An EventBridge rule that hands the raw bucket's Object Created events under the named
    sources' prefixes to the workflow, as Glue's event triggers expect
    (https://docs.aws.amazon.com/glue/latest/dg/starting-workflow-eventbridge.html)."""
    prefixes = [pipeline.spec.sources[source].prefix for source in trigger.on_new_files]
    workflow_arn = pipeline.workflow.workflow_arn
    role = iam.Role(
        scope,
        f"{pascal(name)}EventsRole",
        assumed_by=iam.ServicePrincipal("events.amazonaws.com"),
        description=f"EventBridge may hand new raw files to workflow {pipeline.names.workflow}",
    )
    role.add_to_policy(iam.PolicyStatement(actions=["glue:notifyEvent"], resources=[workflow_arn]))
    events.Rule(
        scope,
        f"{pascal(name)}NewFiles",
        description=f"{pipeline.spec.name}: new files under {', '.join(prefixes)} start {name}",
        event_pattern=events.EventPattern(
            source=["aws.s3"],
            detail_type=["Object Created"],
            detail={
                "bucket": {"name": [pipeline.raw_bucket]},
                "object": {"key": [{"prefix": prefix} for prefix in prefixes]},
            },
        ),
        targets=[_WorkflowTarget(workflow_arn, role)],
    )


@jsii.implements(events.IRuleTarget)
class _WorkflowTarget:
    """A Glue workflow as an EventBridge rule target (aws_events_targets has none)."""

    def __init__(self, workflow_arn: str, role: iam.IRole) -> None:
        self._arn, self._role = workflow_arn, role

    def bind(self, rule: IRuleRef, id: str | None = None) -> events.RuleTargetConfig:
        return events.RuleTargetConfig(arn=self._arn, role=self._role)


def _action(pipeline: TriggeredPipeline, action: Action) -> glue.Action:
    if action.kind == "crawler":
        return glue.Action.crawler(pipeline.crawlers[action.name].resource)
    timeout = action.timeout_minutes
    return glue.Action.job(
        pipeline.jobs[action.name].job,
        arguments={glue_parameter(n): v for n, v in action.arguments.items()} or None,
        timeout=cdk.Duration.minutes(timeout) if timeout is not None else None,
    )


def _condition(pipeline: TriggeredPipeline, condition: Condition) -> glue.Condition:
    if condition.kind == "job":
        return glue.Condition.job(pipeline.jobs[condition.name].job, _JOB_STATES[condition.state])
    return glue.Condition.crawler(
        pipeline.crawlers[condition.name].resource, _CRAWLER_STATES[condition.state]
    )
