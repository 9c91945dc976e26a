"""Glue's field-path semantics over small DataFrames, with exact schemas and rows."""

from decimal import Decimal

import pytest
from pyspark.sql import DataFrame, SparkSession

from gluestack.local.glue_compat.field_paths import (
    apply_mapping,
    as_paths,
    cast_field,
    drop_fields,
    parse_path,
    rename_field,
    select_fields,
)
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

SCHEMA = (
    "id bigint, `this.old.name` string, "
    "p struct<id:bigint,Name:string,inner:struct<x:int,y:int>>, tags array<struct<k:string>>"
)
FULL = (
    "struct<id:bigint,this.old.name:string,"
    "p:struct<id:bigint,Name:string,inner:struct<x:int,y:int>>,tags:array<struct<k:string>>>"
)


@pytest.fixture
def people(spark: SparkSession) -> DataFrame:
    rows = [(1, "x", (10, "Ann", (1, 2)), [("a",)]), (2, "y", None, [])]
    return spark.createDataFrame(rows, SCHEMA)


def _shape(df: DataFrame) -> tuple[str, list[tuple[object, ...]]]:
    return df.schema.simpleString(), [tuple(row) for row in df.collect()]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-RenameField.html
def test_parse_path_splits_on_dots_outside_backticks() -> None:
    assert parse_path("a.b.c") == ["a", "b", "c"]
    assert parse_path("`this.old.name`") == ["this.old.name"]
    assert parse_path("p.`x.y`.z") == ["p", "x.y", "z"]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-RenameField.html
@pytest.mark.parametrize("path", ["", "a..b", "a.", "`a.b"])
def test_parse_path_rejects_malformed_paths(path: str) -> None:
    with pytest.raises(ValueError):
        parse_path(path)


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ApplyMapping.html
# (earlier revision: names with "[]" or "()" need backticks, so unquoted they are path syntax)
def test_parse_path_refuses_array_syntax_but_allows_it_quoted() -> None:
    with pytest.raises(UnsupportedGlueFeature, match="array"):
        parse_path("tags[0].k")
    assert parse_path("`[id]`") == ["[id]"]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-DropFields.html
# and awsglue/dynamicframe.py drop_fields/select_fields: `if isinstance(paths, basestring)`
def test_as_paths_takes_one_string_as_one_path() -> None:
    assert as_paths("id") == ["id"]
    assert as_paths(("id", "p.id")) == ["id", "p.id"]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-SelectFields.html
def test_select_fields_keeps_nested_fields_inside_their_structs(people: DataFrame) -> None:
    selected = select_fields(people, ["p.inner.x", "id", "p.Name", "missing"])
    assert _shape(selected) == (
        "struct<p:struct<inner:struct<x:int>,Name:string>,id:bigint>",
        [(((1,), "Ann"), 1), (None, 2)],
    )


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-SelectFields.html
def test_select_fields_takes_a_single_string_and_backticked_names(people: DataFrame) -> None:
    assert _shape(select_fields(people, "id")) == ("struct<id:bigint>", [(1,), (2,)])
    assert select_fields(people, "`this.old.name`").columns == ["this.old.name"]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-DropFields.html
def test_drop_fields_removes_nested_fields_and_keeps_null_structs(people: DataFrame) -> None:
    dropped = drop_fields(people, ["p.inner.y", "`this.old.name`", "tags", "missing.x"])
    assert _shape(dropped) == (
        "struct<id:bigint,p:struct<id:bigint,Name:string,inner:struct<x:int>>>",
        [(1, (10, "Ann", (1,))), (2, None)],
    )


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-DropFields.html
def test_drop_fields_takes_a_single_string_as_one_path(people: DataFrame) -> None:
    assert drop_fields(people, "id").columns == ["this.old.name", "p", "tags"]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-DropFields.html
def test_drop_fields_refuses_to_empty_a_struct(people: DataFrame) -> None:
    with pytest.raises(UnsupportedGlueFeature, match="every field"):
        drop_fields(people, ["p.inner.x", "p.inner.y"])


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-RenameField.html
def test_rename_field_renames_inside_the_struct_in_place(people: DataFrame) -> None:
    renamed = rename_field(people, "p.Name", "p.first")
    assert _shape(renamed) == (
        FULL.replace("Name:string", "first:string"),
        [(1, "x", (10, "Ann", (1, 2)), [("a",)]), (2, "y", None, [])],
    )


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-RenameField.html
def test_rename_field_takes_a_backticked_old_name(people: DataFrame) -> None:
    renamed = rename_field(people, "`this.old.name`", "thisNewName")
    assert renamed.columns == ["id", "thisNewName", "p", "tags"]
    assert rename_field(people, "missing", "other").schema.simpleString() == FULL


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-RenameField.html
@pytest.mark.parametrize("new", ["pid", "q.id", "p.inner.id", "p.Name"])
def test_rename_field_refuses_moves_and_clashes(people: DataFrame, new: str) -> None:
    with pytest.raises(UnsupportedGlueFeature, match="rename_field"):
        rename_field(people, "p.id", new)


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ApplyMapping.html
def test_paths_into_arrays_are_refused(people: DataFrame) -> None:
    with pytest.raises(UnsupportedGlueFeature, match="array"):
        select_fields(people, "tags.k")
    with pytest.raises(UnsupportedGlueFeature, match="array"):
        drop_fields(people, ["tags.k"])
    with pytest.raises(UnsupportedGlueFeature, match="array"):
        rename_field(people, "tags.k", "tags.key")
    with pytest.raises(UnsupportedGlueFeature, match="array"):
        apply_mapping(people, [("tags.k", "string", "k", "string")])


