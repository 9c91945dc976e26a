"""awsglue.utils: job arguments as Glue passes them (--NAME value), parsed as Glue parses them."""

import argparse
from typing import Any, NoReturn

from awsglue.job import Job

from gluestack.local.glue_compat.glue_version import at_least

# Glue drops these from the required options and parses them as optional, each mirroring the other.
TEMP_DIRS = ("RedshiftTempDir", "TempDir")

# Everything getResolvedOptions has returned in this process, merged, as Glue's module keeps it.
_global_args: dict[str, Any] = {}


class GlueArgumentError(Exception):
    """Glue's own type: the job arguments do not parse (a required option is missing, say)."""


class GlueArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that raises GlueArgumentError instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise GlueArgumentError(message)


# Values are str, or None for Glue's own arguments when absent; Any keeps args["JOB_NAME"] usable
# as a str, as it is against Glue's untyped package.
def getResolvedOptions(
    args: list[str], options: list[str], allow_abbrev: bool | None = None
) -> dict[str, Any]:
    """Glue's own arguments and a required --NAME per name in options, keyed as argparse does.

    Up to 5.1 (awslabs/aws-glue-libs, branch glue-5.1) the signature is (args, options) and an
    unambiguous prefix of an option is accepted; 6.0 (branch main, "Breaking change" in its
    README) adds allow_abbrev, False by default.
    """
    abbreviations = _abbreviations(allow_abbrev)  # a TypeError comes before anything else
    refuse_reserved(options)
    parser = glue_parser(options, abbreviations)
    parsed, _unknown = parser.parse_known_args(args[1:])
    resolved = vars(parsed)
    mirror_temp_dirs(resolved)
    resolve_bookmark_option(resolved)
    check_bookmark_range(resolved)
    _global_args.update(resolved)
    return resolved


def _abbreviations(allow_abbrev: bool | None) -> bool:
    """Whether prefixes match: Glue 6.0's allow_abbrev (default False); always before 6.0, whose
    getResolvedOptions has no such parameter."""
    if at_least("6.0"):
        return bool(allow_abbrev)
    if allow_abbrev is not None:
        raise TypeError("getResolvedOptions() got an unexpected keyword argument 'allow_abbrev'")
    return True


def reserved_names() -> list[tuple[str, str]]:
    """(name looked for in options, name the error gives), in the order Glue checks them."""
    undashed = [Job.continuation_options()[0], Job.job_bookmark_options()[0]]
    names = [(option[2:], option[2:]) for option in undashed]
    names += [(option[2:], option) for option in Job.job_bookmark_range_options()]
    # Glue looks these up with their dashes, so a bare "JOB_ID" gets past this check.
    dashed = [*Job.id_params()[1:], Job.encryption_type_options()[0], *Job.data_lineage_options()]
    return names + [(option, option) for option in dashed]


def refuse_reserved(options: list[str]) -> None:
    """RuntimeError if options names one of Glue's reserved arguments."""
    for looked_for, named in reserved_names():
        if looked_for in options:
            raise RuntimeError(f"Using reserved arguments {named}")


def glue_parser(options: list[str], allow_abbrev: bool) -> GlueArgumentParser:
    """Glue's optional arguments, then each requested option as required."""
    parser = GlueArgumentParser(allow_abbrev=allow_abbrev)
    bookmark, *bookmark_choices = Job.job_bookmark_options()
    parser.add_argument(bookmark, choices=bookmark_choices)
    continuation, *continuation_choices = Job.continuation_options()
    parser.add_argument(continuation, choices=continuation_choices)
    for option in [*Job.job_bookmark_range_options(), *Job.id_params()[1:]]:
        parser.add_argument(option)
    encryption, *encryption_choices = Job.encryption_type_options()
    parser.add_argument(encryption, choices=encryption_choices)
    parser.add_argument(*Job.data_lineage_options())
    for name in TEMP_DIRS:
        parser.add_argument(f"--{name}")
    for name in options:
        if name not in TEMP_DIRS:
            parser.add_argument(f"--{name}", required=True)
    return parser


def mirror_temp_dirs(resolved: dict[str, Any]) -> None:
    """TempDir and RedshiftTempDir both hold whichever was given, TempDir winning."""
    if resolved["TempDir"] is not None:
        resolved["RedshiftTempDir"] = resolved["TempDir"]
    elif resolved["RedshiftTempDir"] is not None:
        resolved["TempDir"] = resolved["RedshiftTempDir"]


def resolve_bookmark_option(resolved: dict[str, Any]) -> None:
    """job_bookmark_option from --job-bookmark-option, else the old --continuation-option."""
    continuation = resolved.pop("continuation_option", None)
    if resolved["job_bookmark_option"] is None:
        resolved["job_bookmark_option"] = bookmark_for(continuation)


def bookmark_for(continuation: str | None) -> str:
    """The job-bookmark option a continuation option stands for; disable when there is none."""
    bookmark_options = Job.job_bookmark_options()
    if continuation is None:
        return bookmark_options[3]
    return bookmark_options[Job.continuation_options().index(continuation)]


def check_bookmark_range(resolved: dict[str, Any]) -> None:
    """Pause takes both range bounds or neither; the other options take at most one."""
    range_options = Job.job_bookmark_range_options()
    absent = [o for o in range_options if resolved.get(o[2:].replace("-", "_")) is None]
    if resolved["job_bookmark_option"] == "job-bookmark-pause":
        if len(absent) == 1:
            raise RuntimeError(f"Missing option or value for {absent[0]}")
    elif not absent:
        # Glue's message has no space after "(s)".
        raise RuntimeError(f"Invalid option(s){' '.join(range_options)}")
