"""A transform spec rendered as a Glue Studio-style PySpark script (GlueContext, Job, ApplyMapping).

The text is deterministic and already ruff-formatted. Every source carries a
transformation_ctx, so job bookmarks work; Spark SQL steps run on the DataFrame in between.
"""

from dataclasses import dataclass
from itertools import groupby

from gluestack.codegen.python_text import INDENT, joined, quote, ruff_formatted, str_list
from gluestack.spec.job import JobSpec
from gluestack.spec.job_arguments import location_argument
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.transform import TransformSource, TransformSpec
from gluestack.spec.transform_steps.checks import declared_columns, source_columns, walk
from gluestack.spec.transform_steps.columns import main_source
from gluestack.spec.transform_steps.registry import STEPS
from gluestack.spec.transform_steps.step import FrameKind


@dataclass(frozen=True)
class ScriptContext:
    """What the script needs beyond its transform: the pipeline and where the spec lives."""

    spec: PipelineSpec
    job_name: str
    job: JobSpec
    spec_file: str


def render_script(context: ScriptContext) -> str:
    """The script body (no header): imports, setup, one block per step, commit."""
    job, transform = context.job, context.job.transform
    assert transform is not None
    output = job.transform_output
    arguments = ["JOB_NAME", *_argument_names(context.spec, transform), location_argument(output)]
    blocks = [
        _docstring(context, transform),
        _imports(context, transform),
        _setup(arguments),
        *_column_check(context.spec, transform),
        *[_read(context.spec, name, source) for name, source in transform.sources.items()],
        *_steps(context.spec, transform),
        _quality_gate(context, output),
        _write(context, output, transform),
        "job.commit()\n",
    ]
    return ruff_formatted("\n".join(block for block in blocks if block))


def _imports(context: ScriptContext, transform: TransformSpec) -> str:
    steps = [step for step in STEPS if step.present(transform)]
    lines = {
        "from awsglue.context import GlueContext",
        "from awsglue.job import Job",
        "from awsglue.utils import getResolvedOptions",
        "from pyspark.context import SparkContext",
        *(line for step in steps for line in step.imports(transform)),
    }
    if any(step.frame_kind is FrameKind.ROWS for step in steps):
        lines.add("from awsglue.dynamicframe import DynamicFrame")  # rows go back through it
    if _gated(context, context.job.transform_output):
        lines.add("from awsgluedq.transforms import EvaluateDataQuality")
    by_module = sorted(lines, key=lambda line: (line.split()[1], line))
    return "\n".join(["import sys", "", *by_module]) + "\n"


def _docstring(context: ScriptContext, transform: TransformSpec) -> str:
    description = context.job.description or f"Job {context.job_name}"
    sources = ", ".join(transform.sources)
    return (
        f'"""{description.rstrip(".")}.\n\n'
        f"Reads {sources}; writes {context.job.transform_output}. Generated from the transform of\n"
        f"job {context.job_name} in {context.spec_file}.\n"
        '"""\n'
    )


def _argument_names(spec: PipelineSpec, transform: TransformSpec) -> list[str]:
    names: list[str] = []
    for source in transform.sources.values():
        if source.table in spec.sources and "database" not in names:
            names.append("database")
        elif source.table is not None and source.table not in spec.sources:
            names.append(location_argument(source.table))
    return names


def _setup(arguments: list[str]) -> str:
    return (
        joined("args = getResolvedOptions(", ["sys.argv", str_list(arguments)], ")")
        + "\nsc = SparkContext()\n"
        "glueContext = GlueContext(sc)\n"
        "job = Job(glueContext)\n"
        'job.init(args["JOB_NAME"], args)\n'
    )


# Defined in the script (it runs on Glue as is): a spec whose declared columns are not what the
# crawler or the writing job made would otherwise map nothing and write an empty table.
_REQUIRE_COLUMNS = '''
def require_declared_columns(frame, source, declared):
    """Stop, naming both lists, when a column the spec declares is not in what was read."""
    found = frame.toDF().columns
    present = {name.lower() for name in found}
    missing = [name for name in declared if name.lower() not in present]
    if missing:
        raise ValueError(
            f"source {source}: the spec declares column(s) {missing} that the data lacks; "
            f"it has {found} (names compare ignoring case, as ApplyMapping matches them). "
            "Declare the columns the data has in the transform's sources "
            "(`gluestack generate --from-catalog DB.TABLE` writes a crawled table's)"
        )
'''


def _column_check(spec: PipelineSpec, transform: TransformSpec) -> list[str]:
    if not any(declared_columns(spec, s) for s in transform.sources.values()):
        return []
    return [_REQUIRE_COLUMNS.lstrip("\n")]


def _read(spec: PipelineSpec, name: str, source: TransformSource) -> str:
    return _read_call(spec, name, source) + _require(spec, name, source)


def _require(spec: PipelineSpec, name: str, source: TransformSource) -> str:
    declared = list(declared_columns(spec, source))
    if not declared:
        return ""
    return joined("require_declared_columns(", [name, quote(name), str_list(declared)], ")") + "\n"


