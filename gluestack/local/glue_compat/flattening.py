"""Glue's flattening of nested data: DynamicFrame.unnest and relationalize, as pure functions.

unnest lifts every struct field to the top level under its dotted path ("a.b", one column
literally named so); arrays stay arrays. relationalize unnests the same way, then pivots each
array out into its own table `<root>_<column>` with columns `id` (the join key the parent keeps
in the array's column), `index` (0-based position) and `<column>.val` (the element; struct
elements flatten to `<column>.val.<field>`), recursively. Docs:
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html
https://docs.aws.amazon.com/glue/latest/dg/glue-etl-scala-apis-glue-dynamicframe-class.html

Glue's staging_path (where pivoted tables round-trip through CSV) and options ("Currently
unused") do not change the result, so neither is a parameter here. What the docs leave open is
refused with UnsupportedGlueFeature, or, where a DataFrame allows one answer only, noted below.
"""

from collections.abc import Iterator

from pyspark.sql import Column, DataFrame, Window
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, DataType, MapType, StructType

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

_Columns = list[tuple[str, Column, DataType]]
_ORDER = "__gluestack_flattening_order"


def unnest(df: DataFrame) -> DataFrame:
    """Glue's unnest: struct fields become top-level columns named by dotted path."""
    _refuse_maps(df.schema, "unnest")
    columns = _flat_columns(df)
    for name, _, data_type in columns:
        if isinstance(data_type, ArrayType) and _holds_struct(data_type):
            # The Scala docs say structs inside arrays are unnested with a ".val" prefix but
            # never show the resulting shape, so there is nothing to copy faithfully.
            raise UnsupportedGlueFeature(f"unnest of structs inside the array {name!r}")
    return _select_flat(df, columns, "unnest")


def relationalize(df: DataFrame, root_table_name: str) -> dict[str, DataFrame]:
    """Glue's relationalize: the unnested root table plus one pivoted table per array."""
    _refuse_maps(df.schema, "relationalize")
    tables: dict[str, DataFrame] = {}
    _pivot(_select_flat(df, _flat_columns(df), "relationalize"), root_table_name, "", tables)
    return tables


def _pivot(flat: DataFrame, root: str, table: str, tables: dict[str, DataFrame]) -> None:
    """Store `flat` with its arrays replaced by join keys, then pivot each array, recursively."""
    name = table or root
    arrays = [f.name for f in flat.schema.fields if isinstance(f.dataType, ArrayType)]
    if not arrays:
        tables[name] = flat
        return
    keyed = _with_join_keys(flat, arrays)
    tables[name] = keyed.select(
        [_key(a).alias(a) if a in arrays else _col(a) for a in flat.columns]
    )
    for array in arrays:
        child = f"{root}_{array}"
        if child in tables:
            raise UnsupportedGlueFeature(f"relationalize into two tables named {child!r}")
        _pivot(_pivoted(keyed, array), root, child, tables)


def _with_join_keys(flat: DataFrame, arrays: list[str]) -> DataFrame:
    """Add one join key per array: 1, 2, 3... over the rows whose array has elements."""
    # The Scala docs' example numbers its three rows 1, 2, 3 in order; Glue's numbering is not
    # specified beyond that. A null or empty array gets no key and no rows (not documented).
    ordered = flat.withColumn(_ORDER, F.monotonically_increasing_id())
    window = Window.orderBy(_ORDER).rowsBetween(Window.unboundedPreceding, Window.currentRow)
    for array in arrays:
        present = F.coalesce(F.size(_col(array)), F.lit(0)) > 0
        running = F.sum(F.when(present, F.lit(1)).otherwise(F.lit(0))).over(window)
        ordered = ordered.withColumn(_key_name(array), F.when(present, running))
    return ordered


def _pivoted(keyed: DataFrame, array: str) -> DataFrame:
    """One row per element of `array`: id, index, then the element flattened under `.val`."""
    value = f"{array}.val"
    exploded = keyed.where(_key(array).isNotNull()).select(
        _key(array).alias("id"), F.posexplode(_col(array)).alias("index", value)
    )
    return _select_flat(exploded, _flat_columns(exploded), "relationalize")


def _flat_columns(df: DataFrame) -> _Columns:
    """Every non-struct leaf of the schema, in schema order, named by its dotted path."""
    return list(_leaves(df.schema, "", None))


def _leaves(
    struct: StructType, prefix: str, parent: Column | None
) -> Iterator[tuple[str, Column, DataType]]:
    """Walk a struct depth-first; a null struct yields null for each of its leaves."""
    if not struct.fields:
        raise UnsupportedGlueFeature(f"flattening the empty struct {prefix.rstrip('.')!r}")
    for field in struct.fields:
        name = f"{prefix}{field.name}"
        column = _col(field.name) if parent is None else parent.getField(field.name)
        if isinstance(field.dataType, StructType):
            yield from _leaves(field.dataType, f"{name}.", column)
        else:
            yield name, column, field.dataType


def _select_flat(df: DataFrame, columns: _Columns, operation: str) -> DataFrame:
    """Select the flattened columns, refusing two that would share a name."""
    names = [name for name, _, _ in columns]
    clashes = sorted({name for name in names if names.count(name) > 1})
    if clashes:
        # e.g. a top-level "a.b" beside struct a with field b; Glue's outcome is undocumented.
        raise UnsupportedGlueFeature(f"{operation} of fields whose dotted names collide: {clashes}")
    return df.select([column.alias(name) for name, column, _ in columns])


def _refuse_maps(data_type: DataType, operation: str, path: str = "") -> None:
    """Refuse map types anywhere: Glue does not document how it flattens them."""
    if isinstance(data_type, MapType):
        raise UnsupportedGlueFeature(f"{operation} of the map field {path or '<root>'!r}")
    if isinstance(data_type, ArrayType):
        _refuse_maps(data_type.elementType, operation, f"{path}[]")
    elif isinstance(data_type, StructType):
        for field in data_type.fields:
            _refuse_maps(field.dataType, operation, f"{path}.{field.name}".lstrip("."))


def _holds_struct(data_type: DataType) -> bool:
    """Whether a struct appears anywhere inside this type."""
    if isinstance(data_type, ArrayType):
        return _holds_struct(data_type.elementType)
    return isinstance(data_type, StructType)


def _key_name(array: str) -> str:
    """The temporary column that holds `array`'s join key."""
    return f"__gluestack_key_{array}"


def _key(array: str) -> Column:
    """The join key column for `array`."""
    return _col(_key_name(array))


def _col(name: str) -> Column:
    """A top-level column by its literal name, dots and backticks included."""
    return F.col("`" + name.replace("`", "``") + "`")
