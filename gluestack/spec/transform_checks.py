"""A transform checked against its sources' columns, step by step, before any script exists.

Columns come from the spec: a transform source's own `columns`, else the `columns` declared on
the job output it reads. Each step sees the columns the previous one left.
"""

import re

from gluestack.spec.errors import FieldPath, SpecIssue
from gluestack.spec.glue_types import is_lossless, is_numeric
from gluestack.spec.job import JobSpec
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.transform import TransformSpec

Columns = dict[str, str]
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_IDENTIFIER = re.compile(r"`([^`]+)`|\b([A-Za-z_][A-Za-z0-9_]*)\b(\s*\()?")
SQL_WORDS = frozenset(
    [
        "and",
        "or",
        "not",
        "in",
        "is",
        "null",
        "true",
        "false",
        "case",
        "when",
        "then",
        "else",
        "end",
        "between",
        "like",
        "rlike",
        "ilike",
        "as",
        "cast",
        "distinct",
        "interval",
        "exists",
        "any",
        "some",
        "all",
        "div",
        "string",
        "boolean",
        "tinyint",
        "smallint",
        "int",
        "integer",
        "bigint",
        "float",
        "double",
        "decimal",
        "date",
        "timestamp",
        "binary",
    ]
)


def check_transforms(spec: PipelineSpec) -> list[SpecIssue]:
    """Every transform's problems, each at its field."""
    return [
        issue
        for name, job in spec.jobs.items()
        if job.transform is not None
        for issue in _Checker(spec, name, job, job.transform).issues()
    ]


def output_columns(spec: PipelineSpec, job: JobSpec) -> Columns | None:
    """The columns a transform job writes, or None when its transform has problems."""
    assert job.transform is not None
    checker = _Checker(spec, "", job, job.transform)
    return checker.final if not checker.issues() else None


