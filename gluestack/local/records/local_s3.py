"""Keep moto's S3 and the workspace folders the same bytes, in both directions.

Objects put through boto3 live in moto; Spark reads and writes files. Before a node runs, the
buckets are pulled to disk; after it, new or changed files are pushed back into moto.
"""

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import ObjectIdentifierTypeDef


def pull(s3: "S3Client", s3_root: Path) -> int:
    """Write every moto object missing on disk (or of another size) to s3_root, modified at its
    LastModified (what file rules and bookmarks read); count them."""
    written = 0
    for bucket in (b["Name"] for b in s3.list_buckets()["Buckets"]):
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                path = s3_root / bucket / item["Key"]
                if item["Key"].endswith("/") or (
                    path.is_file() and path.stat().st_size == item["Size"]
                ):
                    continue
                try:
                    body = s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
                except s3.exceptions.NoSuchKey:
                    # Deleted since the listing (a concurrent run's push): it is no longer there.
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(body)
                modified = item["LastModified"].timestamp()
                os.utime(path, (modified, modified))
                written += 1
    return written


def push(s3: "S3Client", s3_root: Path, *, delete_missing: bool = False) -> int:
    """Put every file under s3_root missing in moto (or of another size); count them.

    delete_missing: also delete objects whose file is gone (only safe right after a pull).
    """
    existing = {b["Name"] for b in s3.list_buckets()["Buckets"]}
    written = 0
    for bucket_dir in (
        sorted(p for p in s3_root.iterdir() if p.is_dir()) if s3_root.is_dir() else []
    ):
        if bucket_dir.name not in existing:
            continue  # Spark may only write where a deployed bucket exists, as on AWS
        sizes = _object_sizes(s3, bucket_dir.name)
        for path in sorted(p for p in bucket_dir.rglob("*") if p.is_file()):
            key = path.relative_to(bucket_dir).as_posix()
            if key.startswith(".") or "/." in key:
                continue
            try:
                if sizes.get(key) == path.stat().st_size:
                    continue
                body = path.read_bytes()
            except FileNotFoundError:
                # Gone since the listing: a concurrent run's Spark moved its temporary file
                # (jobs of one pipeline share the workspace); that run pushes its own output.
                continue
            s3.put_object(Bucket=bucket_dir.name, Key=key, Body=body)
            written += 1
        if delete_missing:
            _delete_missing(s3, bucket_dir, sizes)
    return written


def _delete_missing(s3: "S3Client", bucket_dir: Path, sizes: dict[str, int]) -> None:
    gone: list[ObjectIdentifierTypeDef] = [
        {"Key": key}
        for key in sorted(sizes)
        if not key.endswith("/") and not (bucket_dir / key).is_file()
    ]
    for start in range(0, len(gone), 1000):  # DeleteObjects takes at most 1,000 keys
        s3.delete_objects(Bucket=bucket_dir.name, Delete={"Objects": gone[start : start + 1000]})


def _object_sizes(s3: "S3Client", bucket: str) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        sizes |= {item["Key"]: item["Size"] for item in page.get("Contents", [])}
    return sizes
