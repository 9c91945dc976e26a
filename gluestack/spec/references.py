"""Cross-references a pydantic model cannot check alone: names used must be declared."""

from gluestack.spec.errors import SpecIssue
from gluestack.spec.names import output_ruleset_key
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.transform_steps.checks import check_transforms
from gluestack.spec.trigger import Target
from gluestack.spec.trigger_graph import check_cycles


def check_references(spec: PipelineSpec, environments: list[str] | None = None) -> list[SpecIssue]:
    """Return one issue per undeclared, clashing or looping name used in the spec.

    environments: the deployable environment names; when given, every name the spec uses for
    an environment must be one of them.
    """
    return [
        *_check_outputs(spec),
        *_check_output_prefixes(spec),
        *_check_crawler_tables(spec),
        *_check_crawled_folder_names(spec),
        *_check_crawler_connections(spec),
        *_check_job_inputs(spec),
        *_check_trigger_targets(spec),
        *_check_action_arguments(spec),
        *_check_table_rulesets(spec),
        *_check_single_start(spec),
        *check_cycles(spec),
        *check_transforms(spec),
        *(_check_environments(spec, environments) if environments is not None else []),
    ]


def _declared(kind: str, names: list[str]) -> str:
    return f"declared {kind}: {', '.join(sorted(names))}" if names else f"no {kind} are declared"


def _check_outputs(spec: PipelineSpec) -> list[SpecIssue]:
    issues: list[SpecIssue] = []
    writer_of: dict[str, str] = {}
    for job_name, job in spec.jobs.items():
        for table in job.outputs:
            path = ("jobs", job_name, "outputs", table)
            if table in spec.sources:
                message = f"'{table}' is already a raw source; give the output another name"
                issues.append(SpecIssue(path, message))
            elif table in writer_of:
                message = f"table '{table}' is already written by job '{writer_of[table]}'"
                issues.append(SpecIssue(path, message))
            writer_of.setdefault(table, job_name)
    return issues


def _check_output_prefixes(spec: PipelineSpec) -> list[SpecIssue]:
    """Output folders in the curated bucket may not nest: a job would read what it writes."""
    issues: list[SpecIssue] = []
    outputs = spec.outputs()
    for job_name, job in spec.jobs.items():
        for table, output in job.outputs.items():
            for other, other_output in outputs.items():
                if other == table or not _nested(output.prefix, other_output.prefix):
                    continue
                role = "an input of this job" if other in job.inputs else "another output"
                issues.append(
                    SpecIssue(
                        ("jobs", job_name, "outputs", table, "prefix"),
                        f"'{output.prefix}' overlaps '{other_output.prefix}' of '{other}' "
                        f"({role}); give each table its own folder",
                    )
                )
    return issues


def _nested(prefix: str, other: str) -> bool:
    return prefix.startswith(other) or other.startswith(prefix)


def _check_crawler_tables(spec: PipelineSpec) -> list[SpecIssue]:
    tables = sorted({*spec.sources, *spec.outputs()})
    return [
        SpecIssue(
            ("crawlers", name, field, index),
            f"'{table}' is not a declared source or job output; " + _declared("tables", tables),
        )
        for name, crawler in spec.crawlers.items()
        for field, names in (("tables", crawler.tables), ("catalog_tables", crawler.catalog_tables))
        for index, table in enumerate(names)
        if table not in tables
    ]


def _check_crawled_folder_names(spec: PipelineSpec) -> list[SpecIssue]:
    """A crawler names each table after its folder, so the folder must carry the table's name."""
    locations = {name: o.prefix for name, o in spec.outputs().items()}
    locations.update({name: s.prefix for name, s in spec.sources.items()})
    issues: list[SpecIssue] = []
    for name, crawler in spec.crawlers.items():
        for index, table in enumerate(crawler.tables):
            folder = locations.get(table, table + "/").rstrip("/").rsplit("/", 1)[-1]
            if folder != table:
                issues.append(
                    SpecIssue(
                        ("crawlers", name, "tables", index),
                        f"the crawler would name '{table}' after its folder '{folder}'; "
                        f"end the table's prefix with '{table}/'",
                    )
                )
    return issues


def _check_crawler_connections(spec: PipelineSpec) -> list[SpecIssue]:
    return [
        SpecIssue(
            ("crawlers", name, "jdbc", index, "connection"),
            f"connection '{target.connection}' is not declared; "
            + _declared("connections", list(spec.connections)),
        )
        for name, crawler in spec.crawlers.items()
        for index, target in enumerate(crawler.jdbc)
        if target.connection not in spec.connections
    ]


def _check_environments(spec: PipelineSpec, environments: list[str]) -> list[SpecIssue]:
    used: list[tuple[tuple[str | int, ...], str]] = []
    for name, job in spec.jobs.items():
        used += [(("jobs", name, "environments", env), env) for env in job.environments]
    for name, crawler in spec.crawlers.items():
        used += [
            (("crawlers", name, "schedule_enabled_in", i), env)
            for i, env in enumerate(crawler.schedule_enabled_in)
        ]
    for name, trigger in spec.triggers.items():
        used += [
            (("triggers", name, "enabled_in", i), env) for i, env in enumerate(trigger.enabled_in)
        ]
    return [
        SpecIssue(
            path,
            f"environment '{env}' is not declared in cdk.json; "
            + _declared("environments", environments),
        )
        for path, env in used
        if env not in environments
    ]


