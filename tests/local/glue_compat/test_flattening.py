"""Glue's unnest and relationalize over small nested DataFrames, with exact schemas and rows."""

from collections import defaultdict

import pytest
from pyspark.sql import DataFrame, SparkSession

from gluestack.local.glue_compat.flattening import relationalize, unnest
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature


def _shape(df: DataFrame) -> tuple[str, list[tuple[object, ...]]]:
    return df.schema.simpleString(), [tuple(row) for row in df.collect()]


def _elements(table: DataFrame, value: str) -> dict[object, list[object]]:
    """A pivoted table read back as join key -> elements in `index` order."""
    rows: dict[object, list[tuple[int, object]]] = defaultdict(list)
    for row in table.collect():
        rows[row["id"]].append((row["index"], row[value]))
    return {key: [v for _, v in sorted(pairs)] for key, pairs in rows.items()}


def _joined(
    parent: DataFrame, key: str, by: str, child: DataFrame, value: str
) -> dict[object, list[object]]:
    """Follow the join key from each parent row (named by `by`) to its child elements."""
    elements = _elements(child, value)
    return {row[by]: elements.get(row[key], []) for row in parent.collect()}


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html
# (#pyspark-unnest-example: Address.Zip.Code, Address.Array stays array<string>, order kept)
def test_unnest_reproduces_the_documented_medicare_schema(spark: SparkSession) -> None:
    schema = (
        "`DRG Definition` string, "
        "Address struct<`Zip.Code`:string,City:string,Array:array<string>,State:string,"
        "Street:string>, `Provider Id` string"
    )
    df = spark.createDataFrame([("039", ("35957", "DOTHAN", ["x"], "AL", "MAIN"), "10001")], schema)
    assert _shape(unnest(df)) == (
        "struct<DRG Definition:string,Address.Zip.Code:string,Address.City:string,"
        "Address.Array:array<string>,Address.State:string,Address.Street:string,"
        "Provider Id:string>",
        [("039", "35957", "DOTHAN", ["x"], "AL", "MAIN", "10001")],
    )


# https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html
# (#glue-etl-scala-apis-glue-dynamicframe-class-defs-unnest: names joined with ".")
def test_unnest_reproduces_the_documented_address_example(spark: SparkSession) -> None:
    schema = "name string, age int, address struct<state:string,city:string>"
    df = spark.createDataFrame([("Sally", 36, ("NE", "Omaha"))], schema)
    assert _shape(unnest(df)) == (
        "struct<name:string,age:int,address.state:string,address.city:string>",
        [("Sally", 36, "NE", "Omaha")],
    )


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-UnnestFrame.html
# (nulls are not documented; a null struct can only give null leaves in a DataFrame)
def test_unnest_flattens_deep_structs_and_gives_null_leaves_for_null_structs(
    spark: SparkSession,
) -> None:
    df = spark.read.json(
        spark.sparkContext.parallelize(['{"k": 1, "a": {"b": {"c": 2}, "d": "x"}}', '{"k": 2}'])
    )
    assert _shape(unnest(df)) == (
        "struct<a.b.c:bigint,a.d:string,k:bigint>",
        [(2, "x", 1), (None, None, 2)],
    )


# https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html
# (#...-defs-unnest: structs inside arrays get a ".val" prefix, shape never shown: refused)
def test_unnest_refuses_structs_inside_arrays(spark: SparkSession) -> None:
    df = spark.createDataFrame([([("fax",)],)], "contact array<struct<type:string>>")
    with pytest.raises(UnsupportedGlueFeature, match="structs inside the array 'contact'"):
        unnest(df)


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-UnnestFrame.html
# (maps are not documented for unnest or relationalize)
def test_maps_are_refused_by_both(spark: SparkSession) -> None:
    df = spark.createDataFrame([((({"k": 1}),),)], "s struct<m:map<string,int>>")
    with pytest.raises(UnsupportedGlueFeature, match=r"map field 's\.m'"):
        unnest(df)
    with pytest.raises(UnsupportedGlueFeature, match=r"map field 's\.m'"):
        relationalize(df, "root")


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-UnnestFrame.html
# (what Glue does when a dotted name already exists is not documented)
def test_colliding_dotted_names_are_refused(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, (2,))], "`a.b` int, a struct<b:int>")
    with pytest.raises(UnsupportedGlueFeature, match=r"collide: \['a.b'\]"):
        unnest(df)
    with pytest.raises(UnsupportedGlueFeature, match="collide"):
        relationalize(df, "root")


