"""The catalog stack holds one database per spec database, named for the environment; an
existing database (existing_database) keeps its name and is not created."""

from pathlib import Path

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Match

from gluestack.cdk import DeployEnvironment, GluePipeline, shared_stacks
from gluestack.cdk.naming import PipelineNames
from gluestack.spec import PipelineSpec, SpecError, load_all
from tests.cdk.conftest import Templates, context
from tests.conftest import PROJECT_ROOT


def test_database_name_carries_the_environment(dev: Templates, prod: Templates) -> None:
    databases = {spec.database for spec in load_all(PROJECT_ROOT / "pipelines")}
    for templates, env in ((dev, "dev"), (prod, "prod")):
        templates.catalog.resource_count_is("AWS::Glue::Database", len(databases))
        for database in databases:
            templates.catalog.has_resource_properties(
                "AWS::Glue::Database",
                {"DatabaseInput": Match.object_like({"Name": f"{database}_{env}"})},
            )


def test_an_existing_database_keeps_its_name_in_every_environment() -> None:
    for env in ("dev", "prod"):
        assert PipelineNames(env, "sales").database("sales_raw", existing=True) == "sales_raw"
    assert PipelineNames("prod", "sales").database("sales_raw", existing=False) == "sales_raw_prod"


def test_specs_naming_one_database_agree_on_whether_the_account_has_it(tmp_path: Path) -> None:
    app = cdk.App(context=context("dev"), outdir=str(tmp_path))
    env = DeployEnvironment(name="dev", region="eu-west-1", retain_data=False)
    specs = [
        PipelineSpec(name="created", database="sales_raw"),
        PipelineSpec(name="adopted", database="sales_raw", existing_database=True),
    ]

    with pytest.raises(SpecError) as raised:
        shared_stacks(app, env, specs)

    assert raised.value.file == "pipeline 'adopted'"
    assert "(existing_database: false) in pipeline 'created'" in str(raised.value)
    assert not app.node.children, "a refused set of specs adds no stack"


def test_a_pipeline_disagreeing_with_the_shared_catalog_is_refused(tmp_path: Path) -> None:
    app = cdk.App(context=context("dev"), outdir=str(tmp_path))
    env = DeployEnvironment(name="dev", region="eu-west-1", retain_data=False)
    shared = shared_stacks(app, env, [PipelineSpec(name="created", database="sales_raw")])
    stack = cdk.Stack(app, "Adopted")
    adopted = PipelineSpec(name="adopted", database="sales_raw", existing_database=True)

    with pytest.raises(ValueError, match="'sales_raw' is held with existing_database: false"):
        GluePipeline(
            stack, "Pipeline", spec=adopted, environment=env, shared=shared, project_root=tmp_path
        )
    assert not stack.node.children
