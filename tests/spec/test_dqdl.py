"""DQDL rulesets: well-formed ones pass, each kind of mistake names its line and what is allowed."""

import pytest

from gluestack.spec.dqdl import check_ruleset, rule_types

VALID = [
    'Rules = [ RowCount > 100, IsComplete "order_id" ]',
    'Rules = [ IsUnique "id", IsPrimaryKey "id" "day", ColumnExists "price" ]',
    'Rules = [ Completeness "email" >= 0.95, Uniqueness "id" = 1.0 ]',
    'Rules = [ ColumnValues "status" in ["new", "paid", NULL] ]',
    'Rules = [ ColumnValues "code" not in ["x"], ColumnValues "sku" matches "[A-Z]+-\\\\d+" ]',
    'Rules = [ ColumnLength "zip" between 4 and 10, Mean "price" not between -1 and 0 ]',
    'Rules = [ DataFreshness "updated_at" <= 24 hours ]',
    'Rules = [ ColumnValues "day" > (now() - 3 days) ]',
    'Rules = [ RowCount > avg(last(10)) * 0.8, Sum "total" < 1e3 ]'.replace("1e3", "1000"),
    'Rules = [ (IsComplete "id") and (IsUnique "id") and (RowCount > 0) ]',
    'Rules = [ ((IsComplete "a") and (IsComplete "b")) or (RowCount = 0) ]',
    'Rules = [ ColumnValues "price" > 0 with threshold > 0.99 where "\\"region\\" = \'eu\'" ]',
    'Rules = [ CustomSql "select count(*) from primary" between 10 and 20 ]',
    'Rules = [ CustomSql "select id from primary where price < 0" ]',
    'Rules = [ ColumnCorrelation "a" "b" > 0.8, ReferentialIntegrity "id" "ref.{id}" = 1.0 ]',
    'Rules = [ ColumnDataType "id" = "INTEGER" ]\nAnalyzers = [ RowCount, Completeness "id" ]',
    '# comment line\nRules = [\n  RowCount > 0,  # trailing comment\n  IsComplete "id"\n]',
]

INVALID = [
    ("RowCount > 0", 1, "expected a section 'Rules = [ ... ]'"),
    ("Rules = [ RowCont > 0 ]", 1, "unknown rule type 'RowCont'; did you mean 'RowCount'?"),
    ("Rules = [\n  IsComplete\n]", 2, "IsComplete takes 1 quoted parameter(s), found 0"),
    ('Rules = [ Completeness "a" ]', 1, "Completeness needs a condition such as"),
    ('Rules = [ IsUnique "a" > 1 ]', 1, "IsUnique takes no condition"),
    ("Rules = [ RowCount > 0, ]", 1, "expected a rule type"),
    ("Rules = [ RowCount > 0", 1, "expected ',' or ']' closing the list"),
    ('Rules = [ IsComplete "a ]', 1, "unexpected an unclosed string"),
    ('Rules = [ Mean "a" between 1 10 ]', 1, "expected 'and' in 'between X and Y'"),
    (
        'Rules = [ (IsComplete "a") and (IsUnique "a") or (RowCount > 0) ]',
        1,
        "mixing 'and' and 'or'",
    ),
    ('Rules = [ IsComplete "a" and IsUnique "a" ]', 1, "joined by 'and' goes in parentheses"),
    ("Rules = [ ]", 1, "the list is empty"),
    ("Rules = [ RowCount > 0 ]\nRules = [ RowCount > 1 ]", 2, "section 'Rules' appears twice"),
    ("Rules = [ RowCount > ]", 1, "expected a number, a quoted string"),
    ('Rules = [ ColumnValues "a" matches abc ]', 1, "expected a quoted regular expression"),
]


@pytest.mark.parametrize("ruleset", VALID)
def test_valid_rulesets_pass(ruleset: str) -> None:
    assert check_ruleset(ruleset) == []


@pytest.mark.parametrize(("ruleset", "line", "phrase"), INVALID)
def test_each_mistake_is_located_and_explained(ruleset: str, line: int, phrase: str) -> None:
    (problem,) = check_ruleset(ruleset)
    assert problem.line == line
    assert phrase in problem.message


def test_the_known_rule_types_cover_the_reference() -> None:
    assert {"RowCount", "IsComplete", "ColumnValues", "CustomSql", "DataFreshness"} <= rule_types()
