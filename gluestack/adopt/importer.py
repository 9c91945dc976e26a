"""An estate as pipeline drafts plus the report: grouping, conversion, rulesets, renames."""

from dataclasses import dataclass, field

from gluestack.adopt.context import ImportContext
from gluestack.adopt.grouping import group_estate
from gluestack.adopt.pipeline_to_spec import PipelineDraft, pipeline_to_spec
from gluestack.adopt.report import ImportReport
from gluestack.ops.estate import GlueEstate

RULESET_REASON = (
    "gluestack attaches a ruleset to a job output it declares (outputs.<table>.data_quality); "
    "an imported job declares no outputs, so the ruleset has no place: declare the output "
    "that writes this table and paste the rules there"
)


@dataclass
class ImportPlan:
    drafts: list[PipelineDraft] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)


def plan_import(
    estate: GlueEstate, context: ImportContext, database: str | None = None
) -> ImportPlan:
    """What an import would write; nothing is read or written here."""
    plan = ImportPlan()
    groups = group_estate(estate)
    keys = context.keys
    keys.pipelines.reserve([group.name for group in groups])
    keys.jobs.reserve(list(estate.jobs))
    keys.crawlers.reserve(list(estate.crawlers))
    keys.triggers.reserve(list(estate.triggers))
    keys.connections.reserve(list(estate.connections))
    for group in groups:
        if group.empty:
            plan.report.add(
                "not_imported", "workflow", group.name, detail="no job or crawler in scope"
            )
            continue
        draft = pipeline_to_spec(group, estate, context, database)
        plan.report.extend(draft.entries)
        plan.drafts.append(draft)
    for name, ruleset in sorted(estate.rulesets.items()):
        target = ruleset.get("TargetTable") or {}
        table = f"{target.get('DatabaseName', '?')}.{target.get('TableName', '?')}"
        plan.report.add(
            "not_imported",
            "ruleset",
            name,
            field=table,
            value=ruleset.get("Ruleset"),
            detail=RULESET_REASON,
        )
    for kind in ("pipeline", "job", "crawler", "trigger", "connection"):
        for aws_name, key in context.keys.of_kind(kind).renamed().items():
            plan.report.add("renamed", kind, aws_name, field=key)
    return plan
