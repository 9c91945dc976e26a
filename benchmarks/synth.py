"""Measure 1: synth time of gluestack's app against a bare-L1 app declaring the same resources,
and how synth time grows from 10 to 200 pipelines; the 200-pipeline app must also keep every
template under CloudFormation's resource limit with no pipeline depending on another's stack
(the scale case, kept out of `make test`)."""

import json
import tempfile
from pathlib import Path

import aws_cdk as cdk

from benchmarks.measurement import Measurement, median_seconds
from gluestack.cdk.app_builder import CLOUDFORMATION_RESOURCE_LIMIT, build_app
from gluestack.cdk.compliance.gates import add_gates
from gluestack.cdk.environment import context_for_plain_python, environment_from_context
from gluestack.spec import PipelineSpec, load
from gluestack.spec.names import pipeline_stack_name

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FLIGHTS = PROJECT_ROOT / "pipelines" / "flights.yaml"
COMMAND = "python -m benchmarks --only synth"


def synth_gluestack(specs: list[PipelineSpec], outdir: Path, *, gates: bool = True) -> Path:
    """What app.py does: build every stack, add the cdk-nag / suppression gates, synthesize."""
    app = cdk.App(
        context={**context_for_plain_python(PROJECT_ROOT), "env": "dev"}, outdir=str(outdir)
    )
    build_app(app, specs, environment_from_context(app), PROJECT_ROOT)
    if gates:
        add_gates(app)
    app.synth()
    return outdir


def synth_bare_l1(templates: dict[str, dict], outdir: Path) -> None:
    """The same resources and outputs, each declared as a raw CfnResource: no L2 logic at all."""
    app = cdk.App(outdir=str(outdir))
    for stack_name, template in templates.items():
        stack = cdk.Stack(app, stack_name, synthesizer=cdk.DefaultStackSynthesizer())
        for logical_id, resource in template.get("Resources", {}).items():
            cdk.CfnResource(
                stack, logical_id, type=resource["Type"], properties=resource.get("Properties")
            )
        for output_id, output in template.get("Outputs", {}).items():
            cdk.CfnOutput(stack, output_id, value=json.dumps(output["Value"]))
    app.synth()


def copies(spec: PipelineSpec, count: int) -> list[PipelineSpec]:
    """count independent pipelines shaped like spec, each with its own database."""
    return [
        spec.model_copy(update={"name": f"p{i:03d}", "database": f"db{i:03d}"})
        for i in range(count)
    ]


def scale_problems(assembly: Path, env: str = "dev") -> list[str]:
    """What breaks at scale in env's synthesized assembly: a template over CloudFormation's
    resource limit, or a pipeline stack depending on another pipeline's."""
    problems = [
        f"{path.name} has {count} resources"
        for path in sorted(assembly.glob("*.template.json"))
        if (count := len(json.loads(path.read_text()).get("Resources", {})))
        >= CLOUDFORMATION_RESOURCE_LIMIT
    ]
    artifacts = json.loads((assembly / "manifest.json").read_text())["artifacts"]
    pipelines = {
        name
        for name, artifact in artifacts.items()
        if artifact.get("type") == "aws:cloudformation:stack"
        and name.startswith(pipeline_stack_name(env, ""))
    }
    for name in sorted(pipelines):
        others = set(artifacts[name].get("dependencies", [])) & (pipelines - {name})
        if others:
            problems.append(f"{name} depends on {', '.join(sorted(others))}")
    return problems


def measure() -> list[Measurement]:
    flights = load(FLIGHTS, PROJECT_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        # Warm up the jsii kernel so neither side pays its start-up.
        out = synth_gluestack([flights], work / "warm")
        templates = {
            path.name.removesuffix(".template.json"): json.loads(path.read_text())
            for path in out.glob("*.template.json")
        }
        resources = sum(len(t.get("Resources", {})) for t in templates.values())
        bare = median_seconds(lambda: synth_bare_l1(templates, work / "l1"))
        gated = median_seconds(lambda: synth_gluestack([flights], work / "gated"))
        ungated = median_seconds(lambda: synth_gluestack([flights], work / "ungated", gates=False))
        ten = median_seconds(lambda: synth_gluestack(copies(flights, 10), work / "ten"), 1)
        two_hundred = median_seconds(
            lambda: synth_gluestack(copies(flights, 200), work / "two_hundred"), 1
        )
        problems = scale_problems(work / "two_hundred")
    per_pipeline_10, per_pipeline_200 = ten / 10, two_hundred / 200
    return [
        Measurement(
            1,
            "synth, flights app (as app.py: constructs + cdk-nag gates)",
            gated,
            "s",
            bare,
            f"bare-L1 app, same {resources} resources",
            1.5,
            "ratio",
            COMMAND,
            f"constructs without the gates: {ungated:.2f} s ({ungated / bare:.2f}x)",
        ),
        Measurement(
            1,
            "synth growth: seconds per pipeline at 200 pipelines",
            per_pipeline_200,
            "s",
            per_pipeline_10,
            "seconds per pipeline at 10 pipelines",
            1.0,
            "ratio",
            COMMAND,
            f"10 pipelines {ten:.1f} s, 200 pipelines {two_hundred:.1f} s "
            "(<= 1x: no worse than linear); every template under "
            f"{CLOUDFORMATION_RESOURCE_LIMIT} resources, pipelines independent",
            broken_condition="; ".join(problems),
        ),
    ]
