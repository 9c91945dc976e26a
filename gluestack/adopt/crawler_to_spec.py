"""One Glue crawler (GetCrawlers' shape) as a spec `crawlers:` entry.

Its S3 targets are existing locations (`s3_targets`), never tables gluestack would create a
bucket folder for; its JDBC targets name the pipeline's connections; its catalog targets, alone,
become `catalog_tables` of the database they name (the conversion's database).
"""

import json
from dataclasses import dataclass, field
from typing import Any

from gluestack.adopt.context import ImportContext
from gluestack.adopt.existing_resources import role_field
from gluestack.adopt.notes import Notes
from gluestack.adopt.report import ReportEntry
from gluestack.adopt.unmodeled_properties import CRAWLER_UNMODELED, unmodeled
from gluestack.spec.crawler import (
    CONFIGURATION_VERSION,
    GLUE_DEFAULT_SCHEMA_CHANGE_POLICY,
    PARTITIONS_FROM_TABLE,
)

_UPDATE = {"UPDATE_IN_DATABASE": "update_in_database", "LOG": "log"}
_DELETE = {
    "LOG": "log",
    "DELETE_FROM_DATABASE": "delete_from_database",
    "DEPRECATE_IN_DATABASE": "deprecate_in_database",
}
_RECRAWL = {
    "CRAWL_EVERYTHING": "everything",
    "CRAWL_NEW_FOLDERS_ONLY": "new_folders_only",
    "CRAWL_EVENT_MODE": "event_mode",
}
_TYPED_TARGETS = ("S3Targets", "JdbcTargets", "CatalogTargets")
# CatalogTarget members gluestack's catalog_tables have no field for.
_CATALOG_TARGET_OPTIONS = ("ConnectionName", "EventQueueArn", "DlqEventQueueArn")


@dataclass
class CrawlerConversion:
    aws_name: str
    key: str
    spec: dict[str, Any] | None
    database: str | None = None
    connections: list[str] = field(default_factory=list)
    entries: list[ReportEntry] = field(default_factory=list)


def crawler_to_spec(
    crawler: dict[str, Any], pipeline: str, context: ImportContext
) -> CrawlerConversion:
    name = crawler["Name"]
    key = context.keys.crawlers.key(name)
    notes = Notes("crawler", name, pipeline, f"crawlers.{key}")
    notes.tags(crawler)
    targets = crawler.get("Targets") or {}
    spec: dict[str, Any] = {}
    if crawler.get("Description"):
        spec["description"] = crawler["Description"]
    spec.update(role_field(crawler.get("Role"), context.account, notes))
    spec.update(_s3_targets(targets.get("S3Targets") or [], notes))
    jdbc = [_jdbc_target(t, context) for t in targets.get("JdbcTargets") or []]
    if jdbc:
        spec["jdbc"] = jdbc
    for kind in sorted(set(targets) - set(_TYPED_TARGETS)):
        if targets[kind]:
            notes.not_imported(
                f"Targets.{kind}",
                targets[kind],
                "gluestack crawls S3, JDBC and catalog targets only",
            )
    database = crawler.get("DatabaseName")
    catalog = targets.get("CatalogTargets") or []
    if catalog and (spec.get("s3_targets") or jdbc):
        notes.not_imported(
            "Targets.CatalogTargets",
            catalog,
            "a gluestack crawler of catalog_tables crawls no S3 or JDBC target (nor does Glue "
            "mix them): its S3 and JDBC targets are imported",
        )
    elif catalog:
        database, tables = _catalog_tables(catalog, notes)
        if tables:
            spec["catalog_tables"] = tables
    if not (spec.get("s3_targets") or jdbc or spec.get("catalog_tables")):
        notes.not_imported("Targets", targets, "no S3, JDBC or catalog target to crawl")
        return CrawlerConversion(name, key, None, entries=notes.entries)
    spec.update(_schedule(crawler, notes))
    spec.update(_policies(crawler, spec.pop("event_queue_arn", None), notes))
    spec.update(_configuration(crawler.get("Configuration"), notes))
    if "catalog_tables" in spec:
        _catalog_crawl_policy(spec, crawler, notes)
    prefix = crawler.get("TablePrefix") or ""
    if prefix and "catalog_tables" in spec:
        notes.not_imported("TablePrefix", prefix, "a crawl of catalog tables keeps their names")
    elif prefix:
        spec["table_prefix"] = prefix
    if crawler.get("CrawlerSecurityConfiguration"):
        notes.replaced(
            "CrawlerSecurityConfiguration",
            crawler["CrawlerSecurityConfiguration"],
            "gluestack's security configuration encrypts every crawler",
        )
    if (crawler.get("LineageConfiguration") or {}).get("CrawlerLineageSettings") == "ENABLE":
        notes.not_imported(
            "LineageConfiguration",
            crawler["LineageConfiguration"],
            "not a property CloudFormation deploys",
        )
    if extra := unmodeled(crawler, CRAWLER_UNMODELED, notes):
        spec["unmodeled"] = extra
    notes.note("imported", detail=f"into database {database or '?'}")
    connections = [t["ConnectionName"] for t in targets.get("JdbcTargets") or []]
    return CrawlerConversion(name, key, spec, database, connections, notes.entries)


