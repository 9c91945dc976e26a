"""Round trip of an import: the estate read from the source account against what gluestack
deployed from the imported specs, property by property, as a list of differences.

Compared per job: the command (its script by content: gluestack deploys the downloaded script
as its own asset, so ScriptLocation differs by design), every source argument but the ones the
import report lists as replaced, and the job's capacity, retry, role and unmodeled properties;
per crawler: targets, database, schedule, policies, role, table prefix and configuration; per
trigger: type, state, schedule, predicate and actions (whole: a job action's arguments and
timeout too); per data quality ruleset: its rules' text and its target table. Names (jobs,
crawlers, connections, rulesets) are compared through the import's mapping: deployed names
carry the pipeline's prefix. Arguments gluestack adds are not differences. The database (a
crawler's, a ruleset's table's) is compared by its exact name: the import refers to the
account's existing database (existing_database), which keeps its name.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gluestack.adopt.scripts import read_script
from gluestack.ops.drift_fields import (
    JOB_FIELDS,
    FieldRule,
    compact,
    crawler_targets,
    json_document,
    unordered,
)
from gluestack.ops.estate import GlueEstate, Resource
from gluestack.spec.crawler import GLUE_DEFAULT_SCHEMA_CHANGE_POLICY
from gluestack.spec.names import pipeline_resource_prefix

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

KINDS = ("job", "crawler", "trigger", "ruleset")


@dataclass(frozen=True)
class Difference:
    kind: str  # job, crawler, trigger, ruleset
    source_name: str  # its name in the source account
    field: str  # e.g. NumberOfWorkers, DefaultArguments[--enable-metrics]
    source: Any
    deployed: Any


@dataclass(frozen=True)
class ImportMapping:
    """What an import made of each source resource, from its JSON report."""

    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, AWS name) -> deployed
    replaced: dict[str, frozenset[str]] = field(default_factory=dict)  # job -> replaced settings
    pipelines: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, AWS name) -> its
    # A connection is imported into each pipeline using it: (pipeline, AWS name) -> deployed.
    connections: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def from_report(cls, entries: Iterable[Mapping[str, Any]], env: str) -> "ImportMapping":
        """The deployed name of each imported resource in env, and each job's replaced settings."""
        mapping = cls()
        replaced: dict[str, set[str]] = {}
        for entry in entries:
            kind, aws_name, pipeline = entry["kind"], entry["aws_name"], entry["pipeline"]
            name = pipeline_resource_prefix(env, pipeline) + entry["field"].partition(".")[2]
            if entry["outcome"] == "imported" and kind == "connection":
                mapping.connections[(pipeline, aws_name)] = name
            elif entry["outcome"] == "imported" and kind in KINDS:
                mapping.names[(kind, aws_name)] = name
                mapping.pipelines[(kind, aws_name)] = pipeline
            elif entry["outcome"] == "replaced" and kind == "job":
                replaced.setdefault(aws_name, set()).add(entry["setting"])
        mapping.replaced.update({job: frozenset(names) for job, names in replaced.items()})
        return mapping

    def deployed(self, kind: str, aws_name: str) -> str:
        return self.names.get((kind, aws_name), aws_name)

    def connection(self, user: tuple[str, str], aws_name: str) -> str:
        """The deployed name of a connection, in the pipeline of its user (kind, AWS name)."""
        pipeline = self.pipelines.get(user, "")
        return self.connections.get((pipeline, aws_name), aws_name)

    def imported(self, kind: str) -> dict[str, str]:
        """AWS name -> deployed name of the imported resources of one kind."""
        return {aws: deployed for (k, aws), deployed in self.names.items() if k == kind}


def _one_run_by_default(value: Any) -> Any:
    return compact(value) or {"MaxConcurrentRuns": 1}


# The deployed script is gluestack's asset (compared by content), its connections are mapped by
# name, and its security configuration is gluestack's.
_NOT_COMPARED = ("Command.ScriptLocation", "Connections", "SecurityConfiguration")
JOB_RULES = (
    *(rule for rule in JOB_FIELDS if rule.name not in _NOT_COMPARED),
    # Glue's default is one run at a time; moto reports a job created without it as {}.
    FieldRule("ExecutionProperty", ("ExecutionProperty",), normalize=_one_run_by_default),
)
# Per argument: each differing key is one difference.
JOB_ARGUMENT_MAPS = ("DefaultArguments", "NonOverridableArguments")

