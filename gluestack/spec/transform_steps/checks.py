"""A transform checked against its sources' columns, step by step, before any script exists.

Columns come from the spec: a transform source's own `columns`, else the `columns` declared on
the job output it reads. Each step (registry.STEPS, in order) sees the columns the previous one
left; what the last leaves must fit the output's partition keys and declared columns.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from gluestack.spec.errors import FieldPath, SpecIssue
from gluestack.spec.job import JobSpec
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.transform import TransformSource, TransformSpec
from gluestack.spec.transform_steps.columns import (
    Columns,
    column_names,
    main_source,
    referenced_columns,
)
from gluestack.spec.transform_steps.registry import STEPS
from gluestack.spec.transform_steps.step import CheckState, TransformStep

__all__ = [
    "Columns",
    "Walk",
    "check_transforms",
    "declared_columns",
    "referenced_columns",
    "source_columns",
    "walk",
]


def check_transforms(spec: PipelineSpec) -> list[SpecIssue]:
    """Every transform's problems, each at its field."""
    return [
        issue
        for name, job in spec.jobs.items()
        if job.transform is not None
        for issue in _check(spec, name, job)[1]
    ]


@dataclass(frozen=True)
class Walk:
    """A transform's present steps, each with the columns it starts from, and what they left."""

    steps: list[tuple[TransformStep, Columns]]
    columns: Columns
    issues: list[SpecIssue]


def walk(transform: TransformSpec, sources: Mapping[str, Columns], where: FieldPath = ()) -> Walk:
    """Run each present step's check in order, from the main source's columns."""
    state = CheckState(transform, dict(sources[main_source(transform)]), sources, where)
    steps = []
    for step in STEPS:
        if step.present(transform):
            steps.append((step, dict(state.columns)))
            step.check(state)
    return Walk(steps, state.columns, state.issues)


def declared_columns(spec: PipelineSpec, source: TransformSource) -> Columns:
    """The source's columns as the spec declares them: on the source, or on the output it reads;
    empty when neither does."""
    outputs = spec.outputs()
    declared = outputs[source.table].columns if source.table in outputs else {}
    return dict(source.columns or declared)


def source_columns(spec: PipelineSpec, transform: TransformSpec) -> dict[str, Columns]:
    """Each source's declared columns, by source name."""
    return {name: declared_columns(spec, source) for name, source in transform.sources.items()}


def _check(spec: PipelineSpec, name: str, job: JobSpec) -> tuple[Columns, list[SpecIssue]]:
    """What the transform writes, and its problems; no columns when a source's are unknown."""
    assert job.transform is not None
    transform, where = job.transform, ("jobs", name, "transform")
    sources = source_columns(spec, transform)
    undeclared = [source for source, columns in sources.items() if not columns]
    if undeclared:
        issues = [
            _undeclared(spec, where, source, transform.sources[source]) for source in undeclared
        ]
        return {}, [issue for issue in issues if issue is not None]
    walked = walk(transform, sources, where)
    return walked.columns, [*walked.issues, *_output_issues(job, walked.columns, where)]


def _undeclared(
    spec: PipelineSpec, where: FieldPath, name: str, source: TransformSource
) -> SpecIssue | None:
    output = spec.outputs().get(source.table or "")
    if source.table is not None and output is None and source.table not in spec.sources:
        return None  # an undeclared table: the reference check reports it
    return SpecIssue(
        (*where, "sources", name, "columns"),
        f"the columns of '{source.table or source.path}' are not declared: list them here "
        "(name: type)" + (" or on the job output that writes it" if output else ""),
    )


def _output_issues(job: JobSpec, columns: Columns, where: FieldPath) -> list[SpecIssue]:
    table = job.transform_output
    output = job.outputs[table]
    issues = [
        SpecIssue(
            (*where, "output"),
            f"partition key '{key}' of '{table}' (partition_keys[{index}]) is not written; "
            f"the columns are {column_names(columns)}",
        )
        for index, key in enumerate(output.partition_keys)
        if key not in columns
    ]
    if output.columns and output.columns != columns:
        issues.append(
            SpecIssue(
                (*where, "output"),
                f"'{table}' declares columns {column_names(output.columns)} but the transform "
                f"writes {column_names(columns)}; drop the declaration or make them agree",
            )
        )
    return issues
