"""One ruleset as a `rulesets` entry: what GetDataQualityRuleset gives beyond its rules and
table is reported, and a ruleset a spec cannot hold is refused saying why."""

from typing import Any

import pytest

from gluestack.adopt import ImportContext
from gluestack.adopt.ruleset_to_spec import ruleset_to_spec
from tests.adopt.console_estate import ACCOUNT, REGION, RULES

TARGET = {"DatabaseName": "sales", "TableName": "orders"}


def _converted(**fields: Any) -> Any:
    ruleset = {"Name": "Orders Checks", "Ruleset": RULES, "TargetTable": TARGET, **fields}
    return ruleset_to_spec(ruleset, "sales-nightly", ImportContext(ACCOUNT, REGION))


def test_the_rules_table_and_description_are_the_entry_the_rest_is_reported() -> None:
    converted = _converted(
        Description="",
        RecommendationRunId="dqrun-0123",
        DataQualitySecurityConfiguration="dq-kms",
    )

    assert (converted.key, converted.spec) == ("orders-checks", {"table": "orders", "rules": RULES})
    outcomes = {(e.outcome, e.setting, e.value) for e in converted.entries}
    assert outcomes == {
        ("replaced", "RecommendationRunId", "dqrun-0123"),
        ("not_imported", "DataQualitySecurityConfiguration", "dq-kms"),
        ("imported", "", None),
    }
    assert {e.field for e in converted.entries} == {"rulesets.orders-checks"}


@pytest.mark.parametrize(
    ("fields", "phrase"),
    [
        ({"TargetTable": {**TARGET, "TableName": "Orders-2024"}}, "'Orders-2024' is no spec table"),
        ({"TargetTable": {**TARGET, "CatalogId": "999999999999"}}, "account 999999999999"),
        ({"Ruleset": "Rules = [ RowCont > 0 ]"}, "cannot read its rules: DQDL line 1, column 11"),
    ],
    ids=["table-name", "other-catalog", "dqdl"],
)
def test_a_ruleset_a_spec_cannot_hold_is_not_imported(fields: dict[str, Any], phrase: str) -> None:
    converted = _converted(**fields)

    assert converted.spec is None
    [entry] = converted.entries
    assert entry.outcome == "not_imported" and phrase in entry.detail, entry