# https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-mappingspec.html
# (the value at the source path appears in the target frame at the target path)
def test_apply_mapping_reads_nested_sources_and_builds_nested_targets(people: DataFrame) -> None:
    mapped = apply_mapping(
        people,
        [
            ("id", "long", "p.id", "string"),
            ("`this.old.name`", "string", "thisNewName", "string"),
            ("p.Name", "string", "p.name", "string"),
            ("p.inner.x", "int", "x", "long"),
        ],
    )
    assert _shape(mapped) == (
        "struct<p:struct<id:string,name:string>,thisNewName:string,x:bigint>",
        [(("1", "Ann"), "x", 1), (("2", None), "y", None)],
    )


# https://docs.amazonaws.cn/en_us/glue/latest/ug/transforms-configure-applymapping.html
# ("The ApplyMapping transform is not case-sensitive.") and awsglue's case_sensitive=False
def test_apply_mapping_matches_sources_ignoring_case_unless_case_sensitive(
    people: DataFrame,
) -> None:
    mappings = [("P.NAME", "string", "name", "string"), ("ID", "long", "id", "long")]
    assert _shape(apply_mapping(people, mappings)) == (
        "struct<name:string,id:bigint>",
        [("Ann", 1), (None, 2)],
    )
    assert apply_mapping(people, mappings, case_sensitive=True).columns == []


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-types.html
# (DecimalType precision=10, scale=2) and the ApplyMapping example casting to "Long"
def test_apply_mapping_casts_with_nulls_for_failures_and_glue_decimal(
    spark: SparkSession,
) -> None:
    rows = [("12.345", "7"), ("oops", "NA"), ("123456789.5", "8")]
    raw = spark.createDataFrame(rows, "amount string, n string")
    mapped = apply_mapping(
        raw,
        [
            ("amount", "string", "amount", "decimal"),
            ("n", "String", "n", "Long"),
            ("amount", "string", "wide", "decimal(12,1)"),
        ],
    )
    assert _shape(mapped) == (
        "struct<amount:decimal(10,2),n:bigint,wide:decimal(12,1)>",
        [
            (Decimal("12.35"), 7, Decimal("12.3")),
            (None, None, None),
            (None, 8, Decimal("123456789.5")),
        ],
    )


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ApplyMapping.html
# ("Returns only the fields ... specified in the mapping tuples"); awsglue wraps a lone tuple
def test_apply_mapping_takes_one_tuple_and_skips_absent_sources(people: DataFrame) -> None:
    assert _shape(apply_mapping(people, ("id", "long", "key", "long"))) == (
        "struct<key:bigint>",
        [(1,), (2,)],
    )
    assert apply_mapping(people, [("gone", "string", "gone", "string")]).columns == []


# https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-mappingspec.html
def test_apply_mapping_moves_a_whole_struct_under_its_own_type(people: DataFrame) -> None:
    mapped = apply_mapping(people, [("p.inner", "struct", "inner", "struct")])
    assert _shape(mapped) == ("struct<inner:struct<x:int,y:int>>", [((1, 2),), (None,)])


# awsglue/dynamicframe.py apply_mapping: tuples of length 2, 3 or 4, else ValueError
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ApplyMapping.html
def test_apply_mapping_tuple_shapes(people: DataFrame) -> None:
    with pytest.raises(UnsupportedGlueFeature, match="3-element"):
        apply_mapping(people, [("id", "id", "long")])
    with pytest.raises(ValueError, match="length"):
        apply_mapping(people, [("id", "long", "id", "long", "extra")])
    with pytest.raises(TypeError, match="tuple"):
        apply_mapping(people, [["id", "long", "id", "long"]])  # type: ignore[list-item]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-types.html
def test_apply_mapping_refuses_unknown_types_and_clashing_targets(people: DataFrame) -> None:
    with pytest.raises(UnsupportedGlueFeature, match="target type 'choice'"):
        apply_mapping(people, [("id", "long", "id", "choice")])
    with pytest.raises(UnsupportedGlueFeature, match="two mappings"):
        apply_mapping(people, [("id", "long", "k", "long"), ("p.id", "long", "k", "long")])


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ResolveChoice.html
# (specs name a field by its path; cast:T casts that field, wherever it is)
def test_resolve_choice_cast_of_a_nested_path_casts_the_field_inside_its_struct(
    people: DataFrame,
) -> None:
    cast = cast_field(people, "p.inner.x", "string")
    assert cast.columns == people.columns
    assert cast.schema["p"].simpleString() == (
        "p:struct<id:bigint,Name:string,inner:struct<x:string,y:int>>"
    )
    assert [row.p for row in cast.orderBy("id").collect()] == [(10, "Ann", ("1", 2)), None]


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ResolveChoice.html
# ("myList[].price" in the page's example: paths into arrays are not emulated)
def test_resolve_choice_cast_refuses_absent_fields_and_array_paths(people: DataFrame) -> None:
    with pytest.raises(UnsupportedGlueFeature, match=r"absent field 'p\.nope'"):
        cast_field(people, "p.nope", "int")
    with pytest.raises(UnsupportedGlueFeature, match="tags"):
        cast_field(people, "tags[].k", "int")
