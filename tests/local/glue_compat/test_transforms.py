"""Glue's transforms over small frames, with exact expected rows."""

from pathlib import Path
from typing import Any

import pytest

from gluestack.local.glue_compat import UnsupportedGlueFeature


@pytest.fixture
def flights(glue_context: Any) -> Any:
    from awsglue.dynamicframe import DynamicFrame

    rows = [("UA", "5", "EWR", None), ("AA", "NA", "JFK", None), ("UA", "30", "JFK", None)]
    df = glue_context.spark_session.createDataFrame(
        rows, "carrier string, delay string, origin string, empty string"
    )
    return DynamicFrame.fromDF(df, glue_context, "flights")


def _rows(frame: Any) -> list[tuple[Any, ...]]:
    return sorted(tuple(r) for r in frame.toDF().collect())


def test_apply_mapping_casts_renames_and_keeps_only_mapped(flights: Any) -> None:
    from awsglue.transforms import ApplyMapping

    mapped = ApplyMapping.apply(
        frame=flights,
        mappings=[
            ("carrier", "string", "airline", "string"),
            ("delay", "string", "delay", "int"),
            ("missing", "string", "gone", "int"),
        ],
        transformation_ctx="map",
    )
    assert mapped.toDF().columns == ["airline", "delay"]
    assert _rows(mapped) == [("AA", None), ("UA", 5), ("UA", 30)]


def test_filter_select_drop_rename(flights: Any) -> None:
    from awsglue.transforms import DropFields, Filter, RenameField, SelectFields

    late = Filter.apply(frame=flights, f=lambda r: r["delay"] not in ("NA", "5"))
    assert _rows(SelectFields.apply(frame=late, paths=["carrier"])) == [("UA",)]
    dropped = DropFields.apply(frame=flights, paths=["empty", "delay"])
    assert dropped.toDF().columns == ["carrier", "origin"]
    renamed = RenameField.apply(frame=flights, old_name="origin", new_name="airport")
    assert "airport" in renamed.toDF().columns


def test_resolve_choice_casts_and_drop_null_fields_drops_empty_columns(flights: Any) -> None:
    from awsglue.transforms import DropNullFields, ResolveChoice

    cast = ResolveChoice.apply(frame=flights, specs=[("delay", "cast:int")])
    assert sorted(r["delay"] or 0 for r in cast.toDF().collect()) == [0, 5, 30]
    assert DropNullFields.apply(frame=flights).toDF().columns == ["carrier", "delay", "origin"]
    # A column without a choice of types is left as it is by make_struct / make_cols:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ResolveChoice.html
    unchanged = ResolveChoice.apply(frame=flights, choice="make_struct")
    assert unchanged.toDF().schema == flights.toDF().schema
    with pytest.raises(UnsupportedGlueFeature, match="make_everything"):
        ResolveChoice.apply(frame=flights, choice="make_everything")


def test_join_split_and_map(flights: Any, glue_context: Any) -> None:
    from awsglue.dynamicframe import DynamicFrame
    from awsglue.transforms import Join, Map, SplitFields

    airports = DynamicFrame.fromDF(
        glue_context.spark_session.createDataFrame(
            [("JFK", "New York")], "code string, city string"
        ),
        glue_context,
        "airports",
    )
    joined = Join.apply(frame1=flights, frame2=airports, keys1=["origin"], keys2=["code"])
    assert sorted((r["carrier"], r["city"]) for r in joined.toDF().collect()) == [
        ("AA", "New York"),
        ("UA", "New York"),
    ]
    parts = SplitFields.apply(frame=flights, paths=["carrier"], name1="ids", name2="rest")
    assert (parts["ids"].toDF().columns, sorted(parts.keys())) == (["carrier"], ["ids", "rest"])
    upper = Map.apply(frame=flights, f=lambda r: {**r, "carrier": r["carrier"].lower()})
    assert sorted(r["carrier"] for r in upper.toDF().collect()) == ["aa", "ua", "ua"]


