"""Cross-references a pydantic model cannot check alone: names used must be declared."""

from gluestack.spec.errors import SpecIssue
from gluestack.spec.pipeline import PipelineSpec


def check_references(spec: PipelineSpec) -> list[SpecIssue]:
    """Return one issue per undeclared or clashing name used in the spec."""
    return [
        *_check_outputs(spec),
        *_check_crawler_tables(spec),
        *_check_job_inputs(spec),
        *_check_trigger_targets(spec),
        *_check_single_start(spec),
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


def _check_crawler_tables(spec: PipelineSpec) -> list[SpecIssue]:
    tables = sorted({*spec.sources, *spec.outputs()})
    return [
        SpecIssue(
            ("crawlers", name, "tables", index),
            f"'{table}' is not a declared source or job output; " + _declared("tables", tables),
        )
        for name, crawler in spec.crawlers.items()
        for index, table in enumerate(crawler.tables)
        if table not in tables
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
            elif table not in tables:
                message = f"'{table}' is not a declared source or another job's output; "
                issues.append(SpecIssue(path, message + _declared("tables", readable)))
    return issues


def _check_trigger_targets(spec: PipelineSpec) -> list[SpecIssue]:
    issues: list[SpecIssue] = []
    declared = {"job": list(spec.jobs), "crawler": list(spec.crawlers)}
    for name, trigger in spec.triggers.items():
        targets = [("actions", i, t) for i, t in enumerate(trigger.actions)]
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


def _check_single_start(spec: PipelineSpec) -> list[SpecIssue]:
    starts = [name for name, t in spec.triggers.items() if t.type == "on_demand"]
    if spec.triggers and len(starts) != 1:
        found = ", ".join(starts) if starts else "none"
        return [
            SpecIssue(
                ("triggers",),
                f"a Glue workflow starts from exactly one on_demand trigger; found: {found}",
            )
        ]
    return []
