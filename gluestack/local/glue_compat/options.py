"""Which option keys each emulated Glue API honours, and the one check that refuses the rest.

Every key a script passes is either honoured as Glue does, accepted because on Glue it only
tunes speed (listed as tuning, with no effect on results), or refused by name. Sources:
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-connect-s3-home.html
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-glue-context.html
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

# S3 source connection_options.
S3_SOURCE_HONOURED = frozenset({"paths", "path", "recurse", "exclusions", "compressionType"})
S3_SOURCE_TUNING = frozenset(
    {"groupFiles", "groupSize", "useS3ListImplementation", "maxBand", "maxFilesInBand",
     "excludeStorageClasses"}
)  # fmt: skip
# S3 sink connection_options.
S3_SINK_HONOURED = frozenset({"path", "partitionKeys", "compression"})
S3_SINK_TUNING = frozenset({"groupFiles", "groupSize"})
# getSink(...) options besides the S3 sink's: Glue Studio's catalog-updating S3 target.
SINK_CATALOG_OPTIONS = frozenset({"enableUpdateCatalog", "updateBehavior"})
CATALOG_SINK_HONOURED = frozenset({"partitionKeys", "enableUpdateCatalog", "updateBehavior"})
# GlueContext(sc, **options): partition counts tune parallelism only.
CONTEXT_TUNING = frozenset({"minPartitions", "targetPartitions"})
UPDATE_BEHAVIORS = ("UPDATE_IN_DATABASE", "LOG")


@dataclass(frozen=True)
class ReadOption:
    """What one of from_catalog's additional_options does on Glue, and whether gluestack can."""

    meaning: str
    changes_results: bool
    honoured: bool
    source: str


_S3 = "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-connect-s3-home.html"
_GROUPING = "https://docs.aws.amazon.com/glue/latest/dg/grouping-input-files.html"
_BOUNDED = "https://docs.aws.amazon.com/glue/latest/dg/bounded-execution.html"
_PARTITIONS = "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-partitions.html"
_PUSHDOWN = "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-pushdown.html"

# from_catalog's documented additional_options: those that change results are honoured by
# registered_partitions / partition_paths or must be refused; the others only tune speed.
CATALOG_READ_OPTIONS: dict[str, ReadOption] = {
    "catalogPartitionPredicate": ReadOption(
        "GetPartitions Expression: which registered partitions are listed (server side)",
        changes_results=True, honoured=True, source=_PARTITIONS),
    "pushDownPredicate": ReadOption(
        "Spark SQL over partition values, like the push_down_predicate argument",
        changes_results=True, honoured=True, source=_PUSHDOWN),
    "boundedFiles": ReadOption(
        "at most this many not-yet-bookmarked files per run; later runs read the rest",
        changes_results=True, honoured=False, source=_BOUNDED),
    "boundedSize": ReadOption(
        "at most this many bytes of not-yet-bookmarked files per run",
        changes_results=True, honoured=False, source=_BOUNDED),
    "exclusions": ReadOption(
        "glob patterns of files not to read", changes_results=True, honoured=False, source=_S3),
    "recurse": ReadOption(
        "read files in subfolders of the location (a partitioned table's partitions always are)",
        changes_results=True, honoured=True, source=_GROUPING),
    "groupFiles": ReadOption(
        "read small files in groups ('inPartition'/'none')",
        changes_results=False, honoured=True, source=_GROUPING),
    "groupSize": ReadOption(
        "target bytes per file group", changes_results=False, honoured=True, source=_GROUPING),
    "useS3ListImplementation": ReadOption(
        "list S3 objects in batches to save driver memory",
        changes_results=False, honoured=True, source=_S3),
}  # fmt: skip


def check_read_options(additional_options: Mapping[str, Any]) -> None:
    """Refuse from_catalog additional_options gluestack does not know or cannot honour."""
    for key in additional_options:
        option = CATALOG_READ_OPTIONS.get(key)
        if option is None or not option.honoured:
            raise UnsupportedGlueFeature(f"from_catalog additional_options['{key}']")


def check_options(api: str, given: Iterable[str], *allowed: frozenset[str]) -> None:
    """Refuse, by name, every key of given that no allowed set holds."""
    known = frozenset().union(*allowed)
    unknown = sorted(set(given) - known)
    if unknown:
        names = ", ".join(f"'{key}'" for key in unknown)
        raise UnsupportedGlueFeature(f"{api} option {names}")


def refuse_non_default(api: str, **values: Any) -> None:
    """Refuse error-threshold and similar arguments set away from Glue's defaults."""
    for name, value in values.items():
        if value not in (None, "", 0, {}, False):
            raise UnsupportedGlueFeature(f"{api}({name}={value!r})")


def as_bool(value: Any) -> bool:
    """Glue's boolean options arrive as True, "true" or "True"."""
    return str(value).lower() == "true"


def json_list(value: Any) -> list[str]:
    """Glue's list options arrive as a list or as a string holding a JSON list."""
    if isinstance(value, str):
        import json

        parsed = json.loads(value) if value.strip().startswith("[") else [value]
        return [str(item) for item in parsed]
    return [str(item) for item in value]


def without(options: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in options.items() if k not in keys}