def _check_job_inputs(spec: PipelineSpec) -> list[SpecIssue]:
    issues: list[SpecIssue] = []
    tables = sorted({*spec.sources, *spec.outputs()})
    for name, job in spec.jobs.items():
        readable = [t for t in tables if t not in job.outputs]
        for index, table in enumerate(job.inputs):
            path = ("jobs", name, "inputs", index)
            if table in job.outputs:
                issues.append(SpecIssue(path, f"'{table}' is an output of this same job"))
            elif table not in tables and spec.database_table_connection(table) is None:
                message = (
                    f"'{table}' is not a declared source, another job's output, or a database "
                    "table a JDBC crawler of this pipeline catalogs; "
                )
                issues.append(SpecIssue(path, message + _declared("tables", readable)))
        if job.transform is not None:
            for source_name, source in job.transform.sources.items():
                connection = spec.database_table_connection(source.table or "")
                if connection is not None and source.table not in tables:
                    issues.append(
                        SpecIssue(
                            ("jobs", name, "transform", "sources", source_name, "table"),
                            f"'{source.table}' is a database table (connection '{connection}'): "
                            "generated jobs read S3 sources and job outputs; read it in a "
                            "hand-written script with from_catalog",
                        )
                    )
        issues += [
            SpecIssue(
                ("jobs", name, "connections", index),
                f"connection '{connection}' is not declared; "
                + _declared("connections", list(spec.connections)),
            )
            for index, connection in enumerate(job.connections)
            if connection not in spec.connections
        ]
    return issues


def _check_trigger_targets(spec: PipelineSpec) -> list[SpecIssue]:
    issues: list[SpecIssue] = []
    declared = {"job": list(spec.jobs), "crawler": list(spec.crawlers)}
    for name, trigger in spec.triggers.items():
        for index, source in enumerate(trigger.on_new_files):
            if source not in spec.sources:
                issues.append(
                    SpecIssue(
                        ("triggers", name, "on_new_files", index),
                        f"'{source}' is not a declared source; "
                        + _declared("sources", list(spec.sources)),
                    )
                )
        targets: list[tuple[str, int, Target]] = [
            ("actions", i, t) for i, t in enumerate(trigger.actions)
        ]
        targets += [("conditions", i, c) for i, c in enumerate(trigger.conditions)]
        for field, index, target in targets:
            if target.name not in declared[target.kind]:
                issues.append(
                    SpecIssue(
                        ("triggers", name, field, index, target.kind),
                        f"{target.kind} '{target.name}' is not declared; "
                        + _declared(f"{target.kind}s", declared[target.kind]),
                    )
                )
    return issues


def _check_action_arguments(spec: PipelineSpec) -> list[SpecIssue]:
    """A trigger action's arguments go to its job's runs: the job's own argument rules apply."""
    return [
        SpecIssue(("triggers", name, "actions", index, "arguments", argument), refusal)
        for name, trigger in spec.triggers.items()
        for index, action in enumerate(trigger.actions)
        if action.job in spec.jobs
        for argument, value in action.arguments.items()
        if (refusal := spec.jobs[action.job].argument_refusal(argument, value))
    ]


def _check_table_rulesets(spec: PipelineSpec) -> list[SpecIssue]:
    """A table's rules are in one place, and every ruleset deploys under a name of its own."""
    checked = {
        table: job
        for job, job_spec in spec.jobs.items()
        for table, output in job_spec.outputs.items()
        if output.data_quality is not None
    }
    issues: list[SpecIssue] = []
    for key, ruleset in spec.rulesets.items():
        if ruleset.table in checked:
            where = f"jobs.{checked[ruleset.table]}.outputs.{ruleset.table}.data_quality"
            message = (
                f"table '{ruleset.table}' has rules in {where} already; keep its rules in one "
                "place: merge them there, or remove that data_quality"
            )
            issues.append(SpecIssue(("rulesets", key, "table"), message))
        clashing = [table for table in checked if output_ruleset_key(table) == key]
        if clashing:
            message = (
                f"'{key}' is the deployed name of jobs.{checked[clashing[0]]}.outputs."
                f"{clashing[0]}.data_quality's ruleset; give this ruleset another key"
            )
            issues.append(SpecIssue(("rulesets", key), message))
    return issues


def _check_single_start(spec: PipelineSpec) -> list[SpecIssue]:
    starts = [name for name, t in spec.triggers.items() if t.starts_workflow]
    if spec.triggers and len(starts) != 1:
        found = ", ".join(starts) if starts else "none"
        return [
            SpecIssue(
                ("triggers",),
                "a Glue workflow starts from exactly one on_demand, scheduled or event trigger; "
                f"found: {found}",
            )
        ]
    return []
