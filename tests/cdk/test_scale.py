"""An app of many pipelines builds, and no stack comes near CloudFormation's 500 resources.

The 200-pipeline app is built, timed and checked by `make bench` (measure 1, synth growth: a
template at the limit or a pipeline depending on another's stack is a MISS); here the check
itself is pinned, and a pipeline too big for one stack is refused.
"""

import json
from pathlib import Path

import aws_cdk as cdk
import pytest

from benchmarks.synth import scale_problems
from gluestack.cdk.app_builder import CLOUDFORMATION_RESOURCE_LIMIT, build_app
from gluestack.cdk.environment import environment_from_context
from gluestack.spec import load
from tests.cdk.conftest import PROJECT_ROOT, context

FLIGHTS = PROJECT_ROOT / "pipelines" / "flights.yaml"


def test_the_scale_check_of_make_bench_passes_the_app_and_names_what_breaks(
    cdk_out: Path, tmp_path: Path
) -> None:
    assert scale_problems(cdk_out) == []
    crowded = {f"R{i}": {"Type": "AWS::SNS::Topic"} for i in range(CLOUDFORMATION_RESOURCE_LIMIT)}
    (tmp_path / "gluestack-dev-pipeline-a.template.json").write_text(
        json.dumps({"Resources": crowded})
    )
    artifacts = {
        name: {"type": "aws:cloudformation:stack", "dependencies": [needs, f"{name}.assets"]}
        for name, needs in [
            ("gluestack-dev-pipeline-a", "gluestack-dev-catalog"),
            ("gluestack-dev-pipeline-b", "gluestack-dev-pipeline-a"),
        ]
    }
    (tmp_path / "manifest.json").write_text(json.dumps({"artifacts": artifacts}))
    assert scale_problems(tmp_path) == [
        f"gluestack-dev-pipeline-a.template.json has {CLOUDFORMATION_RESOURCE_LIMIT} resources",
        "gluestack-dev-pipeline-b depends on gluestack-dev-pipeline-a",
    ]


def test_a_pipeline_too_big_for_one_stack_is_refused(tmp_path: Path) -> None:
    flights = load(FLIGHTS, PROJECT_ROOT)
    clean = flights.jobs["clean"]
    jobs = {f"j{i:03d}": clean.model_copy(update={"outputs": {}}) for i in range(120)}
    # The crawlers of the jobs' inputs stay; the one crawling their outputs goes with them.
    crawlers = {
        name: c for name, c in flights.crawlers.items() if not set(c.tables) & set(clean.outputs)
    }
    big = flights.model_copy(update={"jobs": jobs, "crawlers": crawlers, "triggers": {}})
    app = cdk.App(context=context("dev"), outdir=str(tmp_path))
    with pytest.raises(ValueError, match=r"pipeline 'flights' needs .* over the 500 one stack"):
        build_app(app, [big], environment_from_context(app), PROJECT_ROOT)
