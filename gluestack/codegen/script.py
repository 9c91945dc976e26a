"""A transform spec rendered as a Glue Studio-style PySpark script (GlueContext, Job, ApplyMapping).

The text is deterministic and already ruff-formatted. Every source carries a
transformation_ctx, so job bookmarks work; Spark SQL steps run on the DataFrame in between.
"""

from dataclasses import dataclass

from gluestack.codegen.python_text import (
    INDENT,
    LINE_LENGTH,
    joined,
    literal,
    quote,
    ruff_formatted,
    str_list,
)
from gluestack.spec.job import JobSpec
from gluestack.spec.job_arguments import location_argument
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.transform import TransformSource, TransformSpec
from gluestack.spec.transform_checks import Columns


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
    lines = [
        "import sys",
        "",
        "from awsglue.context import GlueContext",
        *(["from awsglue.dynamicframe import DynamicFrame"] if _needs_rows(transform) else []),
        "from awsglue.job import Job",
        *(["from awsglue.transforms import ApplyMapping"] if transform.mappings else []),
        "from awsglue.utils import getResolvedOptions",
        *(
            ["from awsgluedq.transforms import EvaluateDataQuality"]
            if _gated(context, context.job.transform_output)
            else []
        ),
        "from pyspark.context import SparkContext",
        *(
            ["from pyspark.sql import functions as F"]
            if transform.derived or transform.null_values
            else []
        ),
    ]
    return "\n".join(lines) + "\n"


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


def _declared_columns(spec: PipelineSpec, source: TransformSource) -> Columns:
    """The source's columns as the spec declares them: on the source, or on the output it reads."""
    outputs = spec.outputs()
    declared = outputs[source.table].columns if source.table in outputs else {}
    return dict(source.columns or declared)


def _column_check(spec: PipelineSpec, transform: TransformSpec) -> list[str]:
    if not any(_declared_columns(spec, s) for s in transform.sources.values()):
        return []
    return [_REQUIRE_COLUMNS.lstrip("\n")]


def _read(spec: PipelineSpec, name: str, source: TransformSource) -> str:
    return _read_call(spec, name, source) + _require(spec, name, source)


def _require(spec: PipelineSpec, name: str, source: TransformSource) -> str:
    declared = list(_declared_columns(spec, source))
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


def _steps(spec: PipelineSpec, transform: TransformSpec) -> list[str]:
    """Joins, ApplyMapping, then the DataFrame steps; the last one leaves `rows` or a frame."""
    blocks = []
    frame = next(iter(transform.sources))  # a DynamicFrame until a DataFrame step needs rows
    if transform.joins:
        lines = [f"rows = {frame}.toDF()"]
        for join in transform.joins:
            lines.append(f"# {join.how} join with {join.source} on {', '.join(join.keys)}")
            arguments = [
                f"{join.source}.toDF()",
                f"on={str_list(join.keys)}",
                f"how={quote(join.how)}",
            ]
            lines.append(joined("rows = rows.join(", arguments, ")"))
        blocks.append("\n".join(lines) + "\n")
        frame = ""
    if transform.mappings:
        from_rows = 'DynamicFrame.fromDF(rows, glueContext, "joined")'
        source = f"frame={frame or from_rows}"
        blocks.append(_apply_mapping(spec, transform, source))
        frame = "mapped"
    lines = _dataframe_steps(transform)
    if lines:
        to_rows = [f"rows = {frame}.toDF()"] if frame else []
        blocks.append("\n".join([*to_rows, *lines]) + "\n")
        frame = ""
    result = frame or 'DynamicFrame.fromDF(rows, glueContext, "result")'
    blocks.append(f"result = {result}\n")
    return blocks