CRAWLER_RULES = (
    FieldRule("Targets", ("Targets",), normalize=crawler_targets),
    FieldRule("DatabaseName", ("DatabaseName",)),
    FieldRule("Schedule", ("Schedule", "ScheduleExpression"), default=None),
    FieldRule(
        "SchemaChangePolicy", ("SchemaChangePolicy",), default=GLUE_DEFAULT_SCHEMA_CHANGE_POLICY
    ),
    # Glue's documented default: a crawler created without a policy reports none or this.
    FieldRule("RecrawlPolicy", ("RecrawlPolicy",), default={"RecrawlBehavior": "CRAWL_EVERYTHING"}),
    FieldRule("Role", ("Role",)),
    FieldRule("TablePrefix", ("TablePrefix",), default=None),
    FieldRule("Configuration", ("Configuration",), default=None, normalize=json_document),
)

TRIGGER_RULES = (
    FieldRule("Type", ("Type",)),
    # ACTIVATED or CREATED: whether its schedule or conditions fire.
    FieldRule("State", ("State",)),
    FieldRule("Schedule", ("Schedule",), default=None),
    FieldRule("Predicate.Logical", ("Predicate", "Logical"), default=None),
    FieldRule("Predicate.Conditions", ("Predicate", "Conditions"), [], normalize=unordered),
    FieldRule("Actions", ("Actions",), default=[], normalize=unordered),
)

RULESET_RULES = (
    FieldRule("Ruleset", ("Ruleset",)),
    FieldRule("TargetTable.DatabaseName", ("TargetTable", "DatabaseName")),
    FieldRule("TargetTable.TableName", ("TargetTable", "TableName")),
)

ScriptReader = Callable[[str], str | None]


def s3_scripts(s3: "S3Client") -> ScriptReader:
    """A job's script text by its ScriptLocation (None when it cannot be read)."""
    return lambda location: read_script(s3, location).text


def compare(
    source: GlueEstate,
    deployed: GlueEstate,
    mapping: ImportMapping,
    source_scripts: ScriptReader,
    deployed_scripts: ScriptReader,
) -> list[Difference]:
    """Every difference between the imported source resources and their deployed copies."""
    differences: list[Difference] = []
    for aws_name, name in sorted(mapping.imported("job").items()):
        differences += _job(
            aws_name,
            source.jobs.get(aws_name),
            deployed.jobs.get(name),
            mapping,
            source_scripts,
            deployed_scripts,
        )
    for aws_name, name in sorted(mapping.imported("crawler").items()):
        differences += _crawler(
            aws_name, source.crawlers.get(aws_name), deployed.crawlers.get(name), mapping
        )
    for aws_name, name in sorted(mapping.imported("trigger").items()):
        differences += _trigger(
            aws_name, source.triggers.get(aws_name), deployed.triggers.get(name), mapping
        )
    for aws_name, name in sorted(mapping.imported("ruleset").items()):
        differences += _ruleset(
            aws_name, source.rulesets.get(aws_name), deployed.rulesets.get(name)
        )
    return differences


def _job(
    aws_name: str,
    source: Resource | None,
    deployed: Resource | None,
    mapping: ImportMapping,
    source_scripts: ScriptReader,
    deployed_scripts: ScriptReader,
) -> list[Difference]:
    if source is None or deployed is None:
        return [_missing("job", aws_name, source, deployed)]
    differences = _fields("job", aws_name, JOB_RULES, source, deployed)
    differences += _connections(aws_name, source, deployed, mapping)
    differences += _script(aws_name, source, deployed, source_scripts, deployed_scripts)
    replaced = mapping.replaced.get(aws_name, frozenset())
    for member in JOB_ARGUMENT_MAPS:
        differences += _arguments(aws_name, member, source, deployed, replaced)
    return differences


def _crawler(
    aws_name: str, source: Resource | None, deployed: Resource | None, mapping: ImportMapping
) -> list[Difference]:
    if source is None or deployed is None:
        return [_missing("crawler", aws_name, source, deployed)]
    targets = _mapped_targets(("crawler", aws_name), source.get("Targets") or {}, mapping)
    renamed = {**source, "Targets": targets}
    return _fields("crawler", aws_name, CRAWLER_RULES, renamed, deployed)


