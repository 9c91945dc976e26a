"""DynamicFrame.unbox: a string field holding JSON becomes a struct in its place.

Documented by AWS's Scala DynamicFrame reference (def unbox: "Parses an embedded string or
binary column according to the specified format. Parsed columns are nested under a struct with
the original column name"; its example unboxes `address` with format "json" —
https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html).
The struct's fields are typed from the values and ordered as they appear (json_order). What
Glue does with other formats' options, with text that is not a JSON object, and with values
whose fields disagree on a type is not documented well enough to copy: each is refused by name.
"""

import json
from collections.abc import Mapping
from typing import Any

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructType

from gluestack.local.glue_compat.field_paths import field_at, replace_field, sql_path
from gluestack.local.glue_compat.json_choices import field_kinds, refuse_choices
from gluestack.local.glue_compat.json_order import ordered_type
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature


def unbox(frame: DataFrame, path: str, format: str, options: Mapping[str, Any]) -> DataFrame:
    if format != "json":
        raise UnsupportedGlueFeature(f"unbox(format='{format}'); offline unbox reads json")
    if options:
        raise UnsupportedGlueFeature(f"unbox option(s) {', '.join(sorted(options))}")
    found = field_at(frame, path)
    if found is None:
        raise ValueError(f"unbox: the frame has no field '{path}'")
    names, data_type = found
    if not isinstance(data_type, StringType):
        raise UnsupportedGlueFeature(f"unbox of '{path}', a {data_type.simpleString()} field")
    values = frame.select(F.col(sql_path(path))).rdd
    texts = values.map(lambda row: row[0]).filter(lambda text: text is not None)
    bad = texts.filter(lambda text: not _is_json_object(text)).take(1)
    if bad:
        raise UnsupportedGlueFeature(
            f"unbox of '{path}' holding {bad[0][:60]!r}, which is not a JSON object"
        )
    kinds = field_kinds(texts)
    if not kinds:
        raise UnsupportedGlueFeature(f"unbox of '{path}', which has no JSON object to type")
    refuse_choices(kinds, f"'{path}' field")
    session = frame.sparkSession
    schema = ordered_type(session.read.json(texts).schema, kinds)
    assert isinstance(schema, StructType)
    return replace_field(frame, names, lambda column: F.from_json(column, schema))


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False
