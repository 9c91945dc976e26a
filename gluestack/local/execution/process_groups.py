"""Process groups of job processes and warm JVMs: a Python process and the JVM it started."""

import contextlib
import os
import signal
import subprocess
import time
from typing import Any

# A killed process group has this long to go before its owner stops waiting for it.
KILL_GRACE_SECONDS = 30.0


def kill_group(process: "subprocess.Popen[Any]") -> None:
    """End the process and every process of its group (the JVM it started)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(KILL_GRACE_SECONDS)


def wait_for_group(group: int, seconds: float = KILL_GRACE_SECONDS) -> None:
    """Until no process of the group is left (a JVM may still be writing, e.g. its class
    archive), at most seconds."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            os.killpg(group, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.1)
