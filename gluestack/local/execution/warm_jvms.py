"""Warm JVMs that offline accounts' job processes attach to, one run at a time.

A job process of its own still runs each attempt (its Python, its SparkContext, its result),
but starting a JVM and loading Spark's classes is most of a small run's time. This process keeps
the JVM of a run that ended by itself and lends it to the next run launched with the same
Python and environment — what a fresh JVM would have been started with — so a run cannot tell
the difference. Only the account's own variables (ACCOUNT_VARIABLES: its endpoint, region and
database routes, and the test running it) may differ; no Java code reads them, and the job
process hands its values to its Python workers (attached_environment). A JVM whose run was
stopped, timed out or left it in an unknown state is ended, never lent again.
"""

import atexit
import contextlib
import hashlib
import json
import os
import select
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.execution.jvm_archive import JvmArchive, with_java_options
from gluestack.local.execution.jvm_host import IDLE, LEASED, READY
from gluestack.local.execution.process_groups import kill_group, wait_for_group
from gluestack.local.jdbc.routes import ROUTES_VARIABLE

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

HOST_MODULE = "gluestack.local.execution.jvm_host"
# A JVM starts in seconds; the first start after an install also writes its class archive.
START_DEADLINE_SECONDS = 120.0
ANSWER_DEADLINE_SECONDS = 30.0
GATEWAY_VARIABLES = ("PYSPARK_GATEWAY_PORT", "PYSPARK_GATEWAY_SECRET")
# What may differ between the runs one JVM serves: the account's endpoint, region and database
# routes, and pytest's name of the running test (set in the environment of every test).
ACCOUNT_VARIABLES = (
    "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION", ROUTES_VARIABLE, "PYTEST_CURRENT_TEST",
)  # fmt: skip


class HostFailed(RuntimeError):
    """A warm JVM did not start or did not answer in time."""


@dataclass
class JvmHost:
    """One jvm_host process and the JVM it launched (one process group)."""

    process: subprocess.Popen[str]
    environment: dict[str, str]
    archive: JvmArchive
    partial: Path | None

    @classmethod
    def start(
        cls, python: str, env: dict[str, str], s3_root: Path, folder: Path, archive: JvmArchive
    ) -> "JvmHost":
        folder.mkdir(parents=True, exist_ok=True)
        options, partial = archive.options()
        with (folder / f"{uuid.uuid4().hex[:12]}.log").open("a") as log:
            process = subprocess.Popen(
                [python, "-m", HOST_MODULE, str(s3_root)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
                env=with_java_options(env, options), start_new_session=True,
            )  # fmt: skip
        host = cls(process, {}, archive, partial)
        try:
            word, port, secret = host._answer(START_DEADLINE_SECONDS).split()
        except (HostFailed, ValueError) as error:
            host.end()
            raise HostFailed(f"a warm JVM did not start ({error}); see {log.name}") from None
        if word != READY:
            host.end()
            raise HostFailed(f"a warm JVM did not start; see {log.name}")
        host.environment = dict(zip(GATEWAY_VARIABLES, (port, secret), strict=True))
        return host

    def lease(self, log: Path) -> None:
        self._say(f"lease {log}", LEASED)

    def release(self) -> bool:
        """Stop what the run left running; False when the JVM cannot serve another run."""
        try:
            self._say("release", IDLE)
        except HostFailed:
            return False
        return True

    def end(self) -> None:
        """End it; one writing the class archive first closes its input, so that its JVM exits
        by itself and writes it (killed if it does not go within the deadline)."""
        with contextlib.suppress(OSError):
            if self.process.stdin:
                self.process.stdin.close()
        if self.partial is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(ANSWER_DEADLINE_SECONDS)
            wait_for_group(self.process.pid, ANSWER_DEADLINE_SECONDS)
        kill_group(self.process)
        self.archive.written(self.partial)

    def kill(self) -> None:
        """End it now: its run was stopped, and the JVM may still be running its tasks (a
        class archive it was to write is left unwritten)."""
        kill_group(self.process)
        if self.partial is not None:
            self.partial.unlink(missing_ok=True)
        self.end()

    def _say(self, command: str, expected: str) -> None:
        if self.process.stdin is None or self.process.poll() is not None:
            raise HostFailed("the warm JVM has exited")
        try:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        except OSError as error:
            raise HostFailed(str(error)) from None
        answer = self._answer(ANSWER_DEADLINE_SECONDS)
        if answer != expected:
            raise HostFailed(f"the warm JVM answered {answer!r} to {command.split()[0]}")

    def _answer(self, seconds: float) -> str:
        assert self.process.stdout is not None
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.1)
            if ready:
                line = self.process.stdout.readline()
                if not line:
                    raise HostFailed("the warm JVM has exited")
                return line.strip()
            if self.process.poll() is not None:
                raise HostFailed("the warm JVM has exited")
        raise HostFailed(f"no answer within {seconds:.0f} s")


