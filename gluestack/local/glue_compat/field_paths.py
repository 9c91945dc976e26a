"""Glue's field paths over Spark DataFrames: select, drop, rename and ApplyMapping.

Glue names a field by its path from the root: `a.b` is field b of struct a, and a part in
backticks may hold dots (`this.old.name`). Pure functions, DataFrame in and DataFrame out, for
DynamicFrame's methods. Paths into arrays (and maps) are refused: Glue's rules there are not
documented well enough to copy.
"""

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeAlias

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, DataType, MapType, StructField, StructType

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

# awsglue.gluetypes.DecimalType(precision=10, scale=2); Spark's bare `decimal` is (10,0).
GLUE_DEFAULT_DECIMAL = "decimal(10,2)"

_WHOLE_NUMBERS = {"int", "integer", "long", "bigint", "short", "smallint", "byte", "tinyint"}
_OTHER_ATOMS = {"float", "double", "string", "boolean", "date", "timestamp", "binary"}
_ATOMIC_TYPES = _WHOLE_NUMBERS | _OTHER_ATOMS
_DECIMAL_TYPE = re.compile(r"decimal\(\s*\d+\s*(,\s*\d+\s*)?\)")
_WHOLE_TYPES: dict[str, type[DataType]] = {
    "struct": StructType,
    "array": ArrayType,
    "map": MapType,
}

# Path parts chosen from a struct, in order of first mention; None means the whole field.
_Tree: TypeAlias = dict[str, "_Tree | None"]
# ApplyMapping's targets: a leaf column, or a struct to build from named children.
_Targets: TypeAlias = dict[str, "Column | _Targets"]
_Fields: TypeAlias = list[tuple[str, Column]]
_Mappings: TypeAlias = Sequence[tuple[str, ...]] | tuple[str, ...]


def parse_path(path: str) -> list[str]:
    """The parts of a Glue field path: dots separate parts, backticks quote dots."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in path:
        if char == "`":
            quoted = not quoted
        elif char == "." and not quoted:
            parts.append(_part("".join(current), path))
            current = []
        elif char in "[]()" and not quoted:
            # Glue asks for backticks around names with these, so unquoted they are syntax.
            raise UnsupportedGlueFeature(f"field path '{path}' (array or '{char}' syntax)")
        else:
            current.append(char)
    if quoted:
        raise ValueError(f"field path {path!r} has an unclosed backtick")
    parts.append(_part("".join(current), path))
    return parts


def _part(part: str, path: str) -> str:
    if not part:
        raise ValueError(f"field path {path!r} has an empty part")
    return part


def as_paths(paths: str | Sequence[str]) -> list[str]:
    """Glue's list-of-paths argument: one string is one path, never its characters."""
    return [paths] if isinstance(paths, str) else list(paths)


def select_fields(df: DataFrame, paths: str | Sequence[str]) -> DataFrame:
    """Keep only the fields at paths, nested ones inside their structs; absent paths add none."""
    tree = _tree(df.schema, as_paths(paths))
    return df.select(*[_projected([name], df.schema[name], sub) for name, sub in tree.items()])


def _projected(names: list[str], field: StructField, sub: "_Tree | None") -> Column:
    if sub is None:
        return _ref(names).alias(field.name)
    struct = field.dataType
    assert isinstance(struct, StructType)
    children = [(n, _projected([*names, n], struct[n], s)) for n, s in sub.items()]
    return _struct(names, children).alias(field.name)


def drop_fields(df: DataFrame, paths: str | Sequence[str]) -> DataFrame:
    """Remove the fields at paths, nested ones from inside their structs; absent ones are no-ops."""
    kept = _kept([], df.schema, _tree(df.schema, as_paths(paths)))
    return df.select(*[column.alias(name) for name, column in kept])


def _kept(prefix: list[str], struct: StructType, tree: _Tree) -> _Fields:
    kept: _Fields = []
    for field in struct.fields:
        names = [*prefix, field.name]
        if field.name not in tree:
            kept.append((field.name, _ref(names)))
            continue
        sub = tree[field.name]
        if sub is None:
            continue
        assert isinstance(field.dataType, StructType)
        children = _kept(names, field.dataType, sub)
        if not children:
            raise UnsupportedGlueFeature(f"drop_fields removing every field of '{_dotted(names)}'")
        kept.append((field.name, _struct(names, children)))
    return kept


