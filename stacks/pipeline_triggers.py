"""The pipeline's triggers on its workflow: on demand, scheduled, on events, or conditional."""

from typing import TYPE_CHECKING

import aws_cdk as cdk
from aws_cdk import aws_glue as glue

from gluestack.spec import Condition, Target, TriggerSpec
from stacks.naming import pascal

if TYPE_CHECKING:
    from stacks.pipeline_stack import PipelineStack

_CRAWLER_STATES = {s.value: s for s in glue.CrawlerState}
_JOB_STATES = {s.value: s for s in glue.JobState}


def add_triggers(stack: "PipelineStack", env_name: str) -> None:
    """One Glue trigger per spec trigger; schedules are active only in the environments named."""
    for name, trigger in stack.spec.triggers.items():
        _add_trigger(stack, name, trigger, env_name)


def _add_trigger(stack: "PipelineStack", name: str, trigger: TriggerSpec, env_name: str) -> None:
    actions = [_action(stack, t) for t in trigger.actions]
    trigger_name = stack.names.resource(name)
    description = trigger.description or None
    workflow = stack.workflow
    if trigger.type == "on_demand":
        workflow.add_on_demand_trigger(
            pascal(name), actions=actions, name=trigger_name, description=description
        )
    elif trigger.type == "scheduled":
        workflow.add_scheduled_trigger(
            pascal(name),
            schedule=glue.TriggerSchedule.expression(str(trigger.schedule)),
            start_on_creation=env_name in trigger.enabled_in,
            actions=actions,
            name=trigger_name,
            description=description,
        )
    elif trigger.type == "event":
        window = trigger.batch_window_seconds
        workflow.add_event_trigger(
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
        workflow.add_conditional_trigger(
            pascal(name),
            predicate=glue.Predicate(
                conditions=[_condition(stack, c) for c in trigger.conditions], logical=logical
            ),
            start_on_creation=True,
            actions=actions,
            name=trigger_name,
            description=description,
        )


def _action(stack: "PipelineStack", target: Target) -> glue.Action:
    if target.kind == "job":
        return glue.Action.job(stack.jobs[target.name].job)
    return glue.Action.crawler(stack.crawlers[target.name].resource)


def _condition(stack: "PipelineStack", condition: Condition) -> glue.Condition:
    if condition.kind == "job":
        return glue.Condition.job(stack.jobs[condition.name].job, _JOB_STATES[condition.state])
    return glue.Condition.crawler(
        stack.crawlers[condition.name].resource, _CRAWLER_STATES[condition.state]
    )
