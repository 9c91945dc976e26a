"""Rules evaluated with their own Spark query: CustomSql, and the rules that compare the
dataset with a reference dataset (RowCountMatch, AggregateMatch, ReferentialIntegrity,
DatasetMatch, SchemaMatch).

https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types-CustomSql.html: `primary` names the
evaluated data; a query with a condition returns one number; a query without one returns the
rows that pass. Reference datasets are the `additional_data_sources` of EvaluateDataQuality.
"""

import re
import uuid
from typing import TYPE_CHECKING

from pyspark.errors import AnalysisException
from pyspark.sql import functions as F

from gluestack.local.data_quality.conditions import metric_holds
from gluestack.local.data_quality.rule_kind import (
    Dataset,
    Lookup,
    OwnPass,
    Verdict,
    compared,
    unmet,
)
from gluestack.local.data_quality.values import NotEmulated
from gluestack.spec.dqdl.syntax import Rule

if TYPE_CHECKING:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType

_AGGREGATE = re.compile(r"^\s*(sum|avg)\s*\(\s*(?:(\w+)\.)?([^()]+?)\s*\)\s*$", re.IGNORECASE)


class CustomSql(OwnPass):
    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        if rule.where is not None:
            raise NotEmulated("CustomSql with `where`: filter inside the query instead")
        view = f"primary_{uuid.uuid4().hex}"
        query = re.sub(r"\bprimary\b", view, rule.parameters[0])
        data.frame.createOrReplaceTempView(view)
        try:
            result = data.frame.sparkSession.sql(query)
            if rule.condition is not None:
                return self._single_value(rule, data, result)
            return self._returned_rows(rule, data, result)
        except AnalysisException as error:  # ParseException too
            first = str(error).strip().splitlines()[0]
            message = f"There was a problem when executing your SQL statement: {first}"
            return Verdict("ERROR", message)
        finally:
            data.frame.sparkSession.catalog.dropTempView(view)

    def _single_value(self, rule: Rule, data: Dataset, result: "DataFrame") -> Verdict:
        assert rule.condition is not None
        row = result.first()
        value = None if row is None or row[0] is None else float(row[0])
        return compared(
            {"Dataset.*.CustomSQL": value}, "Dataset.*.CustomSQL", rule.condition, data.now
        )

    def _returned_rows(self, rule: Rule, data: Dataset, result: "DataFrame") -> Verdict:
        unknown = [c for c in result.columns if c not in data.columns]
        if not result.columns or unknown:
            return Verdict(
                "ERROR",
                "The output from CustomSQL must contain at least one column that matches the "
                "input dataset for AWS Glue Data Quality to provide row level results.",
            )
        total = data.frame.count()
        kept = data.frame.join(result.distinct(), on=result.columns, how="left_semi").count()
        share = kept / total if total else 1.0
        metrics = {"Dataset.*.CustomSQL.Compliance": share}
        passed = metric_holds(rule.threshold, share, data.now) if rule.threshold else share >= 1.0
        if passed:
            return Verdict("PASS", "", metrics)
        return Verdict("FAIL", unmet(share), metrics)


def _reference(data: Dataset, alias: str) -> "DataFrame":
    if alias not in data.references:
        raise NotEmulated(
            f"the reference dataset '{alias}' was not given (EvaluateDataQuality's "
            f"additional_data_sources={{'{alias}': frame}}, or an evaluation run's "
            "AdditionalDataSources)"
        )
    return data.references[alias]


class RowCountMatch(OwnPass):
    """Primary rows divided by reference rows (dqdl-rule-types-RowCountMatch.html)."""

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        assert rule.condition is not None
        alias = rule.parameters[0]
        reference_rows = _reference(data, alias).count()
        ratio = data.frame.count() / reference_rows if reference_rows else None
        name = f"Dataset.{alias}.RowCountMatch"
        return compared({name: ratio}, name, rule.condition, data.now)


class AggregateMatch(OwnPass):
    """sum or avg of one column over that of another, NULLs ignored
    (dqdl-rule-types-AggregateMatch.html)."""

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        assert rule.condition is not None
        first, first_column = self._aggregate(rule.parameters[0], data)
        second, second_column = self._aggregate(rule.parameters[1], data)
        ratio = first / second if first is not None and second else None
        columns = dict.fromkeys([first_column, second_column])
        name = f"Column.{','.join(columns)}.AggregateMatch"
        return compared({name: ratio}, name, rule.condition, data.now)

    def _aggregate(self, text: str, data: Dataset) -> tuple[float | None, str]:
        match = _AGGREGATE.match(text)
        if match is None:
            raise NotEmulated(
                f"AggregateMatch aggregation {text!r}: write sum(column) or avg(column)"
            )
        function, alias, name = match.groups()
        frame = _reference(data, alias) if alias else data.frame
        if name not in frame.columns:
            raise NotEmulated(f"Input data does not include column {name}!")
        aggregate = F.sum if function.lower() == "sum" else F.avg
        value = frame.agg(aggregate(F.col(f"`{name}`"))).first()[0]  # type: ignore[index]
        return (None if value is None else float(value)), name