def rename_field(df: DataFrame, old_path: str, new_path: str) -> DataFrame:
    """Rename the field at old_path in place, within its struct; an absent old_path is a no-op."""
    new = parse_path(new_path)
    names = _lookup(df.schema, parse_path(old_path), old_path, case_sensitive=True)
    if names is None or new == names:
        return df
    if new[:-1] != names[:-1]:
        # Glue documents new_name as a full path but not what a move to another struct does.
        raise UnsupportedGlueFeature(f"rename_field moving '{old_path}' to '{new_path}'")
    if _lookup(df.schema, new, new_path, case_sensitive=True) is not None:
        raise UnsupportedGlueFeature(f"rename_field onto the existing field '{new_path}'")
    renamed = _replaced([], df.schema, names, lambda column: (new[-1], column))
    return df.select(*[column.alias(name) for name, column in renamed])


def cast_field(df: DataFrame, path: str, target_type: str) -> DataFrame:
    """Cast the field at path in place, inside its struct; a value that cannot be cast is null."""
    names = _lookup(df.schema, parse_path(path), path, case_sensitive=True)
    if names is None:
        # What Glue does with a spec for a field the frame lacks is not documented.
        raise UnsupportedGlueFeature(f"resolveChoice spec for the absent field '{path}'")
    cast = F.expr(f"try_cast({_sql(names)} AS {target_type})")
    return replace_field(df, names, lambda _column: cast)


def field_at(df: DataFrame, path: str) -> tuple[list[str], DataType] | None:
    """The names along path (exact case) and the field's type, or None when df lacks it."""
    names = _lookup(df.schema, parse_path(path), path, case_sensitive=True)
    return None if names is None else (names, _type_at(df.schema, names))


def replace_field(
    df: DataFrame, names: list[str], new_value: Callable[[Column], Column]
) -> DataFrame:
    """df with the field at names (see field_at) replaced by new_value(its column), in place."""
    replaced = _replaced([], df.schema, names, lambda column: (names[-1], new_value(column)))
    return df.select(*[column.alias(name) for name, column in replaced])


def _replaced(
    prefix: list[str],
    struct: StructType,
    names: list[str],
    leaf: Callable[[Column], tuple[str, Column]],
) -> _Fields:
    """The struct's fields with the field at names replaced by leaf(its column), order kept."""
    fields: _Fields = []
    for field in struct.fields:
        column = _ref([*prefix, field.name])
        if field.name != names[0]:
            fields.append((field.name, column))
        elif len(names) == 1:
            fields.append(leaf(column))
        else:
            assert isinstance(field.dataType, StructType)
            inner = _replaced([*prefix, field.name], field.dataType, names[1:], leaf)
            fields.append((field.name, _struct([*prefix, field.name], inner)))
    return fields


def apply_mapping(df: DataFrame, mappings: _Mappings, case_sensitive: bool = False) -> DataFrame:
    """Glue's ApplyMapping: only mapped fields, cast, at their (possibly nested) target paths."""
    targets: _Targets = {}
    for source, _source_type, target, target_type in _four_tuples(mappings):
        # The source type picks a branch of a choice type; local frames have none.
        names = _lookup(df.schema, parse_path(source), source, case_sensitive)
        if names is None:
            continue  # Glue leaves out a mapping whose source field is absent
        column = _cast(names, _type_at(df.schema, names), target_type)
        _place(targets, parse_path(target), column, target)
    return df.select(*[_built(node).alias(name) for name, node in targets.items()])


def _four_tuples(mappings: _Mappings) -> Iterator[tuple[str, ...]]:
    # As awsglue's apply_mapping: one tuple is one mapping; each mapping must be a tuple.
    listed: Sequence[Any] = [mappings] if isinstance(mappings, tuple) else mappings
    for mapping in listed:
        if not isinstance(mapping, tuple):
            raise TypeError(f"Mapping must be specified as a tuple. Got {mapping!r}")
        if len(mapping) in (2, 3):
            # awsglue hands these to the JVM's MappingSpec; their meaning is not documented.
            raise UnsupportedGlueFeature(f"apply_mapping with a {len(mapping)}-element mapping")
        if len(mapping) != 4:
            raise ValueError(f"Mapping tuple must be of length 2, 3, or 4. Got {mapping!r}")
        yield mapping


