"""The job argument convention: a table's s3:// folder reaches a script as `--<table>_path`.

gluestack sets it for each output of a job and for each other job's output it reads; a script
reads it as `args["<table>_path"]` after getResolvedOptions. The deployment manifest lists which
of a deployed job's location arguments are its outputs (manifest.job_outputs).
"""

LOCATION_SUFFIX = "_path"


def location_argument(table: str) -> str:
    """The name a script reads the table's folder under: `<table>_path`."""
    return table + LOCATION_SUFFIX


def glue_parameter(argument: str) -> str:
    """The job parameter that carries a spec argument (a script's `args[argument]`): `--<name>`."""
    return "--" + argument


def location_parameter(table: str) -> str:
    """The job parameter that carries it: `--<table>_path`."""
    return glue_parameter(location_argument(table))


def is_location_parameter(name: str) -> bool:
    return name.startswith("--") and name.endswith(LOCATION_SUFFIX)


def table_of(argument: str) -> str:
    """The table a location argument (with or without `--`) names."""
    return argument.removeprefix("--").removesuffix(LOCATION_SUFFIX)