def test_an_unsupported_dynamic_frame_method_is_named(flights: Any) -> None:
    with pytest.raises(UnsupportedGlueFeature, match=r"DynamicFrame.errorsAsDynamicFrame .*README"):
        flights.errorsAsDynamicFrame()


# AWS's DynamicFrameCollection and collection transforms (awslabs/aws-glue-libs,
# awsglue/dynamicframe.py and awsglue/transforms/collection_transforms.py;
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-MapToCollection.html,
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-FlatMap.html)
def test_collections_map_flatmap_and_select_as_aws_defines_them(
    flights: Any, glue_context: Any
) -> None:
    from awsglue.dynamicframe import DynamicFrameCollection
    from awsglue.transforms import FlatMap, MapToCollection, SelectFields, SplitRows

    parts = SplitRows.apply(flights, {"carrier": {"=": "UA"}}, "united", "others")
    contexts: list[str] = []

    def first_field(frame: Any, ctx: str) -> Any:
        contexts.append(ctx)
        return frame.select_fields(["origin"])

    mapped = MapToCollection.apply(dfc=parts, callable=first_field, transformation_ctx="m")
    assert sorted(contexts) == ["m:others", "m:united"]
    assert _rows(mapped["united"]) == [("EWR",), ("JFK",)]
    selected = FlatMap.apply(parts, SelectFields, "frame", paths=["carrier"])
    assert sorted(selected.keys()) == ["flights"]  # a transform keeps its input's name
    missing = parts.select("nowhere")
    assert (missing.name, missing.count()) == ("nowhere", 0)
    by_name = DynamicFrameCollection([flights], glue_context)
    assert by_name.keys() == ["flights"]
    with pytest.raises(TypeError, match="must return a DynamicFrame"):
        parts.map(lambda frame, ctx: frame.toDF())


# https://docs.aws.amazon.com/glue/latest/webapi/API_Spigot.html: topk records from the start
# (0 to 100), prob the chance of each record (1: all), written to a JSON file under the path;
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-spigot.html
def test_spigot_writes_the_first_records_as_json_and_passes_the_frame_on(
    flights: Any, s3_root: Path
) -> None:
    from awsglue.transforms import Spigot

    passed = Spigot.apply(frame=flights, path="s3://samples/first/", options={"topk": 2})
    assert passed.toDF().collect() == flights.toDF().collect()
    (written,) = (s3_root / "samples" / "first").glob("*.json")
    assert len(written.read_text().splitlines()) == 2
    flights.spigot("s3://samples/all/", options={"prob": 1})
    (everything,) = (s3_root / "samples" / "all").glob("*.json")
    assert len(everything.read_text().splitlines()) == flights.count()
    with pytest.raises(ValueError, match="0 to 100"):
        flights.spigot("s3://samples/x/", options={"topk": 101})
    with pytest.raises(UnsupportedGlueFeature, match="'sample'"):
        flights.spigot("s3://samples/x/", options={"sample": 3})
    with pytest.raises(UnsupportedGlueFeature, match="without 'topk' or 'prob'"):
        flights.spigot("s3://samples/x/")


def test_relationalize_and_unnest_through_the_transforms(glue_context: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-Relationalize.html
    from awsglue.dynamicframe import DynamicFrame
    from awsglue.transforms import Relationalize, SelectFromCollection, UnnestFrame

    spark = glue_context.spark_session
    people = spark.createDataFrame(
        [("Ann", ("Paris",), ["x", "y"])],
        "name string, home struct<city:string>, tags array<string>",
    )
    frame = DynamicFrame.fromDF(people, glue_context, "people")
    assert UnnestFrame.apply(frame=frame).toDF().columns == ["name", "home.city", "tags"]
    tables = Relationalize.apply(frame=frame, staging_path="s3://tmp/", name="root")
    assert sorted(tables.keys()) == ["root", "root_tags"]
    tags = SelectFromCollection.apply(dfc=tables, key="root_tags").toDF()
    assert sorted(r["tags.val"] for r in tags.collect()) == ["x", "y"]
