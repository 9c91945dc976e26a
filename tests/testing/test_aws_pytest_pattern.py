"""AWS's documented way to unit test a Glue job with pytest runs unmodified against gluestack.

The pattern (a conftest building `GlueContext(SparkContext.getOrCreate(), minPartitions=2,
targetPartitions=2)`, tests patching DynamicFrameReader / DynamicFrameWriter / purge_s3_path) is
in a folder of its own with no gluestack import; the installed pytest plugin alone makes
`import awsglue` resolve. It runs in a pytest process of its own, as a user's suite would:
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-libraries.html
"""

import shutil
import subprocess
import sys
from pathlib import Path

USER_SUITE = Path(__file__).parent / "aws_pattern"


def test_the_aws_documented_pytest_pattern_passes_in_a_plain_pytest_process(tmp_path: Path) -> None:
    repository = shutil.copytree(USER_SUITE, tmp_path / "users_repository")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=repository,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
