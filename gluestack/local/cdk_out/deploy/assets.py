"""Publish file assets (job scripts, packaged code) where CDK's bootstrap would put them."""

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from gluestack.local.cdk_out.deploy.assembly import FileAsset

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def publish_assets(assets: tuple[FileAsset, ...], s3: "S3Client", pseudo: dict[str, str]) -> None:
    """Upload each asset to its destination bucket, creating the bucket on first use."""
    for asset in assets:
        bucket, key = asset_destination(asset, pseudo)
        _ensure_bucket(s3, bucket)
        s3.put_object(Bucket=bucket, Key=key, Body=asset_body(asset))


def asset_destination(asset: FileAsset, pseudo: Mapping[str, str]) -> tuple[str, str]:
    """(bucket, key) the asset is published to, with ${AWS::AccountId} etc. filled in."""
    return _substitute(asset.bucket_name, pseudo), _substitute(asset.object_key, pseudo)


def _substitute(text: str, pseudo: Mapping[str, str]) -> str:
    for name, value in pseudo.items():
        text = text.replace("${" + name + "}", value)
    return text


def _ensure_bucket(s3: "S3Client", bucket: str) -> None:
    try:
        s3.head_bucket(Bucket=bucket)
    except ClientError:
        s3.create_bucket(Bucket=bucket)


def asset_body(asset: FileAsset) -> bytes:
    """The bytes published: the file, or a folder zipped."""
    if asset.packaging == "zip" or asset.source.is_dir():
        return _zip_directory(asset.source)
    return asset.source.read_bytes()


def _zip_directory(directory: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(directory).as_posix())
    return buffer.getvalue()
