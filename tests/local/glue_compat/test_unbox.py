"""DynamicFrame.unbox and the Unbox transform: a JSON string field becomes a struct in place.

AWS's Scala DynamicFrame reference (def unbox) documents the behaviour with a CSV whose address
column holds JSON: after unbox("address", "json") the schema is name, age, address struct<state,
city> — https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html
"""

from typing import Any

import pytest

from gluestack.local.glue_compat import UnsupportedGlueFeature


@pytest.fixture
def people(glue_context: Any) -> Any:
    from awsglue.dynamicframe import DynamicFrame

    rows = [
        ("Sally", 36, '{"state": "NE", "city": "Omaha"}'),
        ("Ann", 41, None),
        ("Bo", 29, '{"state": "CA", "city": "Fresno", "zip": 93650}'),
    ]
    df = glue_context.spark_session.createDataFrame(rows, "name string, age int, address string")
    return DynamicFrame.fromDF(df, glue_context, "people")


def test_unbox_turns_the_json_field_into_a_struct_in_its_records_order(people: Any) -> None:
    from awsglue.transforms import Unbox

    unboxed = Unbox.apply(frame=people, path="address", format="json")
    schema = unboxed.toDF().schema
    assert schema.names == ["name", "age", "address"]
    assert schema["address"].dataType.simpleString() == (
        "struct<state:string,city:string,zip:bigint>"
    )
    rows = {r["name"]: r["address"] for r in unboxed.toDF().collect()}
    assert rows["Sally"].asDict() == {"state": "NE", "city": "Omaha", "zip": None}
    assert rows["Ann"] is None


def test_unbox_of_a_nested_field_replaces_it_inside_its_struct(glue_context: Any) -> None:
    from awsglue.dynamicframe import DynamicFrame

    df = glue_context.spark_session.createDataFrame(
        [(1, ('{"b": 2, "a": 1}', "x"))], "id int, raw struct<payload:string,tag:string>"
    )
    frame = DynamicFrame.fromDF(df, glue_context, "events")
    unboxed = frame.unbox("raw.payload", "json").toDF()
    assert unboxed.schema["raw"].dataType.simpleString() == (
        "struct<payload:struct<b:bigint,a:bigint>,tag:string>"
    )
    assert unboxed.first()["raw"]["payload"].asDict() == {"b": 2, "a": 1}


def test_what_glue_does_not_document_for_unbox_is_refused_by_name(
    people: Any, glue_context: Any
) -> None:
    from awsglue.dynamicframe import DynamicFrame

    with pytest.raises(UnsupportedGlueFeature, match="format='csv'"):
        people.unbox("address", "csv", separator="|")
    with pytest.raises(UnsupportedGlueFeature, match=r"option.* withSchema"):
        people.unbox("address", "json", withSchema="{}")
    with pytest.raises(UnsupportedGlueFeature, match="'age', a int field"):
        people.unbox("age", "json")
    spark = glue_context.spark_session
    broken = DynamicFrame.fromDF(
        spark.createDataFrame([("{not json",)], "raw string"), glue_context, "b"
    )
    with pytest.raises(UnsupportedGlueFeature, match="not a JSON object"):
        broken.unbox("raw", "json")
    mixed = DynamicFrame.fromDF(
        spark.createDataFrame([('{"n": 1}',), ('{"n": "one"}',)], "raw string"), glue_context, "m"
    )
    with pytest.raises(UnsupportedGlueFeature, match=r"'raw' field 'n' is number and text"):
        mixed.unbox("raw", "json")
