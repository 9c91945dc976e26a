"""Drift: where a pipeline's deployed Glue resources differ from what its spec synthesizes.

The expected side is API-shaped: each resource as Glue's Create* call takes it (names and
intrinsic values resolved by the caller), so the same comparison runs against AWS and moto.
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from gluestack.ops.drift_fields import (
    CRAWLER_FIELDS,
    JOB_ARGUMENT_MAPS,
    JOB_FIELDS,
    TRIGGER_FIELDS,
    WORKFLOW_FIELDS,
    FieldRule,
    Unresolved,
)

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_s3 import S3Client

CHANGED = "changed"
MISSING = "missing"
NOT_IN_SPEC = "not in the spec"
NOT_COMPARED = "not compared"
SCRIPT_CONTENT = "script content (sha256)"


@dataclass(frozen=True)
class Difference:
    """One field of one resource that differs (or could not be compared)."""

    kind: str  # changed | missing | not in the spec | not compared
    resource: str  # "job flights-dev-clean"
    field: str  # "NumberOfWorkers", "DefaultArguments[--database]", "" for a whole resource
    expected: Any
    deployed: Any


@dataclass(frozen=True)
class ExpectedPipeline:
    """What the spec synthesizes, by deployed name, as Glue's Create* calls take it."""

    resource_prefix: str  # jobs, crawlers and triggers with it belong to the pipeline
    jobs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    crawlers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    triggers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    workflows: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # job name -> SHA-256 (hex) of the script file the assembly ships for it
    scripts: Mapping[str, "str | Unresolved"] = field(default_factory=dict)


def pipeline_drift(
    glue: "GlueClient", s3: "S3Client", expected: ExpectedPipeline
) -> list[Difference]:
    """Every difference between the expected resources and the deployed ones, by resource."""
    jobs = _by_name(p["Jobs"] for p in glue.get_paginator("get_jobs").paginate())
    crawlers = _by_name(p["Crawlers"] for p in glue.get_paginator("get_crawlers").paginate())
    triggers = _by_name(p["Triggers"] for p in glue.get_paginator("get_triggers").paginate())
    prefix = expected.resource_prefix
    differences = [
        *_kind_drift("job", expected.jobs, jobs, prefix, _job_fields),
        *_script_drift(s3, expected, jobs),
        *_kind_drift("crawler", expected.crawlers, crawlers, prefix, _fields(CRAWLER_FIELDS)),
        *_kind_drift("trigger", expected.triggers, triggers, prefix, _fields(TRIGGER_FIELDS)),
    ]
    workflows = {name: _workflow(glue, name) for name in expected.workflows}
    deployed_workflows = {name: w for name, w in workflows.items() if w is not None}
    # Only the spec's own workflow is looked at: workflow names carry no resource prefix.
    differences += _kind_drift(
        "workflow", expected.workflows, deployed_workflows, None, _fields(WORKFLOW_FIELDS)
    )
    return differences


def _by_name(pages: Iterable[Iterable[Any]]) -> dict[str, Mapping[str, Any]]:
    return {resource["Name"]: resource for page in pages for resource in page}


def _workflow(glue: "GlueClient", name: str) -> Mapping[str, Any] | None:
    try:
        workflow: Mapping[str, Any] = glue.get_workflow(Name=name)["Workflow"]
    except glue.exceptions.EntityNotFoundException:
        return None
    return workflow


FieldDiff = Iterator[tuple[str, Any, Any]]  # (field, expected, deployed) of unequal fields


def _kind_drift(
    kind: str,
    expected: Mapping[str, Mapping[str, Any]],
    deployed: Mapping[str, Mapping[str, Any]],
    prefix: str | None,
    fields: Callable[[Mapping[str, Any], Mapping[str, Any]], FieldDiff],
) -> Iterator[Difference]:
    for name, description in expected.items():
        resource = f"{kind} {name}"
        if name not in deployed:
            yield Difference(MISSING, resource, "", "in the spec", None)
            continue
        for field_name, want, have in fields(description, deployed[name]):
            yield _difference(resource, field_name, want, have)
    if prefix is not None:
        for name in sorted(set(deployed) - set(expected)):
            if name.startswith(prefix):
                yield Difference(NOT_IN_SPEC, f"{kind} {name}", "", None, "deployed")


def _difference(resource: str, field_name: str, expected: Any, deployed: Any) -> Difference:
    why = _unresolved_reason(expected)
    if why is not None:
        return Difference(NOT_COMPARED, resource, field_name, f"not compared: {why}", deployed)
    return Difference(CHANGED, resource, field_name, expected, deployed)


def _fields(
    rules: tuple[FieldRule, ...],
) -> Callable[[Mapping[str, Any], Mapping[str, Any]], FieldDiff]:
    def compare(expected: Mapping[str, Any], deployed: Mapping[str, Any]) -> FieldDiff:
        for rule in rules:
            if not rule.applies(expected):
                continue
            want, have = rule.expected(expected), rule.deployed(deployed)
            if _unresolved_reason(want) is not None or want != have:
                yield rule.name, want, have

    return compare


def _job_fields(expected: Mapping[str, Any], deployed: Mapping[str, Any]) -> FieldDiff:
    yield from _fields(JOB_FIELDS)(expected, deployed)
    for argument_map in JOB_ARGUMENT_MAPS:
        want = expected.get(argument_map) or {}
        have = deployed.get(argument_map) or {}
        if isinstance(want, Unresolved):
            yield argument_map, want, have
            continue
        for key in [*want, *sorted(set(have) - set(want))]:
            if _unresolved_reason(want.get(key)) is not None or want.get(key) != have.get(key):
                yield f"{argument_map}[{key}]", want.get(key), have.get(key)


def _script_drift(
    s3: "S3Client", expected: ExpectedPipeline, deployed: Mapping[str, Mapping[str, Any]]
) -> Iterator[Difference]:
    for name, want in expected.scripts.items():
        if name not in deployed:
            continue  # reported missing already
        location = deployed[name].get("Command", {}).get("ScriptLocation", "")
        resource = f"job {name}"
        have = _object_sha256(s3, location)
        if isinstance(want, Unresolved) or want != have:
            yield _difference(resource, SCRIPT_CONTENT, want, have)


def _object_sha256(s3: "S3Client", location: str) -> str:
    """The SHA-256 of the object at an s3:// location, or what stands there instead."""
    bucket, _, key = location.removeprefix("s3://").partition("/")
    if not location.startswith("s3://") or not key:
        return f"not an S3 object location: {location!r}"
    try:
        body = s3.get_object(Bucket=bucket, Key=key)["Body"]
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        if code in ("NoSuchKey", "NoSuchBucket", "404"):
            return f"no object at {location}"
        raise
    digest = hashlib.sha256()
    for chunk in body.iter_chunks(1 << 20):
        digest.update(chunk)
    return digest.hexdigest()


def _unresolved_reason(value: Any) -> str | None:
    """Why value (or a part of it) could not be resolved; None when it was."""
    if isinstance(value, Unresolved):
        return value.reason
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, list | tuple):
        for item in value:
            reason = _unresolved_reason(item)
            if reason is not None:
                return reason
    return None


def as_json(differences: list[Difference]) -> str:
    """The differences as a JSON list of objects, for scripts and CI."""
    rows = [
        {
            "kind": d.kind,
            "resource": d.resource,
            "field": d.field,
            "expected": d.expected,
            "deployed": d.deployed,
        }
        for d in differences
    ]
    return json.dumps(rows, default=str, indent=2)