def _catalog_tables(targets: list[dict[str, Any]], notes: Notes) -> tuple[str | None, list[str]]:
    """The one database the catalog targets name and their tables; none when they name several
    (a spec's catalog_tables are tables of the pipeline's one database)."""
    databases = sorted({t["DatabaseName"] for t in targets})
    if len(databases) > 1:
        notes.not_imported(
            "Targets.CatalogTargets",
            targets,
            f"the targets name databases {', '.join(databases)}; a gluestack crawler's "
            "catalog_tables are tables of the pipeline's one database",
        )
        return None, []
    for target in targets:
        for member in _CATALOG_TARGET_OPTIONS:
            if target.get(member):
                notes.not_imported(
                    f"CatalogTargets.{member}", target[member], "gluestack has no such option"
                )
    tables = list(dict.fromkeys(table for t in targets for table in t["Tables"]))
    return databases[0], tables


def _catalog_crawl_policy(spec: dict[str, Any], crawler: dict[str, Any], notes: Notes) -> None:
    """What Glue does crawling catalog tables, whatever the crawler's settings say.

    https://docs.aws.amazon.com/glue/latest/dg/define-crawler-choose-data-sources.html: "Deleted
    objects found in the data stores are ignored; no catalog tables are deleted. Instead, the
    crawler writes a log message. (SchemaChangePolicy.DeleteBehavior=LOG)", and the single
    schema per S3 path "is enabled by default and cannot be disabled".
    """
    change = spec.get("schema_change")
    if change and change["delete"] == "delete_from_database":
        notes.replaced(
            "SchemaChangePolicy.DeleteBehavior",
            crawler["SchemaChangePolicy"]["DeleteBehavior"],
            "Glue deletes no table crawling catalog tables, it logs deleted objects: "
            "schema_change.delete is log",
        )
        change["delete"] = "log"
        if change == {"update": "update_in_database", "delete": "log"}:
            del spec["schema_change"]
    spec.pop("combine_compatible_schemas", None)


def _s3_targets(targets: list[dict[str, Any]], notes: Notes) -> dict[str, Any]:
    if not targets:
        return {}
    # Verbatim: a path without its trailing '/' is a key prefix to Glue, wider than the folder.
    fields: dict[str, Any] = {"s3_targets": [t["Path"] for t in targets]}
    exclusions = _shared(targets, "Exclusions", notes, "differ by target; gluestack applies one "
                         "list to every target")  # fmt: skip
    if exclusions:
        fields["exclusions"] = list(exclusions)
    if size := _shared(targets, "SampleSize", notes, "differs by target; gluestack applies one to "
                       "every target"):  # fmt: skip
        fields["sample_size"] = size
    # A target without a queue differs too: Glue then crawls only the others in event mode.
    if queue := _shared(targets, "EventQueueArn", notes, "differs by target; gluestack gives "
                        "every target the one event_queue_arn"):  # fmt: skip
        fields["event_queue_arn"] = queue
    for target in targets:
        if target.get("ConnectionName"):
            notes.not_imported(
                "S3Targets.ConnectionName",
                target["ConnectionName"],
                "gluestack crawls S3 without a network connection",
            )
        if target.get("DlqEventQueueArn"):
            notes.not_imported(
                "S3Targets.DlqEventQueueArn",
                target["DlqEventQueueArn"],
                "gluestack has no dead-letter queue option",
            )
    return fields


