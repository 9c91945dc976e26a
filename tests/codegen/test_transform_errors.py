"""A transform that does not fit its sources fails at load, naming the field and what exists."""

from pathlib import Path

import pytest

from gluestack.spec import SpecError
from tests.codegen.conftest import SHOP, shop_spec


def error_text(project: Path, old: str, new: str) -> str:
    assert old in SHOP
    (project / "pipelines" / "shop.yaml").write_text(SHOP.replace(old, new, 1))
    with pytest.raises(SpecError) as raised:
        shop_spec(project)
    text = str(raised.value)
    assert "Traceback" not in text and "pydantic" not in text
    return text


def test_an_unknown_column_lists_the_columns(project: Path) -> None:
    text = error_text(project, "{source: cust, target: customer}", "{source: customer}")
    assert "jobs.mapping.transform.mappings[2]: 'customer' is not a column here" in text
    assert "the columns are id, amount, cust, note" in text


def test_a_lossy_cast_needs_consent(project: Path) -> None:
    text = error_text(
        project, "{source: id, type: bigint, allow_lossy: true}", "{source: id, type: bigint}"
    )
    assert "jobs.mapping.transform.mappings[0]: id: cast string -> bigint may lose data" in text
    assert "allow_lossy: true" in text


def test_a_join_key_missing_on_one_side(project: Path) -> None:
    text = error_text(project, "keys: [customer]", "keys: [country]")
    assert "jobs.joined.transform.joins[0].keys: join key 'country' is not a column of left" in text


def test_an_unknown_type_lists_glue_types(project: Path) -> None:
    text = error_text(project, "type: bigint, allow_lossy", "type: long, allow_lossy")
    assert "unknown type 'long'; Glue types are string, boolean" in text


def test_an_expression_naming_a_missing_column(project: Path) -> None:
    text = error_text(project, "- status <> 'cancelled'", "- state <> 'cancelled'")
    assert "jobs.filtered.transform.filters[1]: 'state' is not a column here" in text


def test_a_fill_value_of_the_wrong_type(project: Path) -> None:
    text = error_text(project, "items: 1}", "items: lots}")
    assert (
        "jobs.nulls.transform.fill_nulls.items: 'lots' does not fit column 'items' of type bigint"
        in text
    )


def test_a_partition_key_the_transform_does_not_write(project: Path) -> None:
    text = error_text(project, "partition_keys: [size]", "partition_keys: [band]")
    assert "partition key 'band' of 'order_features'" in text


def test_undeclared_columns_are_asked_for(project: Path) -> None:
    text = error_text(
        project, "          columns: {id: bigint, total: double}\n      dedupe", "      dedupe"
    )
    assert (
        "jobs.deduped.transform.sources.orders.columns: the columns of 's3://landing/orders/'"
        in text
    )
