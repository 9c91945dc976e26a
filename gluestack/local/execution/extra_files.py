"""`--extra-files`: files Glue copies into the script's working directory before it runs
(https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html:
comma-separated S3 paths), such as a configuration file the script opens by its bare name.
Offline they are fetched into the run's own folder, which is the working directory while the
script runs. A folder path is refused: AWS does not say how a folder's objects are laid out.
"""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.execution.s3_objects import fetch_object
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

EXTRA_FILES = "--extra-files"


@contextmanager
def extra_files_at_hand(arguments: dict[str, str], s3: "S3Client", folder: Path) -> Iterator[None]:
    """While the block runs, the working directory is folder, holding the run's extra files."""
    locations = [item.strip() for item in arguments.get(EXTRA_FILES, "").split(",")]
    locations = [location for location in locations if location]
    if not locations:
        yield
        return
    for location in locations:
        if location.endswith("/"):
            raise UnsupportedGlueFeature(f"{EXTRA_FILES} {location}: a folder (give its files)")
    shutil.rmtree(folder, ignore_errors=True)  # an earlier run's files are not this run's
    for location in locations:
        fetch_object(s3, folder, location)
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)
