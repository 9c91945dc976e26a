"""`gluestack upgrade-check`: run a pipeline offline as deployed and with its Spark jobs moved to
another Glue version, and say what changed: each job's state and message, and each output's
rows and columns; with what the scripts do that the version changes (findings.py).

Both runs go through deployed templates: the second deploys a copy of the cloud assembly whose
pipeline-stack jobs name the target GlueVersion, over a copy of the workspace, so neither run
touches the workspace itself.
"""

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.pipeline_run import PipelineNotDeployed, executing_app, run_workflow
from gluestack.local.records.workspace import Workspace
from gluestack.local.upgrade.findings import Finding, script_findings
from gluestack.ops import client, glue_client, pipeline_manifest
from gluestack.spec.job_arguments import location_parameter
from gluestack.spec.job_options import PYTHON_SHELL
from gluestack.spec.names import pipeline_stack_name

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from gluestack.spec.pipeline import PipelineSpec


@dataclass(frozen=True)
class WrittenTable:
    """What a run left in an output's folder (rows None: nothing there)."""

    rows: int | None
    columns: tuple[str, ...]


@dataclass(frozen=True)
class JobChange:
    """One job under both versions: its states, the target's message, its outputs."""

    job: str
    before: str
    after: str
    message: str
    outputs: dict[str, tuple[WrittenTable, WrittenTable]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.before != self.after or any(a != b for a, b in self.outputs.values())


@dataclass(frozen=True)
class UpgradeReport:
    pipeline: str
    target: str
    jobs: list[JobChange]
    findings: list[Finding]

    @property
    def clean(self) -> bool:
        """Nothing changed and nothing found that breaks."""
        return not any(j.changed for j in self.jobs) and not any(f.breaks for f in self.findings)


def upgrade_check(
    cdk_out: Path,
    env: str,
    spec: "PipelineSpec",
    project_root: Path,
    workspace: Workspace,
    target: str,
    spark: "SparkSession",
) -> UpgradeReport:
    """Run spec's pipeline as deployed and with its Spark jobs on target; compare the two."""
    with tempfile.TemporaryDirectory(prefix="gluestack-upgrade-") as scratch:
        folder = Path(scratch)
        upgraded = _retargeted(
            cdk_out, folder / "cdk.out", pipeline_stack_name(env, spec.name), target
        )
        runs = {}
        for label, assembly in (("before", cdk_out), ("after", upgraded)):
            copy = Workspace(folder / label)
            if workspace.root.is_dir():
                shutil.copytree(workspace.root, copy.root)
            runs[label] = _run(assembly, env, spec, copy, spark)
        arguments = runs["before"][1]
    changes = []
    for job in spec.jobs:
        (state, message, tables), (new_state, new_message, new_tables) = (
            runs["before"][0][job],
            runs["after"][0][job],
        )
        outputs = {t: (tables[t], new_tables[t]) for t in spec.jobs[job].outputs}
        changes.append(JobChange(job, state, new_state, new_message or message, outputs))
    findings = [
        finding
        for name, job in spec.jobs.items()
        if job.type != PYTHON_SHELL
        for finding in script_findings(name, project_root / job.script, arguments[name], target)
    ]
    return UpgradeReport(spec.name, target, changes, findings)


_Outcome = tuple[str, str, dict[str, WrittenTable]]


def _run(
    cdk_out: Path, env: str, spec: "PipelineSpec", workspace: Workspace, spark: "SparkSession"
) -> tuple[dict[str, _Outcome], dict[str, dict[str, str]]]:
    """Each job's last state, message and written outputs; each job's deployed arguments."""
    with executing_app(cdk_out, workspace) as offline:
        manifest = pipeline_manifest(
            client(offline.session, "cloudformation"), pipeline_stack_name(env, spec.name)
        )
        run = run_workflow(offline, manifest)
        glue = glue_client(offline.session)
        deployed = {name: glue.get_job(JobName=manifest.jobs[name])["Job"] for name in spec.jobs}
    states = {o.node.name: (o.state, o.detail) for o in run.outcomes if o.node.kind == "job"}
    outcomes: dict[str, _Outcome] = {}
    for name, job in spec.jobs.items():
        arguments = deployed[name].get("DefaultArguments", {})
        state, detail = states.get(manifest.jobs[name], ("NOT RUN", ""))
        tables = {
            table: _written(
                spark, workspace.local_path(arguments[location_parameter(table)]), output.format
            )
            for table, output in job.outputs.items()
        }
        outcomes[name] = (state, "" if state == "SUCCEEDED" else detail, tables)
    return outcomes, {name: job.get("DefaultArguments", {}) for name, job in deployed.items()}


def _written(spark: "SparkSession", folder: Path, data_format: str) -> WrittenTable:
    if not folder.is_dir() or not any(p.is_file() for p in folder.rglob("*")):
        return WrittenTable(None, ())
    frame = spark.read.format(data_format).load(str(folder))
    return WrittenTable(frame.count(), tuple(f"{n}:{t}" for n, t in frame.dtypes))


def _retargeted(cdk_out: Path, target_out: Path, stack_name: str, version: str) -> Path:
    """A copy of the assembly whose pipeline stack's Spark jobs run on version."""
    shutil.copytree(cdk_out, target_out)
    # The CDK names a stack's template after its artifact id, which gluestack's stacks keep
    # equal to their name.
    template_file = target_out / f"{stack_name}.template.json"
    if not template_file.is_file():
        raise PipelineNotDeployed(f"no template {template_file.name} in {cdk_out}")
    template = json.loads(template_file.read_text())
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        if (
            resource.get("Type") == "AWS::Glue::Job"
            and properties["Command"]["Name"] != PYTHON_SHELL
        ):
            properties["GlueVersion"] = version
    template_file.write_text(json.dumps(template))
    return target_out
