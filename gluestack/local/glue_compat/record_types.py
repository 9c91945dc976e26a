"""The types a DynamicFrame gives CSV text read without a catalog table.

A DynamicFrame takes each field's type from its records
(https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html).
AWS's medicaid sample shows what that means for CSV: a column of whole numbers is `long` (where
Spark's inferSchema says `integer`), text stays `string`, and a column of both is
`choice<long,string>`
(https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html).
Local frames have no choice types, so that case is refused, as is a column of decimal numbers,
whose type AWS does not document.
"""

from typing import TYPE_CHECKING

from gluestack.local.glue_compat.field_paths import quote_name
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

_WHOLE = r"^[+-]?[0-9]+$"
_DECIMAL = r"^[+-]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"


def typed_csv_records(frame: "DataFrame") -> "DataFrame":
    """Whole-number columns as long, text as string; one aggregation over the rows."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    texts = [f.name for f in frame.schema.fields if isinstance(f.dataType, StringType)]
    probes = []
    for i, name in enumerate(texts):
        value = F.col(quote_name(name))
        whole = value.rlike(_WHOLE) & F.expr(f"try_cast({quote_name(name)} AS bigint)").isNotNull()
        decimal = value.rlike(_DECIMAL)
        probes += [
            F.max(F.when(whole, value)).alias(f"w{i}"),
            F.max(F.when(decimal, value)).alias(f"d{i}"),
            F.max(F.when(value.isNotNull() & ~whole & ~decimal, value)).alias(f"t{i}"),
        ]
    if not probes:
        return frame
    found = frame.select(*probes).first()
    assert found is not None
    longs = []
    for i, name in enumerate(texts):
        whole, decimal, text = found[f"w{i}"], found[f"d{i}"], found[f"t{i}"]
        numeric = whole if whole is not None else decimal
        if numeric is not None and text is not None:
            raise UnsupportedGlueFeature(
                f"a choice type: CSV column '{name}' holds numbers such as {numeric!r} and text "
                f"such as {text!r}, which Glue reads as a choice of types (resolve it by "
                "reading through a catalog table with a string column, or clean the data)"
            )
        if decimal is not None:
            raise UnsupportedGlueFeature(
                f"CSV column '{name}' of decimal numbers such as {decimal!r} read without a "
                "catalog table: AWS does not document the type Glue gives them (crawl the "
                "data and read it with from_catalog, whose table types it)"
            )
        if whole is not None:
            longs.append(name)
    if not longs:
        return frame
    return frame.select(
        *[
            F.col(quote_name(c)).cast("bigint").alias(c) if c in longs else F.col(quote_name(c))
            for c in frame.columns
        ]
    )