@dataclass
class Lease:
    """A warm JVM lent to one run: the variables its job process attaches with."""

    environment: dict[str, str]
    clean: bool = False  # set when the run ended by itself: its JVM may serve another


@dataclass
class WarmJvms:
    """The account's idle warm JVMs, by what they were launched with."""

    folder: Path
    idle: dict[str, list[JvmHost]] = field(default_factory=dict)
    lent: list[tuple[object, JvmHost]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: bool = False

    @contextlib.contextmanager
    def lease(
        self, owner: object, python: str, env: dict[str, str], s3_root: Path, log: Path,
        archive: JvmArchive,
    ) -> Iterator[Lease]:  # fmt: skip
        """A JVM for one of owner's runs, whose output goes to log; it is kept for the next run
        only when the caller marks the lease clean."""
        key = launch_key([python], env)
        with self.lock:
            idle = self.idle.get(key)
            host = idle.pop() if idle else None
        if host is None:
            host = JvmHost.start(python, env, s3_root, self.folder, archive)
        with self.lock:
            self.lent.append((owner, host))
        lease = Lease(dict(host.environment))
        try:
            host.lease(log)
            yield lease
        finally:
            with self.lock:
                self.lent = [(o, h) for o, h in self.lent if h is not host]
            kept = lease.clean and not self.closed and host.release()
            if kept:
                with self.lock:
                    self.idle.setdefault(key, []).append(host)
            elif lease.clean:
                host.end()
            else:
                host.kill()

    def end_lent(self, owner: object) -> None:
        """End the JVMs owner's runs hold: its account is going, and its runs with it."""
        with self.lock:
            hosts = [host for lender, host in self.lent if lender is owner]
        for host in hosts:
            host.kill()

    def close(self) -> None:
        """End every JVM, idle or lent."""
        with self.lock:
            self.closed = True
            hosts = [h for hosts in self.idle.values() for h in hosts] + [h for _, h in self.lent]
            self.idle.clear()
        for host in hosts:
            host.end()


_shared: WarmJvms | None = None
_shared_lock = threading.Lock()


def shared_jvms() -> WarmJvms:
    """This process's warm JVMs, for every offline account it runs; ended when it exits."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = WarmJvms(Path(tempfile.mkdtemp(prefix="gluestack-jvms-")))
            atexit.register(_shared.close)
        return _shared


def attached_environment(spark: "SparkSession") -> None:
    """In a job process on a warm JVM: its account's variables reach its Python workers (UDFs,
    RDD functions), which a JVM of its own would have passed on from its environment."""
    if GATEWAY_VARIABLES[0] not in os.environ:
        return
    spark.sparkContext.environment.update(
        {name: os.environ[name] for name in ACCOUNT_VARIABLES if name in os.environ}
    )


def launch_key(
    command: list[str], env: dict[str, str], varying: tuple[str, ...] = ACCOUNT_VARIABLES
) -> str:
    """What a process was launched with: a run is lent one only when all of it but the
    varying variables (by default the account's) is the same."""
    launched = sorted((k, v) for k, v in env.items() if k not in varying)
    text = json.dumps([command, launched])
    return hashlib.sha256(text.encode()).hexdigest()