class _Checker:
    def __init__(self, spec: PipelineSpec, name: str, job: JobSpec, transform: TransformSpec):
        self.spec, self.job, self.transform = spec, job, transform
        self.where: FieldPath = ("jobs", name, "transform")
        self._issues: list[SpecIssue] = []
        self.final = self._run()

    def issues(self) -> list[SpecIssue]:
        return self._issues

    def _problem(self, path: FieldPath, message: str) -> None:
        self._issues.append(SpecIssue((*self.where, *path), message))

    def _run(self) -> Columns:
        sources = {name: self._source_columns(name) for name in self.transform.sources}
        if any(columns is None for columns in sources.values()):
            return {}
        main = next(iter(self.transform.sources))
        columns = dict(sources[main] or {})
        for index, join in enumerate(self.transform.joins):
            columns = self._join(index, columns, sources.get(join.source), join.source, join.keys)
        columns = self._map(columns)
        for index, name in enumerate(self.transform.drop):
            if self._known(("drop", index), name, columns):
                del columns[name]
        for index, condition in enumerate(self.transform.filters):
            self._references(("filters", index), condition, columns)
        for name, derived in self.transform.derived.items():
            self._references(("derived", name, "expression"), derived.expression, columns)
            columns[name] = derived.type
        self._nulls(columns)
        for index, key in enumerate(self.transform.dedupe):
            self._known(("dedupe", index), key, columns)
        self._output(columns)
        return columns

    def _source_columns(self, name: str) -> Columns | None:
        source = self.transform.sources[name]
        if source.columns:
            return dict(source.columns)
        output = self.spec.outputs().get(source.table or "")
        if output is not None and output.columns:
            return dict(output.columns)
        if source.table is not None and output is None and source.table not in self.spec.sources:
            return None  # an undeclared table: the reference check reports it
        self._problem(
            ("sources", name, "columns"),
            f"the columns of '{source.table or source.path}' are not declared: list them here "
            "(name: type)" + (" or on the job output that writes it" if output else ""),
        )
        return None

    def _join(
        self, index: int, left: Columns, right: Columns | None, name: str, keys: list[str]
    ) -> Columns:
        if right is None or name == next(iter(self.transform.sources)):
            self._problem(
                ("joins", index, "source"),
                f"'{name}' is not one of the other sources: {', '.join(self.transform.sources)}",
            )
            return left
        for key in keys:
            for side, columns in (("left", left), (name, right)):
                if key not in columns:
                    self._problem(
                        ("joins", index, "keys"),
                        f"join key '{key}' is not a column of {side}; it has {_names(columns)}",
                    )
        clashes = sorted((set(left) & set(right)) - set(keys))
        if clashes:
            self._problem(
                ("joins", index),
                f"columns {', '.join(clashes)} are on both sides: map or drop them in one source",
            )
        return {**left, **{k: v for k, v in right.items() if k not in keys}}

    def _map(self, columns: Columns) -> Columns:
        mappings = self.transform.mapping_specs()
        if not mappings:
            return columns
        mapped: Columns = {}
        for index, mapping in enumerate(mappings):
            if mapping.source not in columns:
                self._problem(
                    ("mappings", index),
                    f"'{mapping.source}' is not a column here; the columns are {_names(columns)}",
                )
                continue
            source_type = columns[mapping.source]
            target_type = mapping.type or source_type
            if not mapping.allow_lossy and not is_lossless(source_type, target_type):
                self._problem(
                    ("mappings", index),
                    f"{mapping.source}: cast {source_type} -> {target_type} may lose data; "
                    "set allow_lossy: true if that is meant, or keep the type",
                )
            if mapping.target_name in mapped:
                self._problem(("mappings", index), f"'{mapping.target_name}' is mapped twice")
            mapped[mapping.target_name] = target_type
        return mapped

    def _nulls(self, columns: Columns) -> None:
        for index, name in enumerate(self.transform.drop_nulls):
            self._known(("drop_nulls", index), name, columns)
        for name, value in self.transform.fill_nulls.items():
            if self._known(("fill_nulls", name), name, columns):
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                fits = {
                    "string": isinstance(value, str),
                    "boolean": isinstance(value, bool),
                }.get(columns[name], numeric and is_numeric(columns[name]))
                if not fits:
                    self._problem(
                        ("fill_nulls", name),
                        f"{value!r} does not fit column '{name}' of type {columns[name]}",
                    )

    def _output(self, columns: Columns) -> None:
        table = self.job.transform_output
        output = self.job.outputs[table]
        for index, key in enumerate(output.partition_keys):
            if key not in columns:
                self._problem(
                    ("output",),
                    f"partition key '{key}' of '{table}' (partition_keys[{index}]) is not written; "
                    f"the columns are {_names(columns)}",
                )
        if output.columns and output.columns != columns:
            self._problem(
                ("output",),
                f"'{table}' declares columns {_names(output.columns)} but the transform writes "
                f"{_names(columns)}; drop the declaration or make them agree",
            )

    def _references(self, path: FieldPath, expression: str, columns: Columns) -> None:
        for name in sorted(referenced_columns(expression) - set(columns)):
            self._problem(path, f"'{name}' is not a column here; the columns are {_names(columns)}")

    def _known(self, path: FieldPath, name: str, columns: Columns) -> bool:
        if name in columns:
            return True
        self._problem(path, f"'{name}' is not a column here; the columns are {_names(columns)}")
        return False


def referenced_columns(expression: str) -> set[str]:
    """Names a Spark SQL expression reads: identifiers that are not functions or SQL words."""
    names = set()
    for match in _IDENTIFIER.finditer(_STRING_LITERAL.sub("''", expression)):
        quoted, word, call = match.groups()
        if quoted:
            names.add(quoted)
        elif not call and word.lower() not in SQL_WORDS:
            names.add(word)
    return names


def _names(columns: Columns | dict[str, str]) -> str:
    return ", ".join(columns) if columns else "none"
