"""Publish file assets (job scripts, packaged code) where CDK's bootstrap would put them."""

import io
import zipfile
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from gluestack.local.cdk_out.deploy.assembly import FileAsset


def publish_assets(assets: tuple[FileAsset, ...], s3: Any, pseudo: dict[str, str]) -> None:
    """Upload each asset to its destination bucket, creating the bucket on first use."""
    for asset in assets:
        bucket = _substitute(asset.bucket_name, pseudo)
        _ensure_bucket(s3, bucket)
        s3.put_object(Bucket=bucket, Key=_substitute(asset.object_key, pseudo), Body=_body(asset))


def _substitute(text: str, pseudo: dict[str, str]) -> str:
    for name, value in pseudo.items():
        text = text.replace("${" + name + "}", value)
    return text


def _ensure_bucket(s3: Any, bucket: str) -> None:
    try:
        s3.head_bucket(Bucket=bucket)
    except ClientError:
        s3.create_bucket(Bucket=bucket)


def _body(asset: FileAsset) -> bytes:
    if asset.packaging == "zip" or asset.source.is_dir():
        return _zip_directory(asset.source)
    return asset.source.read_bytes()


def _zip_directory(directory: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(directory).as_posix())
    return buffer.getvalue()
