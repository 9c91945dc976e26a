"""Make `import awsglue` find the local compatibility package, for the duration of a run."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PACKAGE_PARENT = str(Path(__file__).resolve().parent)


@contextmanager
def activated() -> Iterator[None]:
    """sys.path holds the local awsglue package inside the block, and only there."""
    added = PACKAGE_PARENT not in sys.path
    if added:
        sys.path.insert(0, PACKAGE_PARENT)
    try:
        yield
    finally:
        if added:
            sys.path.remove(PACKAGE_PARENT)