# https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html
# (#...-defs-relationalize: people/friends, keys 1, 2, 3 and index from 0). Its prose names the
# table "people.friends" and the value "val"; the Python pages' real output names tables
# <root>_<array> and values <array>.val..., which is what is asserted here.
def test_relationalize_reproduces_the_documented_people_example(spark: SparkSession) -> None:
    rows = [
        ("Nancy", 47, ["Fred", "Lakshmi"]),
        ("Stephanie", 28, ["Yao", "Phil", "Alvin"]),
        ("Nathan", 54, ["Nicolai", "Karen"]),
    ]
    df = spark.createDataFrame(rows, "name string, age bigint, friends array<string>")
    tables = relationalize(df, "people")
    assert sorted(tables) == ["people", "people_friends"]
    assert _shape(tables["people"]) == (
        "struct<name:string,age:bigint,friends:bigint>",
        [("Nancy", 47, 1), ("Stephanie", 28, 2), ("Nathan", 54, 3)],
    )
    assert _shape(tables["people_friends"].orderBy("id", "index")) == (
        "struct<id:bigint,index:int,friends.val:string>",
        [
            (1, 0, "Fred"),
            (1, 1, "Lakshmi"),
            (2, 0, "Yao"),
            (2, 1, "Phil"),
            (2, 2, "Alvin"),
            (3, 0, "Nicolai"),
            (3, 1, "Karen"),
        ],
    )


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html
# (#pyspark-relationalize-example: l_root_contact_details with id, index,
# contact_details.val.type, contact_details.val.value) and
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-legislators.html
# (the root keeps contact_details as the key into the table's id). Ids: join relationships only.
def test_relationalize_reproduces_the_documented_contact_details(spark: SparkSession) -> None:
    rows = [
        ("Farr", [("fax", "202-225-6791"), ("phone", "202-225-2861"), ("twitter", "RepSamFarr")]),
        ("Other", [("fax", "202-225-4160"), ("phone", "202-225-3436")]),
    ]
    schema = "family_name string, contact_details array<struct<type:string,value:string>>"
    tables = relationalize(spark.createDataFrame(rows, schema), "l_root")
    assert sorted(tables) == ["l_root", "l_root_contact_details"]
    root, contacts = tables["l_root"], tables["l_root_contact_details"]
    assert root.schema.simpleString() == "struct<family_name:string,contact_details:bigint>"
    assert contacts.schema.simpleString() == (
        "struct<id:bigint,index:int,contact_details.val.type:string,"
        "contact_details.val.value:string>"
    )
    joined = root.join(contacts, root["contact_details"] == contacts["id"])
    assert sorted(
        tuple(r)
        for r in joined.select("family_name", "index", "`contact_details.val.type`").collect()
    ) == [
        ("Farr", 0, "fax"),
        ("Farr", 1, "phone"),
        ("Farr", 2, "twitter"),
        ("Other", 0, "fax"),
        ("Other", 1, "phone"),
    ]


# https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html
# (#...-defs-relationalize: structs flattened as unnest does, arrays pivoted recursively). The
# table for an array inside a struct, <root>_<dotted column>, extends the documented pattern.
def test_relationalize_pivots_arrays_inside_structs(spark: SparkSession) -> None:
    schema = "k int, customer struct<name:string,orders:array<struct<sku:string,qty:int>>>"
    rows = [(1, ("ann", [("a", 2), ("b", 1)])), (2, ("bob", [("c", 5)]))]
    tables = relationalize(spark.createDataFrame(rows, schema), "root")
    assert sorted(tables) == ["root", "root_customer.orders"]
    root, orders = tables["root"], tables["root_customer.orders"]
    assert root.schema.simpleString() == (
        "struct<k:int,customer.name:string,customer.orders:bigint>"
    )
    assert orders.schema.simpleString() == (
        "struct<id:bigint,index:int,customer.orders.val.sku:string,customer.orders.val.qty:int>"
    )
    assert _joined(root, "customer.orders", "k", orders, "customer.orders.val.sku") == {
        1: ["a", "b"],
        2: ["c"],
    }


# https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html
# ("applying this process recursively to all arrays"; nested table names extend the pattern)
def test_relationalize_recurses_into_nested_arrays(spark: SparkSession) -> None:
    schema = "k int, matrix array<array<int>>, orders array<struct<sku:string,tags:array<string>>>"
    rows = [(1, [[1, 2], [3]], [("a", ["x", "y"]), ("b", ["z"])]), (2, [[4]], [("c", ["w"])])]
    tables = relationalize(spark.createDataFrame(rows, schema), "root")
    assert sorted(tables) == [
        "root",
        "root_matrix",
        "root_matrix.val",
        "root_orders",
        "root_orders.val.tags",
    ]
    assert {name: df.schema.simpleString() for name, df in tables.items()} == {
        "root": "struct<k:int,matrix:bigint,orders:bigint>",
        "root_matrix": "struct<id:bigint,index:int,matrix.val:bigint>",
        "root_matrix.val": "struct<id:bigint,index:int,matrix.val.val:int>",
        "root_orders": "struct<id:bigint,index:int,orders.val.sku:string,orders.val.tags:bigint>",
        "root_orders.val.tags": "struct<id:bigint,index:int,orders.val.tags.val:string>",
    }
    root, rows_of = tables["root"], _elements(tables["root_matrix.val"], "matrix.val.val")
    matrices = _joined(root, "matrix", "k", tables["root_matrix"], "matrix.val")
    assert {k: [rows_of[key] for key in keys] for k, keys in matrices.items()} == {
        1: [[1, 2], [3]],
        2: [[4]],
    }
    tags = _elements(tables["root_orders.val.tags"], "orders.val.tags.val")
    orders = tables["root_orders"].collect()
    assert sorted((o["orders.val.sku"], tags[o["orders.val.tags"]]) for o in orders) == [
        ("a", ["x", "y"]),
        ("b", ["z"]),
        ("c", ["w"]),
    ]


# https://docs.aws.amazon.com/glue/latest/dg/schema-relationalize.html
# (null and empty arrays are not documented: only the join relationships are asserted)
def test_relationalize_gives_null_and_empty_arrays_no_elements(spark: SparkSession) -> None:
    rows = [(1, ["a"]), (2, []), (3, None), (4, ["b", None])]
    tables = relationalize(spark.createDataFrame(rows, "k int, xs array<string>"), "root")
    assert tables["root"].count() == 4
    assert _joined(tables["root"], "xs", "k", tables["root_xs"], "xs.val") == {
        1: ["a"],
        2: [],
        3: [],
        4: ["b", None],
    }


# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-Relationalize.html
# (the collection always holds the root table, named by the name argument)
def test_relationalize_without_arrays_gives_the_unnested_root_only(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, ("x",))], "k int, s struct<t:string>")
    tables = relationalize(df, "roottable")
    assert list(tables) == ["roottable"]
    assert _shape(tables["roottable"]) == ("struct<k:int,s.t:string>", [(1, "x")])
