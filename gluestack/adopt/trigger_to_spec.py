"""One Glue trigger (GetTriggers' shape) as a spec `triggers:` entry over the pipeline's keys."""

from dataclasses import dataclass, field
from typing import Any

from gluestack.adopt.context import ImportContext
from gluestack.adopt.notes import Notes
from gluestack.adopt.report import ReportEntry
from gluestack.adopt.unmodeled_properties import TRIGGER_UNMODELED, unmodeled

_TYPES = {
    "ON_DEMAND": "on_demand",
    "SCHEDULED": "scheduled",
    "CONDITIONAL": "conditional",
    "EVENT": "event",
}
_MATCH = {"AND": "all", "ANY": "any"}
# Per-action settings the spec's Target does not carry.
_ACTION_EXTRAS = ("Arguments", "Timeout", "SecurityConfiguration", "NotificationProperty")


@dataclass
class TriggerConversion:
    aws_name: str
    key: str
    spec: dict[str, Any] | None
    entries: list[ReportEntry] = field(default_factory=list)


def trigger_to_spec(
    trigger: dict[str, Any], pipeline: str, context: ImportContext
) -> TriggerConversion:
    name = trigger["Name"]
    key = context.keys.triggers.key(name)
    notes = Notes("trigger", name, pipeline, f"triggers.{key}")
    notes.tags(trigger)
    kind = _TYPES.get(trigger.get("Type", ""))
    if kind is None:
        notes.not_imported("Type", trigger.get("Type"), "not a trigger type gluestack deploys")
        return TriggerConversion(name, key, None, notes.entries)
    spec: dict[str, Any] = {"type": kind}
    if trigger.get("Description"):
        spec["description"] = trigger["Description"]
    predicate = trigger.get("Predicate") or {}
    if kind == "conditional":
        spec["conditions"] = [
            _condition(c, context, notes) for c in predicate.get("Conditions", [])
        ]
        if predicate.get("Logical") == "ANY":
            spec["match"] = _MATCH["ANY"]
    spec["actions"] = [_target(action, context, notes) for action in trigger.get("Actions", [])]
    if kind == "scheduled":
        spec["schedule"] = trigger.get("Schedule", "")
        if trigger.get("State") == "ACTIVATED":
            notes.action(
                "enabled_in",
                "the trigger was active; list the environments where its schedule should run",
                trigger.get("State"),
            )
    if kind == "event":
        spec.update(_batching(trigger.get("EventBatchingCondition") or {}))
        notes.action(
            "on_new_files",
            "the EventBridge rule sending this trigger events is not "
            "imported; name the sources whose new files start it, or keep your rule",
        )
    if extra := unmodeled(trigger, TRIGGER_UNMODELED, notes):
        spec["unmodeled"] = extra
    notes.note("imported", detail=f"state {trigger.get('State', '?')}")
    return TriggerConversion(name, key, spec, notes.entries)


def _target(action: dict[str, Any], context: ImportContext, notes: Notes) -> dict[str, str]:
    for extra in _ACTION_EXTRAS:
        if action.get(extra):
            who = action.get("JobName") or action.get("CrawlerName")
            notes.not_imported(
                f"Actions[{who}].{extra}",
                action[extra],
                "a spec action names only its job or crawler; the job's own settings apply",
            )
    if action.get("JobName"):
        return {"job": context.keys.jobs.key(action["JobName"])}
    return {"crawler": context.keys.crawlers.key(action.get("CrawlerName", ""))}


def _condition(condition: dict[str, Any], context: ImportContext, notes: Notes) -> dict[str, str]:
    if condition.get("LogicalOperator", "EQUALS") != "EQUALS":
        notes.not_imported(
            "Predicate.Conditions.LogicalOperator",
            condition["LogicalOperator"],
            "Glue conditions compare with EQUALS only",
        )
    if condition.get("JobName"):
        return {
            "job": context.keys.jobs.key(condition["JobName"]),
            "state": condition.get("State", "SUCCEEDED"),
        }
    return {
        "crawler": context.keys.crawlers.key(condition.get("CrawlerName", "")),
        "state": condition.get("CrawlState", "SUCCEEDED"),
    }


def _batching(batching: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if batching.get("BatchSize"):
        fields["batch_size"] = batching["BatchSize"]
    if batching.get("BatchWindow"):
        fields["batch_window_seconds"] = batching["BatchWindow"]
    return fields
