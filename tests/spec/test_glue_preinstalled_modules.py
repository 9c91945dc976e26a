"""Glue's preinstalled Python modules, as AWS publishes them.

"Using Python libraries with AWS Glue", section "Python modules already provided in AWS Glue",
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-libraries.html: the
entries below are copied from its lists for 5.1, 5.0 and 4.0; it has none for 6.0.
"""

import pytest

from gluestack.spec.glue_preinstalled_modules import (
    PREINSTALLED,
    canonical_name,
    preinstalled_version,
)
from gluestack.spec.glue_versions import GlueVersion


@pytest.mark.parametrize(
    ("glue_version", "distribution", "version"),
    [
        ("5.1", "boto3", "1.40.61"),
        ("5.1", "numpy", "2.3.4"),
        ("5.1", "pandas", "2.3.3"),
        ("5.1", "pyarrow", "22.0.0"),
        ("5.1", "python-dateutil", "2.9.0.post0"),
        ("5.0", "boto3", "1.34.131"),
        ("5.0", "numpy", "1.26.4"),
        ("5.0", "pandas", "2.2.2"),
        ("5.0", "pyarrow", "17.0.0"),
        ("5.0", "urllib3", "1.25.10"),
        ("4.0", "boto3", "1.24.70"),
        ("4.0", "botocore", "1.27.59"),
        ("4.0", "pandas", "1.5.1"),
        ("4.0", "pyarrow", "10.0.0"),
        ("4.0", "scikit-learn", "1.1.3"),
        ("4.0", "scipy", "1.9.3"),
    ],
)
def test_published_entries(glue_version: GlueVersion, distribution: str, version: str) -> None:
    assert preinstalled_version(glue_version, distribution) == version


def test_list_sizes_match_the_page() -> None:
    assert {v: len(t) for v, t in PREINSTALLED.items()} == {"4.0": 64, "5.0": 44, "5.1": 60}


def test_no_published_list_for_6_0() -> None:
    assert "6.0" not in PREINSTALLED
    assert preinstalled_version("6.0", "pandas") is None


def test_names_compare_as_pep_503_normalises_them() -> None:
    assert preinstalled_version("4.0", "pymysql") == "1.0.2"  # the page spells it PyMySQL
    assert preinstalled_version("5.1", "Typing.Extensions") == "4.15.0"
    assert preinstalled_version("4.0", "PYTHON_DATEUTIL") == "2.8.2"
    assert canonical_name("Typing__Extensions.x") == "typing-extensions-x"


def test_unlisted_distribution() -> None:
    assert preinstalled_version("5.1", "scikit-learn") is None
