"""What a script does that a newer Glue version changes, found by reading it (no run needed).

Items of AWS's migration guide for 6.0 (https://docs.aws.amazon.com/glue/latest/dg/
migrating-version-60.html): Python 3.13 (modules removed by 3.12 and 3.13, PEP 594 and
https://docs.python.org/3/whatsnew/3.12.html), SQLContext removed in Spark 4, getResolvedOptions
refusing abbreviated argument names, --additional-python-modules deprecated, jars to rebuild for
Scala 2.13 (--extra-jars) or an AWS SDK for Java 2.44.6 (--user-jars-first), EMRFS removed.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

from gluestack.local.execution.spark_conf_argument import spark_settings
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

MIGRATION_60 = "https://docs.aws.amazon.com/glue/latest/dg/migrating-version-60.html"
# Removed from the standard library by Python 3.12 and 3.13 (6.0 runs Python 3.13).
REMOVED_MODULES = {
    "imp", "distutils", "asynchat", "asyncore", "smtpd", "aifc", "audioop", "cgi", "cgitb",
    "chunk", "crypt", "imghdr", "mailcap", "msilib", "nis", "nntplib", "ossaudiodev", "pipes",
    "sndhdr", "spwd", "sunau", "telnetlib", "uu", "xdrlib", "lib2to3",
}  # fmt: skip
# Glue's own job arguments: never an abbreviation of a requested name.
_GLUE_OWN = {"JOB_NAME", "JOB_ID", "JOB_RUN_ID", "TempDir", "RedshiftTempDir"}


@dataclass(frozen=True)
class Finding:
    """One thing in a job's script or arguments the target version treats differently."""

    job: str
    line: int
    breaks: bool  # False: deprecated, still works
    message: str


def script_findings(
    job: str, script: Path, arguments: dict[str, str], target: str
) -> list[Finding]:
    """What in script (and the job's deployed arguments) target changes; [] below 6.0."""
    if float(target) < 6.0:
        return []
    tree = ast.parse(script.read_text(), filename=str(script))
    found = [*_removed_imports(job, tree), *_sql_context(job, tree)]
    found += _abbreviations(job, tree, arguments)
    found += _argument_findings(job, arguments)
    return sorted(found, key=lambda finding: finding.line)


def _argument_findings(job: str, arguments: dict[str, str]) -> list[Finding]:
    """The guide's items on job parameters: deprecated modules, jars to rebuild, EMRFS gone."""
    found = []
    if arguments.get("--additional-python-modules"):
        found.append(
            Finding(
                job, 0, False,
                "--additional-python-modules is deprecated in 6.0 (use --python-virtual-env)",
            )
        )  # fmt: skip
    if arguments.get("--extra-jars"):
        found.append(
            Finding(
                job, 0, True,
                "--extra-jars: jars built for Scala 2.12 fail on 6.0 (Scala 2.13, Spark 4.1); "
                "rebuild them",
            )
        )  # fmt: skip
    if arguments.get("--user-jars-first"):
        found.append(
            Finding(
                job, 0, True,
                "--user-jars-first: a jar bundling an AWS SDK for Java 2.x older than 2.44.6 "
                "fails on 6.0 (NoSuchFieldError); bundle 2.44.6 or later",
            )
        )  # fmt: skip
    try:
        settings = spark_settings(arguments.get("--conf", ""))
    except UnsupportedGlueFeature:  # a malformed --conf: the runs report it
        settings = {}
    emrfs = [key for key in settings if key.startswith("fs.s3.") or ".fs.s3." in key]
    if emrfs:
        found.append(
            Finding(
                job, 0, True,
                f"--conf {emrfs[0]}: 6.0 has no EMRFS (S3A is its only S3 filesystem); "
                "remove EMRFS settings",
            )
        )  # fmt: skip
    return found


def _removed_imports(job: str, tree: ast.AST) -> list[Finding]:
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            if name.partition(".")[0] in REMOVED_MODULES and isinstance(node, ast.stmt):
                found.append(
                    Finding(
                        job,
                        node.lineno,
                        True,
                        f"imports {name}, which Python 3.13 no "
                        "longer has (Glue 6.0 runs Python 3.13)",
                    )
                )
    return found


def _sql_context(job: str, tree: ast.AST) -> list[Finding]:
    lines = sorted(
        {
            getattr(node, "lineno", 0)
            for node in ast.walk(tree)
            if (isinstance(node, ast.Name) and node.id == "SQLContext")
            or (isinstance(node, ast.alias) and node.name == "SQLContext")
            or (isinstance(node, ast.Attribute) and node.attr == "SQLContext")
        }
    )
    return [
        Finding(job, line, True, "uses SQLContext, which Spark 4 removed (use SparkSession)")
        for line in lines[:1]
    ]


def _abbreviations(job: str, tree: ast.AST, arguments: dict[str, str]) -> list[Finding]:
    """A deployed argument that only an unambiguous prefix of a requested name matches."""
    found = []
    given = [name.removeprefix("--") for name in arguments if name.startswith("--")]
    for node in ast.walk(tree):
        if not (_is_call_of(node, "getResolvedOptions") and isinstance(node, ast.Call)):
            continue
        if len(node.args) < 2:
            continue
        requested = _string_list(node.args[1], _assigned_lists(tree))
        for name in given:
            if name in requested or name in _GLUE_OWN:
                continue
            longer = [option for option in requested if option.startswith(name)]
            if len(longer) == 1:
                found.append(
                    Finding(
                        job,
                        node.lineno,
                        True,
                        f"argument --{name} stands for --{longer[0]}: 6.0's "
                        "getResolvedOptions refuses abbreviations",
                    )
                )
    return found


def _is_call_of(node: ast.AST, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    return (isinstance(function, ast.Name) and function.id == name) or (
        isinstance(function, ast.Attribute) and function.attr == name
    )


def _string_list(node: ast.AST, names: dict[str, ast.AST]) -> list[str]:
    """The strings of a list literal, or of the list a name was assigned."""
    if isinstance(node, ast.Name) and node.id in names:
        node = names[node.id]
    if isinstance(node, ast.List | ast.Tuple):
        constants = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        return [value for value in constants if isinstance(value, str)]
    return []


def _assigned_lists(tree: ast.AST) -> dict[str, ast.AST]:
    """name -> the list literal assigned to it (the last assignment wins)."""
    return {
        target.id: node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List | ast.Tuple)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
