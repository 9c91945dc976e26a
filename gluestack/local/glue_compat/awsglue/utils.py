"""awsglue.utils: job arguments as Glue passes them (--NAME value)."""

import sys


class GlueArgumentError(SystemExit):
    """Glue's own type: a required job argument is missing."""


def getResolvedOptions(args: list[str], options: list[str]) -> dict[str, str]:
    """The values of --OPTION arguments named in options; each is required, as on Glue."""
    given: dict[str, str] = {}
    index = 1
    while index < len(args):
        token = args[index]
        if token.startswith("--") and index + 1 < len(args):
            given[token[2:]] = args[index + 1]
            index += 2
        else:
            index += 1
    missing = [name for name in options if name not in given]
    if missing:
        names = ", ".join(f"--{name}" for name in missing)
        print(f"error: the following arguments are required: {names}", file=sys.stderr)
        raise GlueArgumentError(2)
    return {name: given[name] for name in options}
