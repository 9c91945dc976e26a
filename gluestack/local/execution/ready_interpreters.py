"""Run processes whose imports are done before their run starts (ready_interpreter.py).

Each run still gets a process of its own that serves it alone. What changes is when that
process starts: after a run of a module ends, the next process for the same Python, module and
environment is started and imports while nothing waits for it, and the next such run takes it.
A run finding none starts one then, which is what it did before. The environment a process
was started with may differ from its run's only in the account's variables and the warm JVM
it attaches to (which no import reads); its run's whole environment replaces it before the run.
"""

import atexit
import json
import os
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from gluestack.local.execution.process_groups import kill_group
from gluestack.local.execution.warm_jvms import ACCOUNT_VARIABLES, GATEWAY_VARIABLES, launch_key

READY_MODULE = "gluestack.local.execution.ready_interpreter"
# Idle processes kept at most, the oldest ended first (each holds its imports, ~70 MB).
MOST_KEPT = 4
# Read when the run starts its SparkContext, never by an import.
_VARYING = ACCOUNT_VARIABLES + GATEWAY_VARIABLES


@dataclass(frozen=True)
class RunProcess:
    """What to run: `python -m module *arguments` with environment, its output appended to log."""

    python: str
    module: str
    arguments: tuple[str, ...]
    environment: dict[str, str]
    log: Path

    @property
    def key(self) -> str:
        return launch_key([self.python, self.module], self.environment, _VARYING)

    @property
    def launch_environment(self) -> dict[str, str]:
        """What its process starts with before it is the run's."""
        return {k: v for k, v in self.environment.items() if k not in GATEWAY_VARIABLES}


@dataclass
class ReadyInterpreters:
    """This process's idle ready interpreters, by what they were started with."""

    idle: list[tuple[str, "subprocess.Popen[str]"]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: bool = False

    def start(self, run: RunProcess) -> "subprocess.Popen[str]":
        """The run's process, started: a ready one when there is one, else a new one."""
        request = json.dumps(
            {
                "arguments": list(run.arguments),
                "environment": run.environment,
                "cwd": os.getcwd(),
                "log": str(run.log),
            }
        )
        ready = self._take(run.key)
        if ready is not None:
            try:
                return _requested(ready, request)
            except OSError:  # it died before its run: a fresh one serves it
                kill_group(ready)
        return _requested(_spawn(run), request)

    def prepare(self, run: RunProcess) -> None:
        """Start the process a next run like this one will take."""
        with self.lock:
            if self.closed:
                return
        process = _spawn(run)
        with self.lock:
            self.idle.append((run.key, process))
            ended = self.idle[:-MOST_KEPT]
            del self.idle[:-MOST_KEPT]
        for _, old in ended:
            kill_group(old)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            idle, self.idle = self.idle, []
        for _, process in idle:
            kill_group(process)

    def _take(self, key: str) -> "subprocess.Popen[str] | None":
        with self.lock:
            for index, (idle_key, process) in enumerate(self.idle):
                if idle_key == key and process.poll() is None:
                    del self.idle[index]
                    return process
        return None


def _requested(process: "subprocess.Popen[str]", request: str) -> "subprocess.Popen[str]":
    assert process.stdin is not None
    process.stdin.write(request + "\n")
    process.stdin.close()
    return process


def _spawn(run: RunProcess) -> "subprocess.Popen[str]":
    # A group of its own, so that ending the run ends what it started too.
    return subprocess.Popen(
        [run.python, "-m", READY_MODULE, run.module],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=run.launch_environment, start_new_session=True, text=True,
    )  # fmt: skip


_shared: ReadyInterpreters | None = None
_shared_lock = threading.Lock()


def shared_interpreters() -> ReadyInterpreters:
    """This process's ready interpreters, for every offline account it runs; ended at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ReadyInterpreters()
            atexit.register(_shared.close)
        return _shared
