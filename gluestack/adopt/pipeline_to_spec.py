"""One group of an estate as a pipeline spec mapping, keys in the order a person writes them."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gluestack.adopt.connection_to_spec import connection_to_spec
from gluestack.adopt.context import ImportContext
from gluestack.adopt.crawler_to_spec import CrawlerConversion, crawler_to_spec
from gluestack.adopt.grouping import Group
from gluestack.adopt.job_to_spec import job_to_spec
from gluestack.adopt.names import catalog_key
from gluestack.adopt.notes import Notes
from gluestack.adopt.report import ReportEntry
from gluestack.adopt.trigger_to_spec import trigger_to_spec
from gluestack.ops.estate import GlueEstate


@dataclass
class PipelineDraft:
    """A pipeline spec mapping and where each of its job scripts comes from."""

    key: str
    spec: dict[str, Any]
    scripts: dict[str, str] = field(default_factory=dict)  # job key -> s3:// script location
    job_names: dict[str, str] = field(default_factory=dict)  # job key -> AWS name
    entries: list[ReportEntry] = field(default_factory=list)
    # The account's database its crawlers and jobs use (None: none names one).
    database: str | None = None


def pipeline_to_spec(
    group: Group, estate: GlueEstate, context: ImportContext, database: str | None = None
) -> PipelineDraft:
    key = context.keys.pipelines.key(group.name)
    jobs = [job_to_spec(estate.jobs[name], key, context) for name in group.jobs]
    crawlers = [crawler_to_spec(estate.crawlers[n], key, context) for n in group.crawlers]
    triggers = [trigger_to_spec(estate.triggers[n], key, context) for n in group.triggers]
    notes = Notes("pipeline", group.name, key, "")
    account_database = _account_database(database, jobs, crawlers, notes)
    _drop_other_databases_catalog_crawlers(account_database, crawlers, key)
    entries: list[ReportEntry] = [e for j in jobs for e in j.entries]
    entries += [e for c in crawlers for e in c.entries] + [e for t in triggers for e in t.entries]
    used = sorted(
        {c for j in jobs if j.spec for c in j.connections}
        | {c for cr in crawlers if cr.spec for c in cr.connections}
    )
    connections = [connection_to_spec(estate.connections.get(n), n, key, context) for n in used]
    for connection in connections:
        entries += connection.entries
    spec: dict[str, Any] = {"name": key}
    workflow = estate.workflows.get(group.workflows[0]) if len(group.workflows) == 1 else None
    if workflow and workflow.get("Description"):
        spec["description"] = workflow["Description"]
    spec.update(_database(account_database, estate, notes))
    _section(spec, "connections", [(c.key, c.spec) for c in connections])
    _section(spec, "crawlers", [(c.key, c.spec) for c in crawlers])
    _section(spec, "jobs", [(j.key, j.spec) for j in jobs])
    imported = {
        "job": {j.key for j in jobs if j.spec},
        "crawler": {c.key for c in crawlers if c.spec},
        "connection": {c.key for c in connections if c.spec},
    }
    _section(
        spec,
        "triggers",
        [
            (t.key, t.spec)
            for t in triggers
            if t.spec and _targets_imported(t.spec, t.aws_name, imported, notes)
        ],
    )
    if workflow:
        spec.update(_workflow(workflow, notes))
    if len(group.workflows) > 1:
        notes.replaced(
            "WorkflowName",
            group.workflows,
            "their triggers share jobs or crawlers: one pipeline, one workflow",
        )
    entries += notes.entries
    scripts = {j.key: j.script_location for j in jobs if j.spec}
    names = {j.key: j.aws_name for j in jobs if j.spec}
    return PipelineDraft(key, spec, scripts, names, entries, account_database)


def _account_database(
    given: str | None, jobs: list[Any], crawlers: list[Any], notes: Notes
) -> str | None:
    """The account's database the pipeline uses: the one given, else the one most of its
    crawlers and jobs name."""
    if given:
        return given
    named = Counter(c.database for c in crawlers if c.spec and c.database)
    named.update(j.database for j in jobs if j.spec and j.database)
    if not named:
        return None
    chosen: str = named.most_common(1)[0][0]
    if len(named) > 1:
        notes.not_imported(
            "DatabaseName", sorted(named), f"a pipeline has one database: {chosen} chosen"
        )
    return chosen


def _drop_other_databases_catalog_crawlers(
    account_database: str | None, crawlers: list[CrawlerConversion], pipeline: str
) -> None:
    """A crawler's catalog_tables are tables of the pipeline's database: a crawler of another
    database's tables is left out (its spec would name tables the pipeline does not have)."""
    for crawler in crawlers:
        if (
            crawler.spec
            and "catalog_tables" in crawler.spec
            and crawler.database != account_database
        ):
            notes = Notes("crawler", crawler.aws_name, pipeline, f"crawlers.{crawler.key}")
            notes.not_imported(
                "Targets.CatalogTargets",
                crawler.spec["catalog_tables"],
                f"it crawls tables of database {crawler.database}, and the pipeline's database "
                f"is {account_database}",
            )
            crawler.spec = None
            others = [e for e in crawler.entries if e.outcome != "imported"]
            crawler.entries = others + notes.entries


