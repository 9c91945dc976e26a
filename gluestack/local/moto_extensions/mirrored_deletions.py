"""An object deleted from the offline S3 leaves the workspace too.

Job processes read the workspace's files, pulled from moto before each run; a pull adds what is
missing and never removes. Without this, an object a Python shell step or a user's boto3 call
deleted would still be read by the next Spark job, which would then push it back: S3 has no such
object after a DeleteObject (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html).
DeleteObjects deletes through the same backend call, so both are mirrored.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from moto.s3.models import FakeDeleteMarker, S3Backend


@contextmanager
def mirrored_deletions(s3_root: Path) -> Iterator[None]:
    """Inside the block, a key left without a current object in moto is removed from s3_root."""
    original = S3Backend.delete_object

    def delete_object(
        self: S3Backend,
        bucket_name: str,
        key_name: str,
        version_id: str | None = None,
        bypass: bool = False,
    ) -> tuple[bool, dict[str, Any]]:
        result = original(self, bucket_name, key_name, version_id=version_id, bypass=bypass)
        current = self.get_bucket(bucket_name).keys.get(key_name)
        if current is None or isinstance(current, FakeDeleteMarker):
            (s3_root / bucket_name / key_name).unlink(missing_ok=True)
        return result

    S3Backend.delete_object = delete_object  # type: ignore[method-assign]
    try:
        yield
    finally:
        S3Backend.delete_object = original  # type: ignore[method-assign]
