"""A Python shell job runs its script on Python 3.9 with Glue's library set, reaching the account.

https://docs.aws.amazon.com/glue/latest/dg/add-job-python.html: command pythonshell, Python 3.9,
`library-set analytics` preloads pandas 1.4.2, boto3 1.21.21, ...; logs go to
/aws-glue/python-jobs/output and /aws-glue/python-jobs/error.
"""

from typing import Any

import pytest

from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import wait_for_job_run
from gluestack.ops.errors import JobRunFailed

# A small step in the style of AWS's Python shell examples: boto3 reads the catalog, pandas
# shapes a report, boto3 writes it.
REPORT = """import sys, platform
import boto3
import pandas as pd
from awsglue.utils import getResolvedOptions

args = getResolvedOptions(sys.argv, ["database", "report_bucket"])
glue = boto3.client("glue", region_name="us-east-1")
tables = [t["Name"] for t in glue.get_tables(DatabaseName=args["database"])["TableList"]]
if not tables:
    raise ValueError("no tables in " + args["database"])
report = pd.DataFrame({"table": sorted(tables)}).to_csv(index=False)
boto3.client("s3").put_object(Bucket=args["report_bucket"], Key="tables.csv", Body=report)
print("python", platform.python_version(), "pandas", pd.__version__)
"""


def _shell_job(glue: Any, s3: Any, database: str) -> str:
    s3.put_object(Bucket="scripts", Key="report.py", Body=REPORT.encode())
    glue.create_job(
        Name="report", Role="arn:aws:iam::123456789012:role/glue", MaxCapacity=0.0625,
        Command={"Name": "pythonshell", "PythonVersion": "3.9",
                 "ScriptLocation": "s3://scripts/report.py"},
        DefaultArguments={"library-set": "analytics", "--database": database,
                          "--report_bucket": "out"},
    )  # fmt: skip
    run_id: str = glue.start_job_run(JobName="report")["JobRunId"]
    return run_id


def _log(logs: Any, group: str, run_id: str) -> list[str]:
    events = logs.filter_log_events(logGroupName=group, logStreamNames=[run_id])["events"]
    return [event["message"] for event in events]


def test_a_python_shell_step_reads_the_catalog_and_writes_with_the_analytics_set(
    account: Any,
) -> None:
    session, _ = account
    glue, s3, logs = (session.client(n) for n in ("glue", "s3", "logs"))
    glue.create_database(DatabaseInput={"Name": "sales"})
    for table in ("orders", "customers"):
        glue.create_table(DatabaseName="sales", TableInput={"Name": table})
    run_id = _shell_job(glue, s3, "sales")
    # The first run on a machine creates the runtime (Python 3.9 and the library set), once.
    result = wait_for_job_run(glue, "report", run_id, deadline_seconds=900, schedule=LOCAL_POLLING)
    assert result.state == "SUCCEEDED"
    body = s3.get_object(Bucket="out", Key="tables.csv")["Body"].read().decode()
    assert body.splitlines() == ["table", "customers", "orders"]
    (line,) = _log(logs, "/aws-glue/python-jobs/output", run_id)
    assert line.startswith("python 3.9.") and line.endswith("pandas 1.4.2")


def test_a_failing_shell_script_fails_its_run_with_the_exception(account: Any) -> None:
    session, _ = account
    glue, s3, logs = (session.client(n) for n in ("glue", "s3", "logs"))
    glue.create_database(DatabaseInput={"Name": "empty"})
    run_id = _shell_job(glue, s3, "empty")
    with pytest.raises(JobRunFailed):
        wait_for_job_run(glue, "report", run_id, deadline_seconds=900, schedule=LOCAL_POLLING)
    run = glue.get_job_run(JobName="report", RunId=run_id)["JobRun"]
    assert run["ErrorMessage"] == "ValueError: no tables in empty"
    assert "ValueError: no tables in empty" in _log(logs, "/aws-glue/python-jobs/error", run_id)
