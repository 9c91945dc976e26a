"""Every keyword and option key the local awsglue layer receives is honoured or refused by name.

A Glue option the layer ignored would make an offline run pass where Glue gives another answer,
so the layer may take **kwargs only where it checks them, and each option dictionary is checked
against the keys gluestack honours (gluestack/local/glue_compat/options.py).
"""

import importlib
import inspect
from pathlib import Path
from typing import Any

import pytest

from gluestack.local.glue_compat import UnsupportedGlueFeature
from tests.local.glue_compat.conftest import put

MODULES = [
    "awsglue.context", "awsglue.dynamicframe", "awsglue.data_sink", "awsglue.dataframereader",
    "awsglue.dataframewriter", "awsglue.transforms", "awsglue.job", "awsglue.utils",
]  # fmt: skip
# Callables whose **kwargs are checked (and refused by name) before anything is done with them;
# GlueTransform.apply passes them on to a __call__ with an exact signature.
CHECKED_KWARGS = {
    "GlueContext.__init__", "GlueContext.create_dynamic_frame_from_options",
    "GlueContext.create_dynamic_frame_from_catalog", "GlueContext.create_data_frame_from_catalog",
    "GlueContext.create_data_frame_from_options", "GlueContext.write_dynamic_frame_from_catalog",
    "GlueContext.write_data_frame_from_catalog", "GlueContext.getSink",
    "DynamicFrameReader.from_options", "DynamicFrameReader.from_catalog",
    "DynamicFrameWriter.from_catalog", "DataFrameReader.from_catalog",
    "DataFrameReader.from_options", "DataFrameWriter.from_catalog", "GlueTransform.apply",
    "GlueTransform.__call__", "DataSink.setFormat", "FlatMap.__call__",
}  # fmt: skip


def _public_callables(runtime: Any) -> list[tuple[str, Any]]:
    found = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__.startswith("awsglue"):
                for attr, member in vars(value).items():
                    function = getattr(member, "__func__", member)
                    if inspect.isfunction(function) and not (
                        attr.startswith("_") and attr != "__init__" and attr != "__call__"
                    ):
                        found.append((f"{name}.{attr}", function))
            elif inspect.isfunction(value) and value.__module__.startswith("awsglue"):
                found.append((name, value))
    return found


def test_no_callable_swallows_keywords_it_does_not_check(runtime: Any) -> None:
    swallowing = [
        name
        for name, function in _public_callables(runtime)
        if any(p.kind is p.VAR_KEYWORD for p in inspect.signature(function).parameters.values())
        and name not in CHECKED_KWARGS
        and name.split(".")[-1] != "__getattr__"
    ]
    assert swallowing == []


SOURCE = {"paths": ["s3://raw/o/"]}
REFUSALS = {
    "reader-kwarg": (
        lambda c: c.create_dynamic_frame.from_options("s3", SOURCE, "json", x=1),
        "'x'",
    ),
    "connection-option": (
        lambda c: c.create_dynamic_frame.from_options("s3", {**SOURCE, "maxRecords": 5}, "json"),
        "'maxRecords'",
    ),
    "format-option": (
        lambda c: c.create_dynamic_frame.from_options("s3", SOURCE, "json", {"jsonPath": "$.x"}),
        "jsonPath",
    ),
    "catalog-option": (
        lambda c: c.create_dynamic_frame.from_catalog(
            database="raw", table_name="t", additional_options={"boundedFiles": "5"}
        ),
        "boundedFiles",
    ),
    "catalog-id": (
        lambda c: c.create_dynamic_frame.from_catalog(
            database="raw", table_name="t", catalog_id="111122223333"
        ),
        "catalog_id",
    ),
    "sink-option": (
        lambda c: c.getSink("s3", path="s3://out/x/", writeHeader=True),
        "'writeHeader'",
    ),
    "purge-option": (
        lambda c: c.purge_s3_path("s3://out/x/", {"manifestFilePath": "s3://m/"}),
        "'manifestFilePath'",
    ),
    "context-option": (lambda c: type(c)(c.spark_session.sparkContext, cache=True), "'cache'"),
    "data-frame-kwarg": (
        lambda c: c.create_data_frame.from_catalog(database="raw", table_name="t", x=1),
        "'x'",
    ),
    "catalog-writer-kwarg": (
        lambda c: c.write_dynamic_frame.from_catalog(
            frame=None, database="raw", table_name="t", x=1
        ),
        "'x'",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_unknown_options_are_refused_by_name(glue_context: Any, s3_root: Path, case: str) -> None:
    put(s3_root, "raw/o/a.json", '{"id": 1}\n')
    call, named = REFUSALS[case]
    with pytest.raises(UnsupportedGlueFeature, match=named):
        call(glue_context)


def test_error_thresholds_other_than_glue_s_default_are_refused(glue_context: Any) -> None:
    from awsglue.dynamicframe import DynamicFrame
    from awsglue.transforms import Filter

    frame = DynamicFrame.fromDF(glue_context.spark_session.range(3), glue_context, "ids")
    with pytest.raises(UnsupportedGlueFeature, match="stageThreshold=5"):
        Filter.apply(frame=frame, f=lambda r: True, stageThreshold=5)
    with pytest.raises(TypeError, match="unexpected keyword argument 'bogus'"):
        Filter.apply(frame=frame, f=lambda r: True, bogus=1)