def _shared(targets: list[dict[str, Any]], member: str, notes: Notes, differs: str) -> Any:
    """The member's value every target has (None when they differ, which is reported); a
    target without it counts as empty."""
    values = {_hashable(t.get(member) or None) for t in targets}
    if len(values) > 1:
        notes.not_imported(f"S3Targets.{member}", [t.get(member) for t in targets], differs)
        return None
    return values.pop()


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _jdbc_target(target: dict[str, Any], context: ImportContext) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "connection": context.keys.connections.key(target["ConnectionName"]),
        "path": target["Path"],
    }
    if target.get("Exclusions"):
        entry["exclusions"] = list(target["Exclusions"])
    return entry


def _schedule(crawler: dict[str, Any], notes: Notes) -> dict[str, Any]:
    schedule = crawler.get("Schedule") or {}
    expression = schedule.get("ScheduleExpression") if isinstance(schedule, dict) else schedule
    if not expression:
        return {}
    if schedule.get("State") == "SCHEDULED":
        notes.action(
            "schedule_enabled_in",
            "the schedule was active; list the environments where it should run",
            expression,
        )
    return {"schedule": expression}


def _policies(crawler: dict[str, Any], queue: str | None, notes: Notes) -> dict[str, Any]:
    """schema_change, recrawl and event_queue_arn: the spec holds event mode and the one queue
    of every S3 target together or neither."""
    fields: dict[str, Any] = {}
    change = crawler.get("SchemaChangePolicy") or {}
    glue_default = GLUE_DEFAULT_SCHEMA_CHANGE_POLICY
    policy = {
        # What Glue does where the source names no behavior, not gluestack's own default.
        "update": _UPDATE[change.get("UpdateBehavior") or glue_default["UpdateBehavior"]],
        "delete": _DELETE[change.get("DeleteBehavior") or glue_default["DeleteBehavior"]],
    }
    if policy != {"update": "update_in_database", "delete": "log"}:
        fields["schema_change"] = policy
    behavior = (crawler.get("RecrawlPolicy") or {}).get("RecrawlBehavior", "")
    recrawl = _RECRAWL.get(behavior)
    if recrawl == "event_mode" and not queue:
        notes.replaced(
            "RecrawlPolicy.RecrawlBehavior",
            behavior,
            "event mode needs one event_queue_arn for every S3 target, which this crawler's "
            "targets do not share: it crawls everything",
        )
    elif recrawl and recrawl != "everything":
        fields["recrawl"] = recrawl
    if queue and recrawl == "event_mode":
        fields["event_queue_arn"] = queue
    elif queue:
        notes.not_imported(
            "S3Targets.EventQueueArn",
            queue,
            "gluestack's crawler takes event_queue_arn with recrawl: event_mode only, and this "
            "crawler does not crawl in event mode",
        )
    return fields


def _configuration(text: str | None, notes: Notes) -> dict[str, Any]:
    """Grouping and the partitions' schema become typed fields; the rest gives way to gluestack's
    (none), reported replaced."""
    configuration: dict[str, Any] = json.loads(text) if text else {}
    grouping = configuration.pop("Grouping", {})
    fields: dict[str, Any] = {}
    if grouping.get("TableGroupingPolicy") != "CombineCompatibleSchemas":
        fields["combine_compatible_schemas"] = False
    if grouping.get("TableLevelConfiguration"):
        fields["table_level"] = grouping["TableLevelConfiguration"]
    output = dict(configuration.pop("CrawlerOutput", {}))
    if output.pop("Partitions", None) != PARTITIONS_FROM_TABLE:
        fields["partition_schema"] = "own"
    if configuration.get("Version") == CONFIGURATION_VERSION:
        del configuration["Version"]
    rest = {**configuration, **{f"CrawlerOutput.{name}": v for name, v in output.items()}}
    for name, value in rest.items():
        notes.replaced(f"Configuration.{name}", value, "gluestack writes none")
    return fields
