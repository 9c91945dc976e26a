"""Catalog: the Glue databases the pipelines' crawlers and jobs write tables into."""

from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from aws_cdk import aws_kms as kms
from constructs import Construct

from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.naming import pascal
from gluestack.spec.manifest import EXISTING_DATABASES_METADATA


@dataclass(frozen=True)
class CatalogDatabase:
    """A spec's database in one environment."""

    deployed_name: str
    # The account has it already (spec existing_database): referred to, never created.
    existing: bool


class CatalogStack(cdk.Stack):
    """One Glue database per distinct database named by the specs, but the existing ones."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        env: DeployEnvironment,
        databases: dict[str, CatalogDatabase],
        key: kms.IKey,
        owns_catalog_encryption: bool,
    ) -> None:
        """databases: by spec database name. key: encrypts the Data Catalog when this
        environment owns the account's catalog encryption settings."""
        super().__init__(scope, construct_id, env=env.cdk_environment())
        self.databases = dict(databases)
        for spec_name, database in sorted(databases.items()):
            if not database.existing:
                glue.Database(
                    self,
                    f"{pascal(spec_name)}Database",
                    database_name=database.deployed_name,
                    description=f"gluestack {env.name}: tables of the '{spec_name}' pipelines",
                    removal_policy=env.removal_policy,
                )
        existing = sorted(d.deployed_name for d in databases.values() if d.existing)
        if existing:
            # Not a resource, so no stack operation can delete it; the offline deploy reads it.
            self.add_metadata(EXISTING_DATABASES_METADATA, existing)
        if owns_catalog_encryption:
            self._encrypt_catalog(key)

    def _encrypt_catalog(self, key: kms.IKey) -> None:
        """Tables and connection passwords at rest: one setting per account and region."""
        glue.CfnDataCatalogEncryptionSettings(
            self,
            "CatalogEncryption",
            catalog_id=self.account,
            data_catalog_encryption_settings=glue.CfnDataCatalogEncryptionSettings.DataCatalogEncryptionSettingsProperty(
                encryption_at_rest=glue.CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty(
                    catalog_encryption_mode="SSE-KMS", sse_aws_kms_key_id=key.key_arn
                ),
                connection_password_encryption=glue.CfnDataCatalogEncryptionSettings.ConnectionPasswordEncryptionProperty(
                    return_connection_password_encrypted=True, kms_key_id=key.key_arn
                ),
            ),
        )
