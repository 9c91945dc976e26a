"""The catalog stack holds one database per spec database, named for the environment."""

from aws_cdk.assertions import Match

from gluestack.spec import load_all
from tests.cdk.conftest import Templates
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
