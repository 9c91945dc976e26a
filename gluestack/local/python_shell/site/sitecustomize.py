"""Started first in a Python shell job's process (it is on PYTHONPATH): route its AWS calls.

The analytics library set's boto3 (1.21) predates AWS_ENDPOINT_URL, so clients the script makes
would call AWS itself: a client created without an endpoint_url gets the offline account's. A
library of the set that could not be installed here fails its import with the reason, as
GLUESTACK_SHELL_MISSING names it, instead of a bare ModuleNotFoundError.
"""

import importlib.abc
import importlib.machinery
import json
import os
import sys

_ENDPOINT = os.environ.get("GLUESTACK_SHELL_ENDPOINT")
_MISSING = json.loads(os.environ.get("GLUESTACK_SHELL_MISSING", "{}"))


def _route_clients(endpoint: str) -> None:
    try:
        from botocore import session
    except ImportError:  # library_set none without botocore: nothing to route
        return
    create_client = session.Session.create_client

    def offline_client(self, service_name, *args, **kwargs):  # type: ignore[no-untyped-def]
        positional = list(args)
        if len(positional) >= 5:  # region, api_version, use_ssl, verify, endpoint_url
            positional[4] = positional[4] or endpoint
        else:
            kwargs["endpoint_url"] = kwargs.get("endpoint_url") or endpoint
        return create_client(self, service_name, *positional, **kwargs)

    session.Session.create_client = offline_client  # type: ignore[method-assign]


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
