"""Objects of the offline account's S3 fetched into a run's folders."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def fetch_object(s3: "S3Client", folder: Path, location: str) -> Path:
    """Download an s3:// object (from moto) into folder, keeping its file name."""
    bucket, _, key = location.strip().removeprefix("s3://").partition("/")
    target = folder / key.rsplit("/", 1)[-1]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(s3.get_object(Bucket=bucket, Key=key)["Body"].read())
    return target
