"""GluePipeline: a pipeline declared in Python, inside a stack of the user's, checked as YAML is."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import aws_cdk as cdk
import pytest
import yaml

from gluestack.cdk import DeployEnvironment, GluePipeline, shared_stacks
from gluestack.spec import (
    Action,
    JobSpec,
    OutputSpec,
    PipelineSpec,
    SourceSpec,
    SpecError,
    TriggerSpec,
    load,
)
from gluestack.spec.manifest import MANIFEST_OUTPUT, PipelineManifest
from tests.cdk.conftest import context

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE = re.compile(r"<!-- readme-example: cdk-python -->\n```python\n(.*?)```", re.DOTALL)
ENV = DeployEnvironment(name="dev", region="eu-west-1", retain_data=False)
# A user's cdk.json holds CDK's recommended feature flags (`cdk init` writes them); gluestack's
# stacks rely on them, e.g. server access logs granted by bucket policy.
FEATURE_FLAGS = {k: v for k, v in context("dev").items() if k.startswith("@aws-cdk")}


def _project(root: Path) -> Path:
    (root / "glue_scripts").mkdir(parents=True)
    (root / "glue_scripts" / "orders_clean.py").write_text("print('clean')\n")
    return root


def test_the_readme_app_declares_a_pipeline_in_python_and_synthesizes_it(tmp_path: Path) -> None:
    found = EXAMPLE.search(README.read_text())
    assert found, "README lost its `readme-example: cdk-python` block"
    project = _project(tmp_path / "project")
    (project / "app.py").write_text(found.group(1))
    out = tmp_path / "cdk.out"
    # As `cdk synth` runs an app: the context (here only CDK's flags) and outdir in the environment.
    environment = {"CDK_OUTDIR": str(out), "CDK_CONTEXT_JSON": json.dumps(FEATURE_FLAGS)}
    synth = subprocess.run(
        [sys.executable, "app.py"],
        cwd=project,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert synth.returncode == 0, synth.stderr[-3000:]

    template = json.loads((out / "SalesAnalytics.template.json").read_text())
    resources = template["Resources"].values()
    jobs = [r["Properties"]["Name"] for r in resources if r["Type"] == "AWS::Glue::Job"]
    triggers = [r["Properties"] for r in resources if r["Type"] == "AWS::Glue::Trigger"]
    assert jobs == ["orders-dev-clean"]
    conditional = next(t for t in triggers if t["Type"] == "CONDITIONAL")
    assert conditional["Predicate"]["Logical"] == "AND"
    outputs = template["Outputs"]
    manifest = PipelineManifest.from_json(outputs[MANIFEST_OUTPUT + "Orders"]["Value"])
    assert (manifest.workflow, manifest.jobs, manifest.database) == (
        "orders-dev",
        {"clean": "orders-dev-clean"},
        "sales_dev",
    )
    assembly = json.loads((out / "manifest.json").read_text())["artifacts"]
    assert "gluestack-dev-catalog" in assembly["SalesAnalytics"]["dependencies"]


def _issues(error: SpecError) -> list[tuple[str, str]]:
    return [(issue.dotted_path(), issue.message) for issue in error.issues]


def _yaml_issues(tmp_path: Path, project: Path, data: dict[str, Any]) -> list[tuple[str, str]]:
    path = tmp_path / "pipelines" / "orders.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(SpecError) as loaded:
        load(path, project)
    return _issues(loaded.value)


def _construct_error(project: Path, spec: PipelineSpec | dict[str, Any]) -> SpecError:
    app = cdk.App(context=FEATURE_FLAGS, outdir=str(project / "cdk.out"))
    shared = shared_stacks(app, ENV, [])
    stack = cdk.Stack(app, "SalesAnalytics")
    with pytest.raises(SpecError) as built:
        GluePipeline(
            stack, "Orders", spec=spec, environment=ENV, shared=shared, project_root=project
        )
    assert not stack.node.children, "a refused spec must add nothing to the stack"
    assert str(built.value).startswith("construct SalesAnalytics/Orders: invalid pipeline spec")
    return built.value


def test_a_python_spec_is_refused_with_the_same_issues_as_the_same_yaml(tmp_path: Path) -> None:
    project = _project(tmp_path)
    spec = PipelineSpec(
        name="orders",
        database="sales",
        sources={"orders_raw": SourceSpec(prefix="orders/", format="csv")},
        jobs={
            "clean": JobSpec(
                script="glue_scripts/missing.py",
                inputs=["orders_raw", "returns"],
                outputs={"orders_clean": OutputSpec(prefix="orders_clean/")},
            )
        },
        triggers={"start": TriggerSpec(type="on_demand", actions=[Action(job="publish")])},
    )
    issues = _issues(_construct_error(project, spec))
    assert [path for path, _ in issues] == [
        "jobs.clean.inputs[1]",
        "triggers.start.actions[0].job",
        "jobs.clean.script",
    ]
    as_yaml = spec.model_dump(mode="json", exclude_defaults=True)
    assert issues == _yaml_issues(tmp_path, project, as_yaml)


def test_a_mapping_with_a_bad_field_is_refused_as_its_yaml_file_is(tmp_path: Path) -> None:
    project = _project(tmp_path)
    data: dict[str, Any] = {
        "name": "orders",
        "database": "sales",
        "jobs": {"clean": {"script": "glue_scripts/orders_clean.py", "worker_type": "G.9X"}},
    }
    issues = _issues(_construct_error(project, data))
    assert [path for path, _ in issues] == ["jobs.clean.worker_type"]
    assert issues == _yaml_issues(tmp_path, project, data)
