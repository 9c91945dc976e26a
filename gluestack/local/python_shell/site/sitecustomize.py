"""Started first in a Python shell job's process (it is on PYTHONPATH): route its AWS calls.

The analytics library set's boto3 (1.21) predates AWS_ENDPOINT_URL, so clients the script makes
would call AWS itself: a client created without an endpoint_url gets the offline account's (a
newer boto3 the job installs reads AWS_ENDPOINT_URL, which the process also has). A
library of the set that could not be installed here fails its import with the reason, as
GLUESTACK_SHELL_MISSING names it, instead of a bare ModuleNotFoundError.
"""

import importlib.abc
import importlib.machinery
import inspect
import json
import os
import sys

_ENDPOINT = os.environ.get("GLUESTACK_SHELL_ENDPOINT")
_MISSING = json.loads(os.environ.get("GLUESTACK_SHELL_MISSING", "{}"))


# botocore 1.23/1.24's Session.create_client (the library sets pin them); a newer botocore has
# another signature and reads AWS_ENDPOINT_URL itself.
_ROUTED_SIGNATURE = (
    "self", "service_name", "region_name", "api_version", "use_ssl", "verify", "endpoint_url",
    "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "config",
)  # fmt: skip


def _route_clients(endpoint: str) -> None:
    try:
        from botocore import session
    except ImportError:  # library_set none without botocore: nothing to route
        return
    create_client = session.Session.create_client
    if tuple(inspect.signature(create_client).parameters) != _ROUTED_SIGNATURE:
        return

    def offline_client(  # type: ignore[no-untyped-def]
        self, service_name, region_name=None, api_version=None, use_ssl=True, verify=None,
        endpoint_url=None, aws_access_key_id=None, aws_secret_access_key=None,
        aws_session_token=None, config=None,
    ):  # fmt: skip
        return create_client(
            self, service_name, region_name, api_version, use_ssl, verify,
            endpoint_url or endpoint, aws_access_key_id, aws_secret_access_key,
            aws_session_token, config,
        )  # fmt: skip

    session.Session.create_client = offline_client  # type: ignore[method-assign, assignment]


class _NotInstalledOffline(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        top = name.partition(".")[0]
        if top in _MISSING and importlib.machinery.PathFinder.find_spec(top) is None:
            raise ModuleNotFoundError(
                f"{top} is in Glue's analytics library set but could not be installed offline: "
                f"{_MISSING[top]}",
                name=top,
            )
        return None


if _ENDPOINT:
    _route_clients(_ENDPOINT)
if _MISSING:
    sys.meta_path.append(_NotInstalledOffline())
