"""gluestack's pytest plugin: `import awsglue` is the local layer; offline_glue and glue_context.

Registered as a pytest11 entry point, so a project that installs gluestack gets it without any
conftest.py. When AWS's own awsglue (PyPI AWSGlueDataplanePython) is installed too, the local
layer comes first on sys.path for the test session, and a warning says so: AWS's needs Glue's
JVM classes, which no local Spark has.
"""

import importlib.util
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gluestack.local.glue_compat.activation import PACKAGE_PARENT
from gluestack.testing.offline_glue import OfflineGlue


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    """Make the local awsglue layer importable for the whole session, conftests included."""
    # Spark's Python workers run Filter and Map functions; they must import what this does.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    found = importlib.util.find_spec("awsglue") if PACKAGE_PARENT not in sys.path else None
    origin = str(found.origin) if found and found.origin else ""
    if origin and not origin.startswith(PACKAGE_PARENT):
        warnings.warn(
            f"gluestack: another awsglue is installed ({origin}); gluestack's local layer is "
            "used instead during this test session",
            stacklevel=1,
        )
    if PACKAGE_PARENT not in sys.path:
        sys.path.insert(0, PACKAGE_PARENT)
    if "awsglue" in sys.modules and not str(sys.modules["awsglue"].__file__).startswith(
        PACKAGE_PARENT
    ):
        stale = [n for n in sys.modules if n.split(".")[0] in ("awsglue", "awsgluedq")]
        for name in stale:
            del sys.modules[name]


@pytest.fixture
def offline_glue(tmp_path: Path) -> Iterator[OfflineGlue]:
    """An OfflineGlue (moto account, local Spark, s3:// under a temporary folder) for one test."""
    with OfflineGlue(workspace=tmp_path / "offline-glue") as glue:
        yield glue


@pytest.fixture
def glue_context(offline_glue: OfflineGlue) -> Iterator[Any]:
    """A GlueContext on offline_glue's account and Spark, as a job run would have."""
    with offline_glue.runtime_scope():
        from awsglue.context import GlueContext

        yield GlueContext(offline_glue.spark.sparkContext)
