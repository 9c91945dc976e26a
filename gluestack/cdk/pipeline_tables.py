"""Where a pipeline's tables live in S3, and grants on exactly those folders."""

from dataclasses import dataclass

from gluestack.cdk.constructs import GlueServiceRole
from gluestack.cdk.environment import DeployEnvironment
from gluestack.cdk.storage_stack import bucket_name
from gluestack.spec import PipelineSpec


@dataclass(frozen=True)
class PipelineTables:
    """Raw sources live in the raw bucket, job outputs in the curated bucket."""

    spec: PipelineSpec
    env: DeployEnvironment

    def folder(self, table: str) -> tuple[str, str]:
        """(bucket name, prefix) of a source or an output."""
        if table in self.spec.sources:
            return bucket_name(self.env, "raw"), self.spec.sources[table].prefix
        return bucket_name(self.env, "curated"), self.spec.outputs()[table].prefix

    def in_s3(self, table: str) -> bool:
        """A source or an output, not a database table."""
        return table in self.spec.sources or table in self.spec.outputs()

    def location(self, table: str) -> str:
        """The table's s3:// folder."""
        bucket, prefix = self.folder(table)
        return f"s3://{bucket}/{prefix}"

    def grant_read(self, role: GlueServiceRole, tables: list[str]) -> None:
        for table in tables:
            role.grant_objects(*self.folder(table), write=False)

    def grant_read_write(self, role: GlueServiceRole, tables: list[str]) -> None:
        for table in tables:
            role.grant_objects(*self.folder(table), write=True)

    def crawled_name(self, crawler: str, table: str) -> str:
        """The catalog name a crawler gives a table folder: its prefix and the folder's name."""
        return self.spec.crawlers[crawler].table_prefix + table
