"""The Glue versions gluestack deploys, and what each runs: its Spark and Python.

https://docs.aws.amazon.com/glue/latest/dg/release-notes.html: 4.0 runs Spark 3.3.0 on Python
3.10, 5.0 Spark 3.5.4 and 5.1 Spark 3.5.6, both on Python 3.11;
https://docs.aws.amazon.com/glue/latest/dg/migrating-version-60.html: 6.0 runs Spark 4.1.1 on
Python 3.13 (Scala 2.13, Java 17).
"""

from dataclasses import dataclass
from typing import Literal

GlueVersion = Literal["4.0", "5.0", "5.1", "6.0"]
# The default is the newest version offline runs emulate on its own Spark and Python (see README).
DEFAULT_GLUE_VERSION: GlueVersion = "5.1"


@dataclass(frozen=True)
class GlueRelease:
    """What a Glue version runs; offline, its jobs run on pyspark `spark` (PyPI has each)."""

    version: GlueVersion
    spark: str
    python: str


GLUE_RELEASES: dict[GlueVersion, GlueRelease] = {
    "4.0": GlueRelease("4.0", spark="3.3.0", python="3.10"),
    "5.0": GlueRelease("5.0", spark="3.5.4", python="3.11"),
    "5.1": GlueRelease("5.1", spark="3.5.6", python="3.11"),
    "6.0": GlueRelease("6.0", spark="4.1.1", python="3.13"),
}