def _cast(names: list[str], source: DataType, target_type: str) -> Column:
    name = target_type.strip().lower()
    whole = _WHOLE_TYPES.get(name)
    if whole is not None and isinstance(source, whole):
        return _ref(names)
    name = GLUE_DEFAULT_DECIMAL if name == "decimal" else name
    if name not in _ATOMIC_TYPES and not _DECIMAL_TYPE.fullmatch(name):
        raise UnsupportedGlueFeature(f"apply_mapping target type '{target_type}'")
    if isinstance(source, StructType | ArrayType | MapType):
        raise UnsupportedGlueFeature(f"apply_mapping of a {source.typeName()} to '{target_type}'")
    # A value that cannot be cast becomes null rather than failing the job.
    return F.expr(f"try_cast({_sql(names)} AS {name})")


def _place(targets: _Targets, parts: list[str], column: Column, target: str) -> None:
    node = targets
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise UnsupportedGlueFeature(f"apply_mapping target '{target}' inside a mapped leaf")
        node = child
    if parts[-1] in node:
        raise UnsupportedGlueFeature(f"apply_mapping with two mappings onto target '{target}'")
    node[parts[-1]] = column


def _built(node: "Column | _Targets") -> Column:
    if isinstance(node, Column):
        return node
    return F.struct(*[_built(child).alias(name) for name, child in node.items()])


def _tree(schema: StructType, paths: list[str]) -> _Tree:
    tree: _Tree = {}
    for path in paths:
        names = _lookup(schema, parse_path(path), path, case_sensitive=True)
        if names is not None:
            _add(tree, names)
    return tree


def _add(tree: _Tree, names: list[str]) -> None:
    head, rest = names[0], names[1:]
    if not rest:
        tree[head] = None
        return
    sub = tree.setdefault(head, {})
    if sub is not None:  # None: the whole field is already chosen
        _add(sub, rest)


def _lookup(
    schema: StructType, parts: list[str], path: str, case_sensitive: bool
) -> list[str] | None:
    """The schema's own names along parts, or None when the path is absent."""
    names: list[str] = []
    current: DataType = schema
    for part in parts:
        if isinstance(current, ArrayType | MapType):
            kind, where = current.typeName(), _dotted(names)
            raise UnsupportedGlueFeature(f"field path '{path}' into the {kind} '{where}'")
        if not isinstance(current, StructType):
            return None
        field = _field(current, part, case_sensitive, path)
        if field is None:
            return None
        names.append(field.name)
        current = field.dataType
    return names


def _field(struct: StructType, part: str, case_sensitive: bool, path: str) -> StructField | None:
    exact = [f for f in struct.fields if f.name == part]
    if exact or case_sensitive:
        return exact[0] if exact else None
    similar = [f for f in struct.fields if f.name.lower() == part.lower()]
    if len(similar) > 1:
        raise UnsupportedGlueFeature(f"field path '{path}' matching several fields ignoring case")
    return similar[0] if similar else None


def _type_at(schema: StructType, names: list[str]) -> DataType:
    current: DataType = schema
    for name in names:
        assert isinstance(current, StructType)
        current = current[name].dataType
    return current


def _struct(names: list[str], fields: _Fields) -> Column:
    """A struct of fields that stays null where the struct at names is null."""
    built = F.struct(*[column.alias(name) for name, column in fields])
    return F.when(_ref(names).isNull(), F.lit(None)).otherwise(built)


def quote_name(name: str) -> str:
    """One column name as Spark SQL refers to it (dots in it are part of the name)."""
    return _sql([name])


def sql_path(path: str) -> str:
    """A Glue field path (`a.b`, `` `x.y`.z ``) as a Spark SQL column reference."""
    return _sql(parse_path(path))


def _ref(names: list[str]) -> Column:
    return F.col(_sql(names))


def _sql(names: list[str]) -> str:
    return ".".join("`" + name.replace("`", "``") + "`" for name in names)


def _dotted(names: list[str]) -> str:
    return ".".join(f"`{n}`" if "." in n else n for n in names)
