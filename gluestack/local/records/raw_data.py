"""A user's own files into a pipeline source's prefix of the raw bucket, offline.

Into the workspace's folder of the offline S3 (which every offline run pushes into its account
first), or through a served account's S3 API; either way the object keys are the source's
prefix plus each file's path relative to the folder given (a single file keeps its name).
"""

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.records.workspace import Workspace

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


@dataclass(frozen=True)
class RawFile:
    """One local file and the object key it becomes."""

    local: Path
    key: str


def raw_files(path: Path, prefix: str) -> list[RawFile]:
    """The file at path, or every file under the folder at path, keyed under prefix."""
    if path.is_file():
        return [RawFile(path, prefix + path.name)]
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such file or folder")
    files = [
        RawFile(p, prefix + p.relative_to(path).as_posix())
        for p in sorted(path.rglob("*"))
        if p.is_file()
    ]
    if not files:
        raise FileNotFoundError(f"{path}: the folder holds no files")
    return files


def put_into_workspace(workspace: Workspace, bucket: str, files: list[RawFile]) -> list[str]:
    """Copy files into the workspace's offline S3; their s3:// URIs."""
    uris = []
    for file in files:
        uri = f"s3://{bucket}/{file.key}"
        target = workspace.local_path(uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file.local, target)
        uris.append(uri)
    return uris


def put_through_api(s3: "S3Client", bucket: str, files: list[RawFile]) -> list[str]:
    """Upload files with an S3 client (a served offline account, or AWS); their s3:// URIs."""
    for file in files:
        s3.upload_file(str(file.local), bucket, file.key)
    return [f"s3://{bucket}/{file.key}" for file in files]
