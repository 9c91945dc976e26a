"""Catalog: the Glue databases the pipelines' crawlers and jobs write tables into."""

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from constructs import Construct

from stacks.environment import DeployEnvironment
from stacks.naming import pascal


class CatalogStack(cdk.Stack):
    """One Glue database per distinct database named by the specs."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        env: DeployEnvironment,
        database_names: dict[str, str],
    ) -> None:
        """database_names: spec database name -> deployed database name."""
        super().__init__(scope, construct_id, env=env.cdk_environment())
        self.databases: dict[str, glue.Database] = {}
        for spec_name, deployed_name in sorted(database_names.items()):
            self.databases[spec_name] = glue.Database(
                self,
                f"{pascal(spec_name)}Database",
                database_name=deployed_name,
                description=f"gluestack {env.name}: tables of the '{spec_name}' pipelines",
                removal_policy=env.removal_policy,
            )
