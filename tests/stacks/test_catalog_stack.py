"""The catalog stack holds one database per spec database, named for the environment."""

from aws_cdk.assertions import Match

from tests.stacks.conftest import Templates


def test_database_name_carries_the_environment(dev: Templates, prod: Templates) -> None:
    for templates, name in ((dev, "flights_dev"), (prod, "flights_prod")):
        templates.catalog.resource_count_is("AWS::Glue::Database", 1)
        templates.catalog.has_resource_properties(
            "AWS::Glue::Database", {"DatabaseInput": Match.object_like({"Name": name})}
        )
