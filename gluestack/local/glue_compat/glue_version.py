"""Which Glue version the awsglue layer behaves as: the job's, which its job process names."""

import os

from gluestack.spec.glue_versions import DEFAULT_GLUE_VERSION, GLUE_RELEASES, GlueVersion

VERSION_VARIABLE = "GLUESTACK_GLUE_VERSION"


def running_version() -> GlueVersion:
    """The job's GlueVersion (a job process sets it), else the default version."""
    named = os.environ.get(VERSION_VARIABLE, DEFAULT_GLUE_VERSION)
    return next((version for version in GLUE_RELEASES if version == named), DEFAULT_GLUE_VERSION)


def at_least(version: GlueVersion) -> bool:
    return float(running_version()) >= float(version)
