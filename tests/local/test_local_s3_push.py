"""Pushing the workspace to (and pulling it from) the offline S3 while another run of the same
pipeline writes there: a file Spark moves away, or an object deleted, between the listing and the
read is skipped, not a crashed job process (jobs of one pipeline run concurrently over one
workspace)."""

from pathlib import Path

import boto3
import pytest

from gluestack.local.records import local_s3


def test_a_file_gone_between_the_listing_and_the_read_is_skipped(
    aws: boto3.Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s3 = aws.client("s3")
    s3.create_bucket(Bucket="curated")
    root = tmp_path / "s3"
    kept = root / "curated" / "counts" / "part-0.json"
    moving = root / "curated" / "other" / "_temporary" / "0" / "part-0.json"
    for path in (kept, moving):
        path.parent.mkdir(parents=True)
        path.write_text('{"n": 1}\n')
    read_bytes = Path.read_bytes

    def renamed_meanwhile(path: Path) -> bytes:
        if path == moving:
            raise FileNotFoundError(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", renamed_meanwhile)
    assert local_s3.push(s3, root) == 1
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="curated")["Contents"]]
    assert keys == ["counts/part-0.json"]


def test_an_object_deleted_between_the_listing_and_the_get_is_skipped_by_a_pull(
    aws: boto3.Session, tmp_path: Path
) -> None:
    # A concurrent run's push deletes the objects whose files its job removed (Spark's
    # _temporary folders); an object deleted after the listing is no longer in S3.
    s3 = aws.client("s3")
    s3.create_bucket(Bucket="curated")
    for key in ("counts/part-0.json", "other/_temporary/0/part-0.json"):
        s3.put_object(Bucket="curated", Key=key, Body=b'{"n": 1}\n')
    listed = s3.get_paginator("list_objects_v2")

    class DeletingWhileListed:
        def paginate(self, **arguments: str) -> object:
            pages = list(listed.paginate(**arguments))
            s3.delete_object(Bucket="curated", Key="other/_temporary/0/part-0.json")
            return pages

    root = tmp_path / "s3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(s3, "get_paginator", lambda _: DeletingWhileListed())
        assert local_s3.pull(s3, root) == 1
    assert [p.relative_to(root).as_posix() for p in root.rglob("*.json")] == [
        "curated/counts/part-0.json"
    ]
