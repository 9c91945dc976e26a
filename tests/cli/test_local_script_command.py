"""gluestack local script runs one Glue script in Glue Studio's style from the shell."""

from pathlib import Path

from typer.testing import CliRunner

from gluestack.cli import app

SCRIPT = """import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "source", "target"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
frame = glueContext.create_dynamic_frame.from_options(
    "s3", {"paths": [args["source"]]}, format="json"
)
glueContext.write_dynamic_frame.from_options(
    frame=frame, connection_type="s3", connection_options={"path": args["target"]}, format="json"
)
print("job", args["JOB_NAME"], "wrote", frame.count())
job.commit()
"""


def test_a_script_reads_and_writes_the_workspace_buckets(tmp_path: Path) -> None:
    script = tmp_path / "copy_orders.py"
    script.write_text(SCRIPT)
    source = tmp_path / "ws" / "s3" / "raw" / "orders" / "a.json"
    source.parent.mkdir(parents=True)
    source.write_text('{"id": 1}\n{"id": 2}\n')
    (tmp_path / "ws" / "s3" / "out").mkdir()
    result = CliRunner().invoke(
        app,
        ["local", "script", str(script), "--workspace", str(tmp_path / "ws"),
         "--arg", "source=s3://raw/orders/", "--arg", "target=s3://out/orders/"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "job copy_orders wrote 2" in result.output
    written = sorted((tmp_path / "ws" / "s3" / "out" / "orders").glob("*.json"))
    assert sorted(line for f in written for line in f.read_text().splitlines()) == [
        '{"id":1}',
        '{"id":2}',
    ]


def test_a_failing_script_exits_1_with_glue_s_state_and_message(tmp_path: Path) -> None:
    script = tmp_path / "broken.py"
    script.write_text("raise RuntimeError('bad input')\n")
    result = CliRunner().invoke(
        app, ["local", "script", str(script), "--workspace", str(tmp_path / "ws")]
    )
    assert result.exit_code == 1
    assert "FAILED: RuntimeError: bad input" in result.output
