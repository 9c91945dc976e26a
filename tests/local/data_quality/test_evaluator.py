"""DQDL rules evaluated offline give the results AWS documents, on small hand-computed frames.

Pages: https://docs.aws.amazon.com/glue/latest/dg/dqdl.html (expressions, composites, where)
and https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types-<RuleType>.html per rule.
Where the pages are silent, AWS's open-source DQDL engine (awslabs/deequ, package
com.amazon.deequ.dqdl) is the reference, named in the test.
"""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from gluestack.local.data_quality.evaluator import evaluate_ruleset
from gluestack.local.data_quality.outcomes import RuleOutcome
from gluestack.local.data_quality.registry import RULE_KINDS, UNEVALUATED_TYPES
from gluestack.spec.dqdl import rule_types

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def orders(spark: "SparkSession") -> "DataFrame":
    rows = [
        (1, "US", 10.0, "a1", date(2026, 12, 1)),
        (2, "CA", None, "b22", date(2026, 11, 20)),
        (3, None, 30.0, "", date(2026, 12, 2)),
        (3, "UK", 40.0, " ", None),
    ]
    return spark.createDataFrame(
        rows, "id int, country string, price double, code string, day date"
    )


def _one(frame: "DataFrame", rule: str, **options: object) -> RuleOutcome:
    (outcome,) = evaluate_ruleset(frame, f"Rules = [ {rule} ]", now=NOW, **options).rules  # type: ignore[arg-type]
    return outcome


