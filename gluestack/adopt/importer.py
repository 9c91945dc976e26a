"""An estate as pipeline drafts plus the report: grouping, conversion, rulesets, renames."""

from dataclasses import dataclass, field

from gluestack.adopt.context import ImportContext
from gluestack.adopt.grouping import group_estate
from gluestack.adopt.pipeline_to_spec import PipelineDraft, add_section_entry, pipeline_to_spec
from gluestack.adopt.report import ImportReport
from gluestack.adopt.ruleset_to_spec import ruleset_to_spec
from gluestack.ops.estate import GlueEstate

NO_PIPELINE_REASON = (
    "no imported pipeline uses database {database}: a ruleset is imported into the rulesets "
    "of the pipeline whose database holds its table; import that pipeline too"
)
SHARED_DATABASE_REASON = (
    "pipelines {pipelines} all use database {database}: add the ruleset to the rulesets of "
    "the one it belongs to"
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
    keys.rulesets.reserve(list(estate.rulesets))
    for group in groups:
        if group.empty:
            plan.report.add(
                "not_imported", "workflow", group.name, detail="no job or crawler in scope"
            )
            continue
        draft = pipeline_to_spec(group, estate, context, database)
        plan.report.extend(draft.entries)
        plan.drafts.append(draft)
    _place_rulesets(estate, context, plan)
    for kind in ("pipeline", "job", "crawler", "trigger", "connection", "ruleset"):
        for aws_name, key in context.keys.of_kind(kind).renamed().items():
            plan.report.add("renamed", kind, aws_name, field=key)
    return plan


def _place_rulesets(estate: GlueEstate, context: ImportContext, plan: ImportPlan) -> None:
    """Each ruleset into the rulesets of the one pipeline whose database holds its table."""
    users: dict[str, list[PipelineDraft]] = {}
    for draft in plan.drafts:
        if draft.database is not None:
            users.setdefault(draft.database, []).append(draft)
    for name, ruleset in sorted(estate.rulesets.items()):
        target = ruleset.get("TargetTable") or {}
        database = target.get("DatabaseName", "")
        owners = users.get(database, [])
        if len(owners) != 1:
            table = f"{database or '?'}.{target.get('TableName', '?')}"
            pipelines = ", ".join(d.key for d in owners)
            reason = SHARED_DATABASE_REASON if owners else NO_PIPELINE_REASON
            plan.report.add(
                "not_imported",
                "ruleset",
                name,
                field=table,
                value=ruleset.get("Ruleset"),
                detail=reason.format(database=database or "(none)", pipelines=pipelines),
            )
            continue
        converted = ruleset_to_spec(ruleset, owners[0].key, context)
        plan.report.extend(converted.entries)
        if converted.spec is not None:
            add_section_entry(owners[0].spec, "rulesets", converted.key, converted.spec)
