"""`--customer-driver-env-vars`: environment variables Glue exports on the driver for the run.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html:
`CUSTOMER_KEY1=VAL1,CUSTOMER_KEY2=VAL2`, pairs split by single commas, a value holding spaces or
commas in double quotes; keys without the `CUSTOMER_` prefix are ignored. Offline the driver is
the job process, so they are set in its environment while the script runs and put back after.
"""

import re
from contextlib import AbstractContextManager

from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.process_environment import variables_set

DRIVER_ENV_ARGUMENT = "--customer-driver-env-vars"
PREFIX = "CUSTOMER_"
_PAIRS = re.compile(r',(?=(?:[^"]*"[^"]*")*[^"]*$)')  # commas outside double quotes


def driver_variables(value: str) -> dict[str, str]:
    """The variables one value sets (keys without the prefix dropped, as Glue drops them)."""
    variables = {}
    for pair in filter(None, (p.strip() for p in _PAIRS.split(value))):
        key, equals, setting = pair.partition("=")
        if not equals or not key:
            raise UnsupportedGlueFeature(f"{DRIVER_ENV_ARGUMENT} '{pair}': a pair is KEY=VALUE")
        quoted = len(setting) >= 2 and setting[0] == setting[-1] == '"'
        if not quoted and '"' in setting:
            raise UnsupportedGlueFeature(f"{DRIVER_ENV_ARGUMENT} '{pair}': unbalanced quotes")
        if key.startswith(PREFIX):
            variables[key] = setting[1:-1] if quoted else setting
    return variables


def driver_environment(arguments: dict[str, str]) -> AbstractContextManager[None]:
    """The run's driver variables in os.environ while the block runs."""
    return variables_set(driver_variables(arguments.get(DRIVER_ENV_ARGUMENT, "")))
