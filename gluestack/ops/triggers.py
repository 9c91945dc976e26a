"""A workflow's triggers at runtime: list them with their conditions, start or stop them."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gluestack.ops.errors import refusals_typed

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import TriggerTypeDef


@dataclass(frozen=True)
class TriggerInfo:
    name: str
    type: str
    state: str
    schedule: str
    logical: str
    conditions: list[str]
    actions: list[str]


@refusals_typed("Glue workflow", "workflow")
def workflow_triggers(glue: "GlueClient", workflow: str) -> list[TriggerInfo]:
    """Every trigger of the workflow, in name order."""
    triggers = [
        trigger
        for page in glue.get_paginator("get_triggers").paginate()
        for trigger in page["Triggers"]
        if trigger.get("WorkflowName") == workflow
    ]
    return [_info(t) for t in sorted(triggers, key=lambda t: t["Name"])]


@refusals_typed("Glue trigger", "name")
def start_trigger(glue: "GlueClient", name: str) -> None:
    """ON_DEMAND: fire it now. SCHEDULED, CONDITIONAL, EVENT: activate it."""
    glue.start_trigger(Name=name)


@refusals_typed("Glue trigger", "name")
def stop_trigger(glue: "GlueClient", name: str) -> None:
    """Deactivate a SCHEDULED, CONDITIONAL or EVENT trigger."""
    glue.stop_trigger(Name=name)


def _info(trigger: "TriggerTypeDef") -> TriggerInfo:
    predicate = trigger.get("Predicate", {})
    conditions = [
        f"{c.get('JobName') or c.get('CrawlerName')} {c.get('State') or c.get('CrawlState')}"
        for c in predicate.get("Conditions", [])
    ]
    actions = [a.get("JobName") or a.get("CrawlerName") or "?" for a in trigger.get("Actions", [])]
    return TriggerInfo(
        name=trigger["Name"],
        type=trigger["Type"],
        state=trigger.get("State", ""),
        schedule=trigger.get("Schedule", ""),
        logical=predicate.get("Logical", "AND") if conditions else "",
        conditions=conditions,
        actions=actions,
    )