CASES = [
    # rule, result, metrics (hand-computed on `orders`)
    ("RowCount = 4", "PASS", {"Dataset.*.RowCount": 4}),
    # dqdl.html: "between x and y ... (exclusive)"
    ("RowCount between 1 and 4", "FAIL", {"Dataset.*.RowCount": 4}),
    ("RowCount not between 1 and 4", "PASS", {"Dataset.*.RowCount": 4}),
    ('RowCount between 1 and 2 where "id < 3"', "FAIL", {"Dataset.*.RowCount": 2}),
    ("ColumnCount = 5", "PASS", {"Dataset.*.ColumnCount": 5}),
    ('IsComplete "country"', "FAIL", {"Column.country.Completeness": 0.75}),
    ('IsComplete "country" where "id < 3"', "PASS", {"Column.country.Completeness": 1.0}),
    ('Completeness "price" >= 0.75', "PASS", {"Column.price.Completeness": 0.75}),
    # deequ Uniqueness: values seen once over non-null rows: 1, 2 of [1, 2, 3, 3]
    ('IsUnique "id"', "FAIL", {"Column.id.Uniqueness": 0.5}),
    ('Uniqueness "id" = 0.5', "PASS", {"Column.id.Uniqueness": 0.5}),
    # dqdl-rule-types-UniqueValueRatio: values seen once over distinct values: 2 / 3
    ('UniqueValueRatio "id" > 0.66', "PASS", {"Column.id.UniqueValueRatio": 2 / 3}),
    ('IsPrimaryKey "id"', "FAIL", {"Column.id.Uniqueness": 0.5, "Column.id.Completeness": 1.0}),
    # deequ DistinctValuesCount counts NULL as a value: US, CA, UK, NULL
    ('DistinctValuesCount "country" = 4', "PASS", {"Column.country.DistinctValuesCount": 4}),
    # natural-log entropy of [1/4, 1/4, 1/2]
    ('Entropy "id" between 1.03 and 1.04', "PASS", {"Column.id.Entropy": 1.0397207708399179}),
    # Mean / Sum / StandardDeviation ignore NULL rows (their pages' "Null behavior")
    ('Mean "price" > 26', "PASS", {"Column.price.Mean": 80 / 3}),
    ('Sum "price" = 80', "PASS", {"Column.price.Sum": 80.0}),
    (
        'StandardDeviation "price" < 12.5',
        "PASS",
        {"Column.price.StandardDeviation": 12.47219128924647},
    ),
    ('ColumnExists "price"', "PASS", {}),
    ('ColumnNamesMatchPattern "[a-z]+"', "PASS", {"Dataset.*.ColumnNamesPatternMatchRatio": 1.0}),
    # ColumnValues: NULL fails all but != and not in (dqdl-rule-types-ColumnValues, Null behavior)
    ('ColumnValues "price" > 5', "FAIL", {"Column.price.Minimum": 10.0}),
    (
        'ColumnValues "country" in ["US", "CA", "UK"]',
        "FAIL",
        {"Column.country.ColumnValues.Compliance": 0.75},
    ),
    (
        'ColumnValues "country" in ["US", "CA", "UK", NULL]',
        "PASS",
        {"Column.country.ColumnValues.Compliance": 1.0},
    ),
    (
        'ColumnValues "country" not in ["FR"]',
        "PASS",
        {"Column.country.ColumnValues.Compliance": 1.0},
    ),
    ('ColumnValues "country" != "FR"', "PASS", {"Column.country.ColumnValues.Compliance": 1.0}),
    (
        'ColumnValues "code" in [EMPTY, WHITESPACES_ONLY]',
        "FAIL",
        {"Column.code.ColumnValues.Compliance": 0.5},
    ),
    (
        'ColumnValues "country" in ["US", "CA"] with threshold >= 0.5',
        "PASS",
        {"Column.country.ColumnValues.Compliance": 0.5},
    ),
    (
        'ColumnValues "code" matches "[a-z][0-9]+"',
        "FAIL",
        {"Column.code.ColumnValues.Compliance": 0.5},
    ),
    ('ColumnValues "day" > (now() - 3 days)', "FAIL", {"Column.day.ColumnValues.Compliance": 0.5}),
    # ColumnLength treats NULL as length 0 (its page's Null behavior); code lengths 2, 3, 0, 1
    (
        'ColumnLength "code" <= 3',
        "PASS",
        {"Column.code.MinimumLength": 0, "Column.code.MaximumLength": 3},
    ),
    (
        'ColumnLength "code" > 0',
        "FAIL",
        {"Column.code.MinimumLength": 0, "Column.code.MaximumLength": 3},
    ),
    ('DataFreshness "day" <= 3 days', "FAIL", {"Column.day.DataFreshness.Compliance": 0.5}),
    (
        'ColumnDataType "code" = "INTEGER" with threshold < 0.1',
        "PASS",
        {"Column.code.ColumnDataType.Compliance": 0.0},
    ),
    (
        'CustomSql "select count(*) from primary where price > 15" = 2',
        "PASS",
        {"Dataset.*.CustomSQL": 2},
    ),
    (
        'CustomSql "select id from primary where price > 5" with threshold >= 0.75',
        "PASS",
        {"Dataset.*.CustomSQL.Compliance": 0.75},
    ),
]


@pytest.fixture(scope="module")
def case_outcomes(orders: "DataFrame") -> dict[str, RuleOutcome]:
    """All CASES as one ruleset: one evaluation, its metrics computed together."""
    ruleset = "Rules = [\n" + ",\n".join(rule for rule, _, _ in CASES) + "\n]"
    return {o.rule: o for o in evaluate_ruleset(orders, ruleset, now=NOW).rules}


@pytest.mark.parametrize(("rule", "result", "metrics"), CASES)
def test_each_rule_type_gives_glues_result_and_metrics(
    case_outcomes: dict[str, RuleOutcome], rule: str, result: str, metrics: dict[str, float]
) -> None:
    outcome = case_outcomes[rule]
    assert outcome.result == result, outcome.message
    assert outcome.metrics == pytest.approx(metrics)


def test_failures_say_what_glue_says(orders: "DataFrame") -> None:
    # AWS's notebook tutorial: "Value: 11.0 does not meet the constraint requirement!"
    assert _one(orders, "RowCount > 10").message == (
        "Value: 4 does not meet the constraint requirement!"
    )
    assert _one(orders, 'ColumnValues "price" > 5').message == (
        "Value: NULL does not meet the constraint requirement!"
    )
    assert _one(orders, 'IsComplete "nope"').message == "Input data does not include column nope!"
    assert _one(orders, 'DataFreshness "day" <= 3 days').message == (
        "50.00 % of rows passed the threshold"
    )


