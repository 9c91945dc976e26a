"""Data quality results kept between offline sessions, as an AWS account keeps them.

An executing offline account saves every result (GetDataQualityResult's shape, read through the
API) and the manifests of the pipelines run in it to the workspace when it stops, and restores
the results when it starts, so `gluestack dq results PIPELINE --workspace .gluestack` reads
them with no account running.
"""

import json
from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3

from gluestack.local.moto_extensions.data_quality_api import record_result
from gluestack.local.records.workspace import Workspace
from gluestack.ops.data_quality import described_results, result_ids
from gluestack.ops.stacks import PipelineManifest

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

_FILE = "data_quality.json"
_TIMES = ("StartedOn", "CompletedOn")


class NoOfflineResults(LookupError):
    """The workspace holds no data quality results: no offline run has ended there yet."""


def results_file(workspace: Workspace) -> Path:
    return workspace.root / _FILE


def save_results(
    glue: "GlueClient", workspace: Workspace, manifests: list[PipelineManifest]
) -> Path:
    """Every result in the account, and the manifests (merged with those saved before)."""
    results = [_epoch_times(r) for r in described_results(glue, result_ids(glue))]
    saved = _read(workspace) if results_file(workspace).is_file() else {"manifests": {}}
    kept = {**saved["manifests"], **{m.pipeline: asdict(m) for m in manifests}}
    target = results_file(workspace)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_suffix(".json.tmp")
    staged.write_text(json.dumps({"results": results, "manifests": kept}, indent=1))
    staged.replace(target)
    return target


def restore_results(session: boto3.Session, workspace: Workspace) -> None:
    """Put the saved results back into the session's (in-process) offline account."""
    if not results_file(workspace).is_file():
        return
    account = session.client("sts").get_caller_identity()["Account"]
    for result in _read(workspace)["results"]:
        record_result(account, str(session.region_name), result)


def saved_manifest(workspace: Workspace, pipeline: str) -> PipelineManifest | None:
    """The manifest of a pipeline an offline run in the workspace deployed, if any."""
    if not results_file(workspace).is_file():
        raise NoOfflineResults(
            f"{results_file(workspace)}: no data quality results yet; "
            "`gluestack local run PIPELINE` leaves them"
        )
    manifest = _read(workspace)["manifests"].get(pipeline)
    return PipelineManifest.from_dict(manifest) if manifest else None


def _read(workspace: Workspace) -> dict[str, Any]:
    saved: dict[str, Any] = json.loads(results_file(workspace).read_text())
    return saved


def _epoch_times(result: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value.timestamp() if key in _TIMES and isinstance(value, datetime) else value
        for key, value in result.items()
    }
