"""Read an existing Glue estate: jobs, crawlers, triggers, workflows, connections, data quality
rulesets and databases, every page of each, narrowed to a scope.

Throttling is retried by the client's botocore retry config (gluestack.ops.clients); nothing
here loops on errors. Connections are read with HidePassword=True: a password never leaves AWS.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from gluestack.ops.estate_graph import EstateGraph

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

# The API's names, as boto3 returns them; the adopt package converts them.
Resource = dict[str, Any]
BATCH_GET_WORKFLOWS = 25  # BatchGetWorkflows takes at most 25 names


@dataclass(frozen=True)
class EstateScope:
    """What to read: everything, or what a database, a workflow or a job name prefix reaches.

    database: its crawlers, the data quality rulesets on its tables, and the jobs and triggers
    connected to those crawlers (or to jobs whose --database is it) through triggers and
    workflows. workflow: its triggers and what they start or wait for. job_prefix: the jobs
    whose names start with it, and everything connected to them. Given together, a resource is
    in scope when every one given reaches it.
    """

    database: str | None = None
    workflow: str | None = None
    job_prefix: str | None = None


@dataclass(frozen=True)
class GlueEstate:
    """Glue resources by name, as the Get* / BatchGet* calls return them."""

    jobs: dict[str, Resource] = field(default_factory=dict)
    crawlers: dict[str, Resource] = field(default_factory=dict)
    triggers: dict[str, Resource] = field(default_factory=dict)
    workflows: dict[str, Resource] = field(default_factory=dict)
    connections: dict[str, Resource] = field(default_factory=dict)
    rulesets: dict[str, Resource] = field(default_factory=dict)
    databases: dict[str, Resource] = field(default_factory=dict)

    def graph(self) -> EstateGraph:
        """Jobs and crawlers linked by the triggers (and workflows) that chain them."""
        return EstateGraph.of(self.jobs, self.crawlers, self.triggers, self.workflows)


def read_estate(glue: "GlueClient", scope: EstateScope = EstateScope()) -> GlueEstate:
    """Every page of every kind, then only what the scope reaches."""
    estate = GlueEstate(
        jobs=_by_name(_pages(glue, "get_jobs", "Jobs")),
        crawlers=_by_name(_pages(glue, "get_crawlers", "Crawlers")),
        triggers=_by_name(_pages(glue, "get_triggers", "Triggers")),
        workflows=_by_name(_workflows(glue)),
        connections=_by_name(_pages(glue, "get_connections", "ConnectionList", HidePassword=True)),
        rulesets=_by_name(_rulesets(glue)),
        databases=_by_name(_pages(glue, "get_databases", "DatabaseList")),
    )
    return in_scope(estate, scope)


# GetTags' ARN of each kind (https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html).
_TAGGED_KINDS = {
    "jobs": "job", "crawlers": "crawler", "triggers": "trigger", "workflows": "workflow",
    "rulesets": "dataQualityRuleset",
}  # fmt: skip


def with_tags(glue: "GlueClient", estate: GlueEstate, account: str, region: str) -> GlueEstate:
    """estate with each job's, crawler's, trigger's, workflow's and ruleset's tags as its
    `Tags` (Get* and BatchGet* return none), read with GetTags."""
    tagged: dict[str, dict[str, Resource]] = {}
    arn = f"arn:{glue.meta.partition}:glue:{region}:{account}"
    for attribute, kind in _TAGGED_KINDS.items():
        tagged[attribute] = {
            name: {**resource, "Tags": _tags(glue, f"{arn}:{kind}/{name}")}
            for name, resource in getattr(estate, attribute).items()
        }
    return replace(estate, **tagged)


def _tags(glue: "GlueClient", arn: str) -> dict[str, str]:
    return dict(glue.get_tags(ResourceArn=arn).get("Tags") or {})


def in_scope(estate: GlueEstate, scope: EstateScope) -> GlueEstate:
    """The part of estate the scope reaches (see EstateScope)."""
    if scope == EstateScope():
        return estate
    graph = estate.graph()
    nodes = set(graph.nodes)
    if scope.workflow is not None:
        nodes &= graph.workflow_nodes(scope.workflow)
    if scope.job_prefix is not None:
        seeds = {("job", name) for name in estate.jobs if name.startswith(scope.job_prefix)}
        nodes &= graph.reached_from(seeds)
    if scope.database is not None:
        nodes &= graph.reached_from(_database_seeds(estate, scope.database))
    names = {kind: {name for k, name in nodes if k == kind} for kind in EstateGraph.KINDS}
    workflows = {t.get("WorkflowName") for n, t in estate.triggers.items() if n in names["trigger"]}
    workflows |= names["workflow"]
    return replace(
        estate,
        jobs=_only(estate.jobs, names["job"]),
        crawlers=_only(estate.crawlers, names["crawler"]),
        triggers=_only(estate.triggers, names["trigger"]),
        workflows=_only(estate.workflows, {w for w in workflows if w}),
        rulesets={
            name: ruleset
            for name, ruleset in estate.rulesets.items()
            if scope.database is None
            or ruleset.get("TargetTable", {}).get("DatabaseName") == scope.database
        },
        databases={
            name: database
            for name, database in estate.databases.items()
            if scope.database is None or name == scope.database
        },
    )


def _database_seeds(estate: GlueEstate, database: str) -> set[tuple[str, str]]:
    crawlers = {
        ("crawler", n) for n, c in estate.crawlers.items() if c.get("DatabaseName") == database
    }
    jobs = {
        ("job", n)
        for n, j in estate.jobs.items()
        if (j.get("DefaultArguments") or {}).get("--database") == database
    }
    return crawlers | jobs


def _pages(glue: "GlueClient", operation: str, key: str, **request: Any) -> Iterator[Resource]:
    for page in glue.get_paginator(operation).paginate(**request):  # type: ignore[call-overload]
        yield from page.get(key, [])


def _workflows(glue: "GlueClient") -> Iterator[Resource]:
    names = [
        name
        for page in glue.get_paginator("list_workflows").paginate()
        for name in page.get("Workflows", [])
    ]
    for start in range(0, len(names), BATCH_GET_WORKFLOWS):
        batch = names[start : start + BATCH_GET_WORKFLOWS]
        found = glue.batch_get_workflows(Names=batch, IncludeGraph=True)
        yield from found.get("Workflows", [])  # type: ignore[misc]


def _rulesets(glue: "GlueClient") -> Iterator[Resource]:
    """ListDataQualityRulesets has no botocore paginator: its NextToken is followed here."""
    request: dict[str, Any] = {}
    while True:
        page = glue.list_data_quality_rulesets(**request)
        for listed in page.get("Rulesets", []):
            ruleset = dict(glue.get_data_quality_ruleset(Name=listed["Name"]))
            ruleset.pop("ResponseMetadata", None)
            yield ruleset
        if not page.get("NextToken"):
            return
        request["NextToken"] = page["NextToken"]


def _by_name(resources: Iterable[Resource]) -> dict[str, Resource]:
    return {resource["Name"]: dict(resource) for resource in resources}


def _only(resources: dict[str, Resource], names: set[str]) -> dict[str, Resource]:
    return {name: resource for name, resource in resources.items() if name in names}