def _apply_mapping(spec: PipelineSpec, transform: TransformSpec, source: str) -> str:
    columns = _columns_before_mapping(spec, transform)
    tuples = [
        f"({quote(m.source)}, {quote(columns.get(m.source, 'string'))}, "
        f"{quote(m.target_name)}, {quote(m.type or columns.get(m.source, 'string'))})"
        for m in transform.mapping_specs()
    ]
    mapping_list = joined("mappings=[", tuples, "]")
    return (
        "# ApplyMapping: keep, rename and cast columns (unmapped columns are dropped)\n"
        + joined(
            "mapped = ApplyMapping.apply(",
            [source, mapping_list, 'transformation_ctx="mapped"'],
            ")",
        )
        + "\n"
    )


def _needs_rows(transform: TransformSpec) -> bool:
    """Whether a DataFrame is made, so the result goes back through DynamicFrame.fromDF."""
    return bool(transform.joins or _dataframe_steps(transform))


def _dataframe_steps(transform: TransformSpec) -> list[str]:
    lines = []
    if transform.drop:
        lines += [
            "# Remove columns",
            f"rows = rows.drop({', '.join(quote(c) for c in transform.drop)})",
        ]
    if transform.null_values:
        lines += [
            f"# Text read as null in every string column: {', '.join(transform.null_values)}",
            joined(
                "rows = rows.select(",
                [
                    '*[F.when(F.col(f"`{name}`").isin('
                    + str_list(transform.null_values)
                    + '), None).otherwise(F.col(f"`{name}`")).alias(name) if kind == "string" '
                    'else F.col(f"`{name}`") for name, kind in rows.dtypes]'
                ],
                ")",
            ),
        ]
    for index, condition in enumerate(transform.filters, start=1):
        text, prelude = _sql(f"condition_{index}", condition, "rows = rows.where(", ")")
        lines += ["# Keep rows where this holds", *prelude, f"rows = rows.where({text})"]
    for name, derived in transform.derived.items():
        cast = f").cast({quote(derived.type)}))"
        head = f"rows = rows.withColumn({quote(name)}, F.expr("
        text, prelude = _sql(f"{name}_sql", derived.expression, head, cast)
        lines += [*prelude, f"{head}{text}{cast}"]
    if transform.drop_nulls:
        lines += [
            "# Drop rows missing a value that matters",
            joined("rows = rows.dropna(", [f"subset={str_list(transform.drop_nulls)}"], ")"),
        ]
    if transform.fill_nulls:
        values = [f"{quote(k)}: {literal(v)}" for k, v in transform.fill_nulls.items()]
        lines += ["# Defaults for missing values", joined("rows = rows.fillna({", values, "})")]
    if transform.dedupe:
        lines += [
            "# One row per key",
            joined("rows = rows.dropDuplicates(", [str_list(transform.dedupe)], ")"),
        ]
    return lines


def _sql(variable: str, expression: str, head: str, tail: str) -> tuple[str, list[str]]:
    """The expression inline when its statement fits a line, else a variable set before it.

    Ruff never splits a string, so a long one becomes implicitly joined pieces of whole words.
    """
    if len(f"{head}{quote(expression)}{tail}") <= LINE_LENGTH:
        return quote(expression), []
    if len(f"{variable} = {quote(expression)}") <= LINE_LENGTH:
        return variable, [f"{variable} = {quote(expression)}"]
    pieces, current = [], ""
    for word in expression.split(" "):
        if current and len(quote(current + word + " ")) > LINE_LENGTH - 2 * len(INDENT):
            pieces.append(current)
            current = ""
        current += word + " "
    pieces.append(current.rstrip(" "))
    body = "".join(f"{INDENT}{quote(piece)}\n" for piece in pieces)
    return variable, [f"{variable} = (\n{body})"]


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


def _columns_before_mapping(spec: PipelineSpec, transform: TransformSpec) -> Columns:
    """Source column types as the spec declares them (the loader has checked they exist)."""
    columns: Columns = {}
    for source in transform.sources.values():
        columns |= _declared_columns(spec, source)
    return columns
