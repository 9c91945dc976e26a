"""s3:// paths for local Spark: a small Hadoop FileSystem that maps buckets to local folders."""

from gluestack.local.s3fs.build import S3FileSystemBuildError, local_s3_jar

__all__ = ["S3FileSystemBuildError", "local_s3_jar"]
