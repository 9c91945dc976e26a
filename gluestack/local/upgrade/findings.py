"""What a script does that a newer Glue version changes, found by reading it (no run needed).

Items of AWS's migration guide for 6.0 (https://docs.aws.amazon.com/glue/latest/dg/
migrating-version-60.html): Python 3.13 (modules removed by 3.12 and 3.13, PEP 594 and
https://docs.python.org/3/whatsnew/3.12.html), SQLContext removed in Spark 4, getResolvedOptions
refusing abbreviated argument names, --additional-python-modules deprecated.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

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
    if arguments.get("--additional-python-modules"):
        found.append(
            Finding(
                job,
                0,
                False,
                "--additional-python-modules is deprecated in 6.0 (use --python-virtual-env)",
            )
        )
    return sorted(found, key=lambda finding: finding.line)


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
