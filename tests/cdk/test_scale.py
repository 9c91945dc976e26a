"""An app of many pipelines builds, and no stack comes near CloudFormation's 500 resources.

The 200-pipeline app is timed by `make bench` (synth growth); 60 keep the suite fast.
"""

from pathlib import Path

import aws_cdk as cdk
import pytest

from gluestack.cdk.app_builder import CLOUDFORMATION_RESOURCE_LIMIT, build_app
from gluestack.cdk.environment import environment_from_context
from gluestack.spec import load
from tests.cdk.conftest import PROJECT_ROOT, context

FLIGHTS = PROJECT_ROOT / "pipelines" / "flights.yaml"


def _resources(stack: cdk.Stack) -> int:
    return sum(isinstance(c, cdk.CfnResource) for c in stack.node.find_all())


def test_sixty_pipelines_stay_under_the_stack_limit(tmp_path: Path) -> None:
    flights = load(FLIGHTS, PROJECT_ROOT)
    specs = [
        flights.model_copy(update={"name": f"p{i:03d}", "database": f"db{i:03d}"})
        for i in range(60)
    ]
    app = cdk.App(context=context("dev"), outdir=str(tmp_path))
    built = build_app(app, specs, environment_from_context(app), PROJECT_ROOT)
    stacks = [built.storage, built.alerts, *built.catalogs, *built.pipelines.values()]
    assert len(stacks) == 63
    sizes = {stack.stack_name: _resources(stack) for stack in stacks}
    assert max(sizes.values()) < CLOUDFORMATION_RESOURCE_LIMIT, max(
        sizes.items(), key=lambda i: i[1]
    )
    # Pipelines stay independent: none references another pipeline's stack.
    pipeline = built.pipelines["p042"]
    assert {d.stack_name for d in pipeline.dependencies} == {"gluestack-dev-catalog"}


def test_a_pipeline_too_big_for_one_stack_is_refused(tmp_path: Path) -> None:
    flights = load(FLIGHTS, PROJECT_ROOT)
    clean = flights.jobs["clean"]
    jobs = {f"j{i:03d}": clean.model_copy(update={"outputs": {}}) for i in range(120)}
    crawlers = {"raw": flights.crawlers["raw"]}
    big = flights.model_copy(update={"jobs": jobs, "crawlers": crawlers, "triggers": {}})
    app = cdk.App(context=context("dev"), outdir=str(tmp_path))
    with pytest.raises(ValueError, match=r"pipeline 'flights' needs .* over the 500 one stack"):
        build_app(app, [big], environment_from_context(app), PROJECT_ROOT)
