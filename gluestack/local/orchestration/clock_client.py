"""The client of a served offline account's clock route (`gluestack local clock`)."""

import json
import urllib.error
import urllib.request
from typing import Any

from gluestack.local.orchestration.clock import CLOCK_PATH

CLOCK_TIMEOUT_SECONDS = 30


class ClockUnreachable(Exception):
    """No offline account answers at the endpoint, or it refused the request."""


def read_clock(endpoint: str, advance_seconds: float | None = None) -> dict[str, Any]:
    """The account's time ({"now": ...}); with advance_seconds, after moving it forward."""
    url = endpoint.rstrip("/") + CLOCK_PATH
    data = None if advance_seconds is None else json.dumps({"advance_seconds": advance_seconds})
    request = urllib.request.Request(
        url,
        data=data.encode() if data else None,
        method="POST" if data else "GET",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=CLOCK_TIMEOUT_SECONDS) as response:
            answer: dict[str, Any] = json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise ClockUnreachable(f"{url}: {error.code} {error.read().decode()}") from None
    except (urllib.error.URLError, TimeoutError) as error:
        raise ClockUnreachable(
            f"no offline account answers at {endpoint} ({error}); start one with "
            "`gluestack local serve`"
        ) from None
    return answer