def _database(account_database: str | None, estate: GlueEstate, notes: Notes) -> dict[str, Any]:
    """The spec's `database`, and `existing_database` when the account has it."""
    if account_database is None:
        notes.action(
            "database",
            "no crawler or job names a database: named after the "
            "pipeline; change it to the database its jobs use",
        )
        return {"database": catalog_key(notes.pipeline)}
    return _existing_or_beside(account_database, estate, notes)


def _existing_or_beside(database: str, estate: GlueEstate, notes: Notes) -> dict[str, Any]:
    """The account's database referred to as it is; else one gluestack deploys per
    environment, beside the name the crawlers and scripts use, which the report says."""
    key = catalog_key(database)
    if database in estate.databases and key == database:
        return {"database": key, "existing_database": True}
    where = (
        f"the existing {database} is no spec database name (lower-case letters, digits, '_')"
        if database in estate.databases
        else f"there is no database {database} in the account"
    )
    notes.action(
        "database",
        f"{where}: gluestack deploys the database as {key}_<env>, and the crawlers then "
        f"write their tables there; point the jobs' scripts at it",
        database,
    )
    return {"database": key}


def _section(spec: dict[str, Any], name: str, entries: list[tuple[str, Any]]) -> None:
    declared = {key: value for key, value in entries if value is not None}
    if declared:
        spec[name] = declared


# A section added after conversion goes where a person writes it: after these.
_SECTIONS_BEFORE = {"rulesets": ("name", "description", "database", "existing_database",
                                 "connections", "crawlers", "jobs")}  # fmt: skip


def add_section_entry(spec: dict[str, Any], section: str, key: str, value: Any) -> None:
    """spec[section][key] = value, the section placed in the order a person writes them."""
    if section not in spec:
        before = _SECTIONS_BEFORE[section]
        items = list(spec.items())
        at = max((i + 1 for i, (name, _) in enumerate(items) if name in before), default=0)
        spec.clear()
        spec.update([*items[:at], (section, {}), *items[at:]])
    spec[section][key] = value


def _targets_imported(
    trigger: dict[str, Any], aws_name: str, imported: dict[str, set[str]], notes: Notes
) -> bool:
    for target in [*trigger["actions"], *trigger.get("conditions", [])]:
        kind = "job" if "job" in target else "crawler"
        if target[kind] not in imported[kind]:
            trigger_notes = Notes("trigger", aws_name, notes.pipeline, "")
            trigger_notes.not_imported(
                "Actions" if target in trigger["actions"] else "Predicate",
                target,
                f"it starts or waits for {kind} {target[kind]}, which is not imported",
            )
            notes.entries += trigger_notes.entries
            return False
    return True


def _workflow(workflow: dict[str, Any], notes: Notes) -> dict[str, Any]:
    notes.tags(workflow)
    fields: dict[str, Any] = {}
    if not workflow.get("MaxConcurrentRuns"):
        notes.replaced(
            "MaxConcurrentRuns",
            None,
            "unlimited in Glue; gluestack runs one at a time (workflow.max_concurrent_runs)",
        )
    elif workflow["MaxConcurrentRuns"] != 1:
        fields["max_concurrent_runs"] = workflow["MaxConcurrentRuns"]
    if workflow.get("DefaultRunProperties"):
        fields["run_properties"] = dict(workflow["DefaultRunProperties"])
    return {"workflow": fields} if fields else {}
