"""The stacks every pipeline of one environment shares: storage, alerts and the catalog."""

from collections.abc import Sequence
from dataclasses import dataclass

import aws_cdk as cdk

from gluestack.cdk.alerts_stack import AlertsStack
from gluestack.cdk.catalog_stack import CatalogDatabase, CatalogStack
from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.naming import PipelineNames
from gluestack.cdk.storage_stack import StorageStack
from gluestack.spec import PipelineSpec, SpecError
from gluestack.spec.database_ownership import mixed_ownership
from gluestack.spec.names import stack_prefix

DATABASES_PER_STACK = 400


@dataclass(frozen=True)
class SharedStacks:
    """Buckets and key, the alerts topic, and the catalog stacks holding the databases."""

    storage: StorageStack
    alerts: AlertsStack
    catalogs: list[CatalogStack]

    @property
    def catalog(self) -> CatalogStack:
        return self.catalogs[0]

    def catalog_of(self, database: str, *, existing: bool) -> CatalogStack:
        """The catalog stack that holds database (a spec's `database`), with the spec's
        existing_database."""
        for catalog in self.catalogs:
            held = catalog.databases.get(database)
            if held is None:
                continue
            if held.existing != existing:
                raise ValueError(
                    f"database '{database}' is held with existing_database: "
                    f"{str(held.existing).lower()}, this spec says {str(existing).lower()}; "
                    "give every spec naming it the same"
                )
            return catalog
        declared = ", ".join(sorted(d for c in self.catalogs for d in c.databases)) or "none"
        raise ValueError(
            f"no shared catalog stack holds database '{database}' (it has: {declared}); "
            "give shared_stacks every spec that deploys into this environment"
        )


def shared_stacks(
    app: cdk.App, env: DeployEnvironment, specs: Sequence[PipelineSpec]
) -> SharedStacks:
    """Storage, alerts and catalog stacks of env, with a database for each spec's `database`
    (an existing one referred to, not created)."""
    databases = _catalog_databases(env, specs)
    prefix = stack_prefix(env.name)
    storage = StorageStack(app, f"{prefix}-storage", env=env)
    alerts = AlertsStack(app, f"{prefix}-alerts", env=env)
    return SharedStacks(storage, alerts, _catalog_stacks(app, prefix, env, databases, storage))


def _catalog_databases(
    env: DeployEnvironment, specs: Sequence[PipelineSpec]
) -> dict[str, CatalogDatabase]:
    """Each spec database in env, by name; specs naming one must agree on existing_database."""
    mixed = mixed_ownership((f"pipeline '{spec.name}'", spec) for spec in specs)
    if mixed is not None:
        source, issue = mixed
        raise SpecError(source, [issue])
    return {
        spec.database: CatalogDatabase(
            PipelineNames(env.name, spec.name).database(
                spec.database, existing=spec.existing_database
            ),
            spec.existing_database,
        )
        for spec in specs
    }


def _catalog_stacks(
    app: cdk.App,
    prefix: str,
    env: DeployEnvironment,
    databases: dict[str, CatalogDatabase],
    storage: StorageStack,
) -> list[CatalogStack]:
    """Databases in stacks of at most DATABASES_PER_STACK, far under CloudFormation's limit
    of 500 resources; only the first owns the account's catalog encryption settings."""
    names = sorted(databases.items())
    chunks = [names[i : i + DATABASES_PER_STACK] for i in range(0, len(names), DATABASES_PER_STACK)]
    return [
        CatalogStack(
            app,
            f"{prefix}-catalog" + (f"-{index + 1}" if index else ""),
            env=env,
            databases=dict(chunk),
            key=storage.key,
            owns_catalog_encryption=env.owns_catalog_encryption and index == 0,
        )
        for index, chunk in enumerate(chunks or [[]])
    ]