def _read_call(spec: PipelineSpec, name: str, source: TransformSource) -> str:
    context = f"transformation_ctx={quote('source_' + name)}"
    if source.table in spec.sources:
        comment = f"# Source {name}: catalog table {source.table}, as the crawler infers it"
        call = joined(
            f"{name} = glueContext.create_dynamic_frame.from_catalog(",
            ['database=args["database"]', f"table_name={quote(source.table)}", context],
            ")",
        )
        return f"{comment}\n{call}\n"
    if source.table is not None:
        output = spec.outputs()[source.table]
        location, fmt = f"args[{quote(location_argument(source.table))}]", str(output.format)
        comment = f"# Source {name}: {source.table}, written by another job ({fmt})"
    else:
        location, fmt = quote(str(source.path)), str(source.format)
        comment = f"# Source {name}: files under {source.path} ({fmt})"
    options = "{" + f'"paths": [{location}], "recurse": True' + "}"
    call = joined(
        f"{name} = glueContext.create_dynamic_frame.from_options(",
        ['connection_type="s3"', f"connection_options={options}", f"format={quote(fmt)}"]
        + (['format_options={"withHeader": True}'] if fmt == "csv" else [])
        + [context],
        ")",
    )
    return f"{comment}\n{call}\n"


# Rows become a DynamicFrame again for a Glue transform; only joins come before ApplyMapping.
_ROWS_AS_DYNAMIC = 'DynamicFrame.fromDF(rows, glueContext, "joined")'


def _steps(spec: PipelineSpec, transform: TransformSpec) -> list[str]:
    """One block per run of steps sharing a block label, then `result`: the frame to write."""
    steps = walk(transform, source_columns(spec, transform)).steps
    frame, kind = main_source(transform), FrameKind.DYNAMIC
    blocks = []
    for _, group in groupby(steps, key=lambda entry: entry[0].block):
        lines = []
        for step, columns in group:
            if step.frame_kind is FrameKind.ROWS and kind is FrameKind.DYNAMIC:
                lines.append(f"rows = {frame}.toDF()")
                frame = "rows"
            elif step.frame_kind is FrameKind.DYNAMIC and kind is FrameKind.ROWS:
                frame = _ROWS_AS_DYNAMIC
            lines += step.render(transform, columns, frame)
            frame, kind = step.frame_variable, step.frame_kind
        blocks.append("\n".join(lines) + "\n")
    result = (
        frame if kind is FrameKind.DYNAMIC else 'DynamicFrame.fromDF(rows, glueContext, "result")'
    )
    return [*blocks, f"result = {result}\n"]


def _gated(context: ScriptContext, output: str) -> str | None:
    """The output's ruleset when a failing rule must stop the job before it writes."""
    quality = context.job.outputs[output].data_quality
    return quality.rules if quality and quality.on_failure == "fail" else None


def _quality_gate(context: ScriptContext, output: str) -> str:
    """EvaluateDataQuality on what is about to be written; a failing rule stops the job, so
    nothing is written and the bookmark stays: Glue Studio's EvaluateDataQuality node stopping
    the job Immediate, before the target is loaded
    (https://docs.aws.amazon.com/glue/latest/webapi/API_DQStopJobOnFailureOptions.html)."""
    rules = _gated(context, output)
    if rules is None:
        return ""
    refusal = output + " not written: data quality rule(s) failed: {failed_rules}"
    plain = '"""' not in rules and "\\" not in rules
    ruleset = f'"""\n{rules.strip()}\n"""' if plain else quote(rules)
    return (
        f"# Check {output} against its data quality rules before writing (on_failure: fail)\n"
        f"{output}_ruleset = {ruleset}\n"
        + joined(
            f"{output}_quality = EvaluateDataQuality.apply(",
            [
                "frame=result",
                f"ruleset={output}_ruleset",
                joined(
                    "publishing_options={",
                    [
                        f'"dataQualityEvaluationContext": {quote(output)}',
                        '"enableDataQualityResultsPublishing": True',
                    ],
                    "}",
                ),
            ],
            ")",
        )
        + "\n"
        + f"failed_rules = [\n{INDENT}row['Rule'] for row in {output}_quality.toDF().collect() "
        + "if row['Outcome'] == 'Failed'\n]\n"
        + "if failed_rules:\n"
        + f"{INDENT}raise RuntimeError(f{quote(refusal)})\n"
    )


def _write(context: ScriptContext, output: str, transform: TransformSpec) -> str:
    spec_output = context.job.outputs[output]
    options = [f'"path": args[{quote(location_argument(output))}]']
    if spec_output.partition_keys:
        options.append(f'"partitionKeys": {str_list(spec_output.partition_keys)}')
    connection = joined("connection_options={", options, "}")
    compression = "uncompressed" if transform.compression == "none" else transform.compression
    purge = ""
    if spec_output.mode == "overwrite":
        # purge_s3_path keeps files newer than retentionPeriod hours: 0 removes every one.
        purge = (
            f"# Overwrite {output}: remove what earlier runs wrote\n"
            f"glueContext.purge_s3_path(args[{quote(location_argument(output))}], "
            '{"retentionPeriod": 0})\n'
        )
    return (
        purge
        + f"# Write {output} ({spec_output.format}, {transform.compression})\n"
        + joined(
            "glueContext.write_dynamic_frame.from_options(",
            [
                "frame=result",
                'connection_type="s3"',
                connection,
                f"format={quote(spec_output.format)}",
                f'format_options={{"compression": {quote(compression)}}}',
                f"transformation_ctx={quote('sink_' + output)}",
            ],
            ")",
        )
        + "\n"
    )