def _trigger(
    aws_name: str, source: Resource | None, deployed: Resource | None, mapping: ImportMapping
) -> list[Difference]:
    if source is None or deployed is None:
        return [_missing("trigger", aws_name, source, deployed)]
    renamed = dict(source)
    renamed["Actions"] = [_mapped_names(a, mapping) for a in source.get("Actions") or []]
    if source.get("Predicate"):
        predicate = dict(source["Predicate"])
        predicate["Conditions"] = [
            _mapped_names(c, mapping) for c in predicate.get("Conditions") or []
        ]
        renamed["Predicate"] = predicate
    return _fields("trigger", aws_name, TRIGGER_RULES, renamed, deployed)


def _ruleset(aws_name: str, source: Resource | None, deployed: Resource | None) -> list[Difference]:
    if source is None or deployed is None:
        return [_missing("ruleset", aws_name, source, deployed)]
    return _fields("ruleset", aws_name, RULESET_RULES, source, deployed)


def _fields(
    kind: str,
    aws_name: str,
    rules: tuple[FieldRule, ...],
    source: Resource,
    deployed: Resource,
) -> list[Difference]:
    """The rules' fields that differ; a rule applies when either side gives the field."""
    differences = []
    for rule in rules:
        if not (rule.applies(source) or rule.applies(deployed)):
            continue
        source_value, deployed_value = rule.expected(source), rule.deployed(deployed)
        if source_value != deployed_value:
            differences.append(Difference(kind, aws_name, rule.name, source_value, deployed_value))
    return differences


def _arguments(
    aws_name: str, member: str, source: Resource, deployed: Resource, replaced: frozenset[str]
) -> list[Difference]:
    """Each source argument the deployed job lacks or sets otherwise (replaced ones aside)."""
    source_arguments: Mapping[str, str] = source.get(member) or {}
    deployed_arguments: Mapping[str, str] = deployed.get(member) or {}
    return [
        Difference("job", aws_name, f"{member}[{key}]", value, deployed_arguments.get(key))
        for key, value in sorted(source_arguments.items())
        if key not in replaced and deployed_arguments.get(key) != value
    ]


def _connections(
    aws_name: str, source: Resource, deployed: Resource, mapping: ImportMapping
) -> list[Difference]:
    source_names = sorted(
        mapping.connection(("job", aws_name), c)
        for c in (source.get("Connections") or {}).get("Connections") or []
    )
    deployed_names = sorted((deployed.get("Connections") or {}).get("Connections") or [])
    if source_names == deployed_names:
        return []
    return [Difference("job", aws_name, "Connections", source_names, deployed_names)]


def _script(
    aws_name: str,
    source: Resource,
    deployed: Resource,
    source_scripts: ScriptReader,
    deployed_scripts: ScriptReader,
) -> list[Difference]:
    """The scripts by content: their locations differ by design; an unreadable one differs."""
    source_text = source_scripts(source["Command"]["ScriptLocation"])
    deployed_text = deployed_scripts(deployed["Command"]["ScriptLocation"])
    if source_text is not None and source_text == deployed_text:
        return []
    return [Difference("job", aws_name, "Command.Script", source_text, deployed_text)]


def _mapped_names(item: Mapping[str, Any], mapping: ImportMapping) -> dict[str, Any]:
    """An action or condition naming its job or crawler by deployed name."""
    renamed = dict(item)
    if "JobName" in renamed:
        renamed["JobName"] = mapping.deployed("job", renamed["JobName"])
    if "CrawlerName" in renamed:
        renamed["CrawlerName"] = mapping.deployed("crawler", renamed["CrawlerName"])
    return renamed


def _mapped_targets(
    crawler: tuple[str, str], targets: Mapping[str, Any], mapping: ImportMapping
) -> dict[str, Any]:
    """Targets naming their connections by deployed name."""
    renamed: dict[str, Any] = {}
    for kind, items in targets.items():
        renamed[kind] = [
            {**t, "ConnectionName": mapping.connection(crawler, t["ConnectionName"])}
            if isinstance(t, Mapping) and t.get("ConnectionName")
            else t
            for t in items or []
        ]
    return renamed


def _missing(
    kind: str, aws_name: str, source: Resource | None, deployed: Resource | None
) -> Difference:
    return Difference(
        kind, aws_name, "(resource)", "present" if source else None, "present" if deployed else None
    )
