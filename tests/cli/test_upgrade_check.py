"""`gluestack upgrade-check`: a pipeline's Spark jobs offline as deployed (5.1) and on 6.0, with
what their scripts do that 6.0 changes.

The 6.0 items are AWS's migration guide's (https://docs.aws.amazon.com/glue/latest/dg/
migrating-version-60.html): ANSI mode on by default (a bad cast throws instead of returning
NULL), Python 3.13 (the checklist: drop imp, cgi, cgitb), getResolvedOptions refusing
abbreviated argument names.
"""

import json
from pathlib import Path

from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.cli.common import console
from gluestack.local.records.workspace import Workspace
from tests.project.project_copy import copy_project

LEGACY = """name: legacy
description: Scripts written for Glue 5.1.
database: legacy
sources:
  codes: {prefix: legacy/codes/, format: json}
crawlers:
  raw: {tables: [codes]}
jobs:
  cast:
    script: glue_scripts/legacy_cast.py
    inputs: [codes]
    outputs:
      codes_cast: {prefix: legacy/codes_cast/, format: json}
  labelled:
    script: glue_scripts/legacy_labelled.py
    inputs: [codes]
    arguments: {label: weekly}
    outputs:
      codes_labelled: {prefix: legacy/codes_labelled/, format: json}
triggers:
  start: {type: on_demand, actions: [{crawler: raw}]}
  after_crawl:
    type: conditional
    conditions: [{crawler: raw}]
    actions: [{job: cast}, {job: labelled}]
"""
GLUE_START = """import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
"""
CAST = (
    GLUE_START
    + """

def legacy_reload(module):  # never called: a Python 3.13 run would fail only if it were
    import imp

    return imp.reload(module)

args = getResolvedOptions(sys.argv, ["JOB_NAME", "database", "codes_cast_path"])
glueContext = GlueContext(SparkContext())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
database = args["database"]
codes = glueContext.create_dynamic_frame.from_catalog(database=database, table_name="codes")
codes.toDF().createOrReplaceTempView("codes")
cast = glueContext.spark_session.sql("SELECT CAST(code AS INT) AS code FROM codes")
cast.write.mode("overwrite").json(args["codes_cast_path"])
job.commit()
"""
)
LABELLED = (
    GLUE_START
    + """
names = ["JOB_NAME", "database", "label_text", "codes_labelled_path"]
args = getResolvedOptions(sys.argv, names)
glueContext = GlueContext(SparkContext())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
database = args["database"]
codes = glueContext.create_dynamic_frame.from_catalog(database=database, table_name="codes")
labelled = codes.toDF().selectExpr("code", f"'{args['label_text']}' AS label")
labelled.write.mode("overwrite").json(args["codes_labelled_path"])
job.commit()
"""
)


def test_the_6_0_run_and_the_scripts_show_what_the_upgrade_breaks(
    project_root: Path, tmp_path: Path
) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(
        project_root,
        tmp_path / "project",
        {
            "pipelines/legacy.yaml": LEGACY,
            "glue_scripts/legacy_cast.py": CAST,
            "glue_scripts/legacy_labelled.py": LABELLED,
        },
    )
    workspace = Workspace(tmp_path / "ws")
    codes = workspace.local_path(
        "s3://gluestack-dev-raw-123456789012-us-east-1/legacy/codes/part=1/codes.json"
    )
    codes.parent.mkdir(parents=True)
    codes.write_text('{"code": "1"}\n{"code": "2"}\n{"code": "n/a"}\n')
    ran = CliRunner().invoke(
        app,
        ["upgrade-check", "legacy", "--to", "6.0", "--project", str(project),
         "--workspace", str(workspace.root), "--json"],
    )  # fmt: skip
    assert ran.exit_code == 1, ran.output
    report = json.loads(ran.stdout)
    jobs = {job["job"]: job for job in report["jobs"]}
    assert (jobs["cast"]["before"], jobs["cast"]["after"]) == ("SUCCEEDED", "FAILED")
    assert "CAST_INVALID_INPUT" in jobs["cast"]["message"]
    before, after = jobs["cast"]["outputs"]["codes_cast"]
    assert (before["rows"], after["rows"]) == (3, None)  # 5.1 wrote 3 rows, one code NULL
    assert (jobs["labelled"]["before"], jobs["labelled"]["after"]) == ("SUCCEEDED", "FAILED")
    assert "the following arguments are required: --label_text" in jobs["labelled"]["message"]
    found = {(f["job"], f["message"]) for f in report["findings"] if f["breaks"]}
    imports = "imports imp, which Python 3.13 no longer has (Glue 6.0 runs Python 3.13)"
    assert ("cast", imports) in found
    assert (
        "labelled",
        "argument --label stands for --label_text: 6.0's getResolvedOptions refuses abbreviations",
    ) in found
    assert not (workspace.root / "s3" / "gluestack-dev-curated-123456789012-us-east-1").exists()


def test_the_report_for_people_names_each_change_and_finding() -> None:
    from gluestack.cli.upgrade_commands import print_report
    from gluestack.local.upgrade.check import JobChange, UpgradeReport, WrittenTable
    from gluestack.local.upgrade.findings import Finding

    wrote = WrittenTable(3, ("code:int",))
    report = UpgradeReport(
        "legacy",
        "6.0",
        [
            JobChange(
                "cast",
                "SUCCEEDED",
                "FAILED",
                "CAST_INVALID_INPUT",
                {"codes": (wrote, WrittenTable(None, ()))},
            )
        ],
        [Finding("cast", 1, True, "imports imp"), Finding("cast", 0, False, "modules deprecated")],
    )
    with console.capture() as captured:
        print_report(report)
    text = " ".join(captured.get().split())
    assert "codes: 3 rows, 1 columns -> nothing" in text and "CAST_INVALID_INPUT" in text
    assert "breaks cast line 1: imports imp" in text and "deprecated cast: modules" in text
    assert "Glue 6.0: changes above" in text


def test_the_guide_s_items_on_job_parameters_are_found_without_a_run(tmp_path: Path) -> None:
    """https://docs.aws.amazon.com/glue/latest/dg/migrating-version-60.html: custom jars need
    Scala 2.13, bundled AWS SDK for Java 2.x >= 2.44.6 with --user-jars-first, no EMRFS."""
    from gluestack.local.upgrade.findings import script_findings

    script = tmp_path / "job.py"
    script.write_text("print('no script finding')\n")
    arguments = {
        "--extra-jars": "s3://libs/udfs.jar",
        "--user-jars-first": "true",
        "--conf": "spark.sql.ansi.enabled=false --conf spark.hadoop.fs.s3.consistent=true",
        "--additional-python-modules": "holidays==0.57",
    }
    found = {
        (f.breaks, f.message.split(":")[0]) for f in script_findings("j", script, arguments, "6.0")
    }
    assert found == {
        (True, "--extra-jars"),
        (True, "--user-jars-first"),
        (True, "--conf spark.hadoop.fs.s3.consistent"),
        (False, "--additional-python-modules is deprecated in 6.0 (use --python-virtual-env)"),
    }
    assert script_findings("j", script, arguments, "5.1") == []