def test_rules_not_evaluated_are_errors_never_passes(orders: "DataFrame") -> None:
    for rule in [
        "RowCount > avg(last(3))",  # dynamic: needs earlier runs' metrics
        'DetectAnomalies "RowCount"',
        'SchemaMatch "reference" = 1.0',  # no reference dataset given
        'RowCountMatch "reference" >= 0.9',
        'Mean "price" > 1 with threshold > 0.5',  # threshold only on three rule types
    ]:
        outcome = _one(orders, rule)
        assert outcome.result == "ERROR", rule
        assert outcome.message.startswith("not evaluated offline: "), outcome.message


def test_an_invalid_where_is_an_error_naming_it(orders: "DataFrame") -> None:
    outcome = _one(orders, 'IsComplete "id" where "id <"')
    assert outcome.result == "ERROR"
    assert outcome.message.startswith('Rule IsComplete "id" where "id <" has provided an invalid')


def test_composites_combine_their_parts(orders: "DataFrame") -> None:
    both = _one(orders, '(IsComplete "id") and (RowCount > 10)')
    either = _one(orders, '(IsComplete "id") or (RowCount > 10)')
    assert (both.result, either.result) == ("FAIL", "PASS")
    assert both.metrics == {"Column.id.Completeness": 1.0, "Dataset.*.RowCount": 4.0}
    # an or with a part that passed passes even if another could not be evaluated
    assert _one(orders, "(RowCount > 1) or (RowCount > avg(last(2)))").result == "PASS"
    assert _one(orders, "(RowCount > 1) and (RowCount > avg(last(2)))").result == "ERROR"


def test_reference_datasets_bind_by_alias(orders: "DataFrame", spark: "SparkSession") -> None:
    reference = spark.createDataFrame(
        [(1, 5.0), (2, 5.0), (4, 10.0), (5, None)], "id int, price double"
    )
    references = {"reference": reference}
    matched = _one(orders, 'RowCountMatch "reference" = 1.0', references=references)
    assert matched.metrics == {"Dataset.reference.RowCountMatch": 1.0}
    # dqdl-rule-types-AggregateMatch: NULLs are ignored; 80 / 20
    ratio = _one(
        orders, 'AggregateMatch "sum(price)" "sum(reference.price)" = 4.0', references=references
    )
    assert (ratio.result, ratio.metrics) == ("PASS", {"Column.price.AggregateMatch": 4.0})
    integrity = _one(
        orders, 'ReferentialIntegrity "id" "reference.{id}" = 0.5', references=references
    )
    assert (integrity.result, integrity.metrics) == (
        "PASS",
        {"Column.reference.ReferentialIntegrity": 0.5},
    )


def test_an_empty_frame_fails_ratio_rules_and_passes_row_rules(spark: "SparkSession") -> None:
    empty = spark.createDataFrame([], "id int")
    assert _one(empty, "RowCount = 0").result == "PASS"
    assert _one(empty, 'Completeness "id" > 0.5').result == "FAIL"
    # deequ RuleEvaluationHelper: "No rows matched the filter" passes a row rule
    assert _one(empty, 'ColumnValues "id" > 0').result == "PASS"


def test_score_is_the_share_of_rules_that_passed(orders: "DataFrame") -> None:
    ruleset = 'Rules = [ RowCount = 4, IsComplete "country", ColumnExists "id", RowCount > last() ]'
    outcome = evaluate_ruleset(orders, ruleset, now=NOW)
    assert [r.name for r in outcome.rules] == ["Rule_0", "Rule_1", "Rule_2", "Rule_3"]
    assert outcome.score == 0.5
    assert not outcome.passed


def test_every_rule_type_the_spec_accepts_is_evaluated_or_named_as_not() -> None:
    assert rule_types() == set(RULE_KINDS) | set(UNEVALUATED_TYPES)


