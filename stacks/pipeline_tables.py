"""Where a pipeline's tables live in S3, and S3 grants on exactly those folders."""

from dataclasses import dataclass

from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3

from gluestack.spec import PipelineSpec
from stacks.storage_stack import StorageStack


@dataclass(frozen=True)
class PipelineTables:
    """Raw sources live in the raw bucket, job outputs in the curated bucket."""

    spec: PipelineSpec
    storage: StorageStack

    def folder(self, table: str) -> tuple[s3.IBucket, str]:
        if table in self.spec.sources:
            return self.storage.raw, self.spec.sources[table].prefix
        return self.storage.curated, self.spec.outputs()[table].prefix

    def location(self, table: str) -> str:
        """The table's s3:// folder."""
        bucket, prefix = self.folder(table)
        return bucket.s3_url_for_object(prefix)

    def grant_read(self, role: iam.IGrantable, tables: list[str]) -> None:
        for table in tables:
            bucket, prefix = self.folder(table)
            bucket.grant_read(role, f"{prefix}*")

    def grant_read_write(self, role: iam.IGrantable, tables: list[str]) -> None:
        for table in tables:
            bucket, prefix = self.folder(table)
            bucket.grant_read_write(role, f"{prefix}*")

    def crawled_name(self, crawler: str, table: str) -> str:
        """The catalog name a crawler gives a table folder: its prefix and the folder's name."""
        return self.spec.crawlers[crawler].table_prefix + table
