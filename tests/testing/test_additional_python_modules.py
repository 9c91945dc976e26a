"""`--additional-python-modules` on a Spark job: installed for the run, as Glue's pip3 does.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-python-libraries.html: the
argument lists PyPI requirements or S3 paths of distributions (here a wheel in the offline S3,
so no index is needed), installed before the script runs, replacing a preinstalled version.
"""

from pathlib import Path

from gluestack.testing import OfflineGlue
from tests.wheels import pure_python_wheel

# Hand-written, in the style of a console script: plain imports, getResolvedOptions.
SCRIPT = """\
import sys

from awsglue.utils import getResolvedOptions

import holiday_rules

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
print("closed on", holiday_rules.CLOSED)
"""


def _upload_wheel(glue: OfflineGlue, tmp_path: Path, name: str, version: str, module: str) -> str:
    file = tmp_path / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
    file.write_bytes(pure_python_wheel(name, version, module, f"CLOSED = ['{version}-12-25']\n"))
    glue.create_bucket("libs")
    return glue.upload("s3://libs/wheels/", file)


def test_a_module_the_job_lists_is_importable_by_its_script(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    script = tmp_path / "closed_days.py"
    script.write_text(SCRIPT)
    without = offline_glue.run_script(script)
    assert without.state == "FAILED"
    assert "No module named 'holiday_rules'" in without.error

    wheel = _upload_wheel(offline_glue, tmp_path, "holiday-rules", "2.1", "holiday_rules")
    run = offline_glue.run_script(script, {"--additional-python-modules": wheel})
    assert run.state == "SUCCEEDED", run.error + run.output
    assert "closed on ['2.1-12-25']" in run.output


def test_a_module_the_job_process_already_runs_at_another_version_is_refused(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    script = tmp_path / "noop.py"
    script.write_text("print('ran')\n")
    wheel = _upload_wheel(offline_glue, tmp_path, "pyspark", "0.0.1", "pyspark")
    run = offline_glue.run_script(script, {"--additional-python-modules": wheel})
    assert run.state == "FAILED"
    assert run.error.startswith(
        f"UnsupportedGlueFeature: --additional-python-modules {wheel} (pyspark==0.0.1): the "
        "offline job process runs on pyspark "
    )
    assert "ran" not in run.output


def test_a_module_s_dependencies_keep_the_versions_the_job_process_runs(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    """A wheel needing urllib3, which botocore has imported: pip resolves it against the running
    urllib3 (as against Glue's preinstalled one) instead of installing another version unseen."""
    from importlib.metadata import version

    file = tmp_path / "http_rules-1.0-py3-none-any.whl"
    source = "import urllib3\nCLOSED = [urllib3.__version__]\n"
    file.write_bytes(
        pure_python_wheel("http-rules", "1.0", "http_rules", source, requires=["urllib3"])
    )
    offline_glue.create_bucket("libs")
    wheel = offline_glue.upload("s3://libs/wheels/", file)
    script = tmp_path / "uses_urllib3.py"
    script.write_text("import http_rules\nprint('urllib3', http_rules.CLOSED[0])\n")
    run = offline_glue.run_script(script, {"--additional-python-modules": wheel})
    assert run.state == "SUCCEEDED", run.error + run.output
    assert f"urllib3 {version('urllib3')}" in run.output