@pytest.mark.parametrize("seed", range(6))
def test_a_composite_is_the_boolean_combination_of_its_parts(
    orders: "DataFrame", seed: int
) -> None:
    import random

    pool = [
        "RowCount > 3",
        'IsComplete "id"',
        'IsComplete "country"',
        "ColumnCount < 3",
        'Mean "price" > 20',
        'ColumnValues "country" != "US"',
    ]
    chosen = random.Random(seed).sample(pool, 3)
    operator = "and" if seed % 2 else "or"
    composite = f" {operator} ".join(f"({rule})" for rule in chosen)
    ruleset = "Rules = [ " + ", ".join([*chosen, composite]) + " ]"
    *parts, combined = (
        o.result == "PASS" for o in evaluate_ruleset(orders, ruleset, now=NOW).rules
    )
    assert combined == (all(parts) if operator == "and" else any(parts))


def test_dataset_match_is_the_share_of_primary_rows_a_reference_row_matches(
    spark: "SparkSession",
) -> None:
    # dqdl-rule-types-DatasetMatch.html; NULL equals NULL and the ratio's denominator is the
    # primary's rows, as AWS's engine (awslabs/deequ DataSynchronization) computes them.
    primary = spark.createDataFrame(
        [(1, "a", 1.0), (2, "b", None), (3, "c", 3.0), (4, "d", 4.0)],
        "id int, name string, v double",
    )
    reference = spark.createDataFrame(
        [(1, "a", 1.0), (2, "b", None), (3, "c", 9.0), (5, "e", 5.0)],
        "ref_id int, name string, v double",
    )
    references = {"reference": reference}
    everything = _one(
        primary, 'DatasetMatch "reference" "id->ref_id" >= 0.5', references=references
    )
    assert (everything.result, everything.metrics) == (
        "PASS",
        {"Dataset.reference.DatasetMatch": 0.5},
    )
    names_only = _one(
        primary, 'DatasetMatch "reference" "id->ref_id" "name" = 0.75', references=references
    )
    assert names_only.result == "PASS"
    strict = _one(primary, 'DatasetMatch "reference" "id->ref_id" = 1.0', references=references)
    assert (strict.result, strict.message) == (
        "FAIL", "Value: 0.5 does not meet the constraint requirement!",
    )  # fmt: skip
    doubled = reference.union(reference.limit(1))
    duplicate_keys = _one(
        primary, 'DatasetMatch "reference" "id->ref_id" >= 0.5', references={"reference": doubled}
    )
    assert (duplicate_keys.result, duplicate_keys.message) == (
        "FAIL", "Provided key map not suitable for given data frames",
    )  # fmt: skip
    missing = _one(primary, 'DatasetMatch "reference" "id" >= 0.5', references=references)
    assert missing.message == "The following columns were not found in the second dataset: id"


def test_schema_match_is_the_share_of_columns_alike_in_name_and_type(
    spark: "SparkSession",
) -> None:
    # awslabs/deequ comparison.SchemaMatch: name -> Spark type name, counts must agree
    primary = spark.createDataFrame(
        [(1, "a", Decimal("1.5"))], "id int, name string, price decimal(10,2)"
    )
    same = spark.createDataFrame(
        [(2, "b", Decimal("2.5"))], "id int, name string, price decimal(10,2)"
    )
    retyped = spark.createDataFrame(
        [(2, "b", Decimal("2.5"))], "id long, name string, price decimal(12,2)"
    )
    fewer = spark.createDataFrame([(2, "b")], "id int, name string")
    match = _one(primary, 'SchemaMatch "reference" = 1.0', references={"reference": same})
    assert (match.result, match.metrics) == ("PASS", {"Dataset.reference.SchemaMatch": 1.0})
    third = _one(primary, 'SchemaMatch "reference" = 1.0', references={"reference": retyped})
    assert (third.result, third.message) == ("FAIL", "33.33% of columns passed the threshold")
    counted = _one(primary, 'SchemaMatch "reference" > 0', references={"reference": fewer})
    assert (counted.result, counted.message) == ("FAIL", "Column counts do not match")