class ReferentialIntegrity(OwnPass):
    """The share of primary rows whose key values appear in the reference's key columns."""

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        assert rule.condition is not None
        primary = [c.strip() for c in rule.parameters[0].split(",")]
        alias, _, listed = rule.parameters[1].partition(".")
        reference = _reference(data, alias)
        keys = [c.strip() for c in listed.strip().strip("{}").split(",")]
        if len(keys) != len(primary):
            raise NotEmulated(
                "ReferentialIntegrity needs as many reference columns as primary ones"
            )
        renamed = reference.select(
            *[F.col(f"`{k}`").alias(f"__ref_{i}") for i, k in enumerate(keys)]
        ).distinct()
        joined = F.lit(True)
        for index, name in enumerate(primary):
            joined = joined & (F.col(f"`{name}`") == F.col(f"__ref_{index}"))
        total = data.frame.count()
        found = data.frame.join(renamed, on=joined, how="left_semi").count()
        share = found / total if total else None
        name = f"Column.{alias}.ReferentialIntegrity"
        return compared({name: share}, name, rule.condition, data.now)


def _refuse_where(rule: Rule) -> None:
    if rule.where is not None:
        raise NotEmulated(f"{rule.type} with `where` (AWS documents no filtered form)")


def _mappings(text: str) -> dict[str, str]:
    """ "a->b,c" as {"a": "b", "c": "c"}: primary column -> reference column."""
    pairs = [item.split("->", 1) for item in text.split(",") if item.strip()]
    return {p[0].strip(): (p[1] if len(p) > 1 else p[0]).strip() for p in pairs}


def _absent(frame: "DataFrame", names: list[str], which: str) -> str | None:
    missing = [name for name in names if name not in frame.columns]
    if not missing:
        return None
    return f"The following columns were not found in the {which} dataset: {', '.join(missing)}"


def _is_key(frame: "DataFrame", keys: list[str]) -> bool:
    """The columns are a primary key: never NULL, no two rows alike."""
    present = F.lit(True)
    for key in keys:
        present = present & F.col(f"`{key}`").isNotNull()
    row = frame.agg(
        F.count(F.lit(1)).alias("rows"),
        F.sum(F.when(present, 0).otherwise(1)).alias("nulls"),
        F.countDistinct(*[F.col(f"`{k}`") for k in keys]).alias("distinct"),
    ).first()
    assert row is not None
    return not row["nulls"] and row["rows"] == row["distinct"]


class DatasetMatch(OwnPass):
    """The share of primary rows that a reference row matches: equal keys and equal values in
    the compared columns (NULL equal to NULL), as AWS's engine (awslabs/deequ,
    DataSynchronization.columnMatchRowLevel) computes it; the keys must be a primary key of both
    (dqdl-rule-types-DatasetMatch.html)."""

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        assert rule.condition is not None
        _refuse_where(rule)
        alias = rule.parameters[0]
        reference = _reference(data, alias)
        keys = _mappings(rule.parameters[1])
        problem = _absent(data.frame, list(keys), "first") or _absent(
            reference, list(keys.values()), "second"
        )
        if problem:
            return Verdict("FAIL", problem)
        if not (_is_key(data.frame, list(keys)) and _is_key(reference, list(keys.values()))):
            return Verdict("FAIL", "Provided key map not suitable for given data frames")
        if len(rule.parameters) > 2:
            compared_columns = _mappings(rule.parameters[2])
        else:
            compared_columns = {c: c for c in data.frame.columns if c not in keys}
            if any(c not in reference.columns for c in compared_columns):
                return Verdict("FAIL", "Non key columns in the given data frames do not match.")
        problem = _absent(data.frame, list(compared_columns), "first") or _absent(
            reference, list(compared_columns.values()), "second"
        )
        if problem:
            return Verdict("FAIL", problem)
        total = data.frame.count()
        if total == 0:
            return Verdict("FAIL", "Cannot evaluate: primary DataFrame is empty")
        pairs = {**keys, **compared_columns}
        renamed = reference.select(
            *[F.col(f"`{r}`").alias(f"__ref_{i}") for i, r in enumerate(pairs.values())]
        )
        on = F.lit(True)
        for index, name in enumerate(pairs):
            on = on & F.col(f"`{name}`").eqNullSafe(F.col(f"__ref_{index}"))
        matched = data.frame.join(renamed, on=on, how="left_semi").count()
        name = f"Dataset.{alias}.DatasetMatch"
        return compared({name: matched / total}, name, rule.condition, data.now)


def _type_name(data_type: "DataType") -> str:
    """Spark's Scala typeName, which AWS's engine compares: `integer`, `decimal(10,2)`..."""
    json_value = data_type.jsonValue()
    return json_value if isinstance(json_value, str) else data_type.typeName()


class SchemaMatch(OwnPass):
    """The share of the primary's columns the reference has with the same name and type; column
    counts that differ fail, as AWS's engine (awslabs/deequ, comparison.SchemaMatch) decides."""

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        assert rule.condition is not None
        _refuse_where(rule)
        alias = rule.parameters[0]
        primary = {f.name: _type_name(f.dataType) for f in data.frame.schema.fields}
        reference = {f.name: _type_name(f.dataType) for f in _reference(data, alias).schema.fields}
        name = f"Dataset.{alias}.SchemaMatch"
        if not primary or not reference:
            return Verdict("FAIL", "One or both DataFrames have no columns", {name: 0.0})
        if len(primary) != len(reference):
            return Verdict("FAIL", "Column counts do not match", {name: 0.0})
        ratio = sum(reference.get(c) == t for c, t in primary.items()) / len(primary)
        if metric_holds(rule.condition, ratio, data.now):
            return Verdict("PASS", "", {name: ratio})
        return Verdict("FAIL", f"{ratio * 100:.2f}% of columns passed the threshold", {name: ratio})


KINDS = {
    "CustomSql": CustomSql(),
    "DatasetMatch": DatasetMatch(),
    "SchemaMatch": SchemaMatch(),
    "RowCountMatch": RowCountMatch(),
    "AggregateMatch": AggregateMatch(),
    "ReferentialIntegrity": ReferentialIntegrity(),
}
