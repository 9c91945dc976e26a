"""`/moto-api/gluestack/clock` on the offline endpoint: read the offline clock, or advance it.

GET answers {"now": ISO time}; POST {"advance_seconds": N} moves the clock forward N seconds,
fires the schedules it passes and answers the new time and the triggers that fired
({"now": ..., "fired": [names]}). `gluestack local clock` is its client.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from moto.moto_api._internal import urls

from gluestack.local.orchestration.clock import CLOCK_PATH

_KEY = "{0}" + CLOCK_PATH

Response = tuple[int, dict[str, str], str]


@contextmanager
def clock_route(
    advance: Callable[[timedelta], tuple[datetime, list[str]]], now: Callable[[], datetime]
) -> Iterator[None]:
    """Serve the clock route on moto servers whose moto-api app is made inside the block."""

    def clock(request: Any, full_url: str, headers: Any) -> Response:
        if request.method == "GET":
            return 200, {}, json.dumps({"now": now().isoformat()})
        try:
            body = json.loads(request.get_data() or b"{}")
            seconds = float(body["advance_seconds"])
            moved, fired = advance(timedelta(seconds=seconds))
        except (ValueError, KeyError, TypeError) as error:
            message = f"POST {{'advance_seconds': N}} with N >= 0 ({type(error).__name__}: {error})"
            return 400, {}, json.dumps({"Error": message})
        return 200, {}, json.dumps({"now": moved.isoformat(), "fired": fired})

    urls.url_paths[_KEY] = clock
    try:
        yield
    finally:
        urls.url_paths.pop(_KEY, None)
