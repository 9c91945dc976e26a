"""Warm JVMs that an offline account's job processes attach to, one run at a time.

A job process of its own still runs each attempt (its Python, its SparkContext, its result),
but starting a JVM and loading Spark's classes is most of a small run's time. The account keeps
the JVM of a run that ended by itself and lends it to the next run launched with exactly the
same Python, environment and workspace — what a fresh JVM would have been started with,
so a run cannot tell the difference. A JVM whose run was stopped, timed out or left it in an
unknown state is ended, never lent again.
"""

import contextlib
import hashlib
import json
import os
import select
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gluestack.local.execution.jvm_archive import JvmArchive, with_java_options
from gluestack.local.execution.jvm_host import IDLE, LEASED, READY

HOST_MODULE = "gluestack.local.execution.jvm_host"
# A JVM starts in seconds; the first start after an install also writes its class archive.
START_DEADLINE_SECONDS = 120.0
ANSWER_DEADLINE_SECONDS = 30.0
GATEWAY_VARIABLES = ("PYSPARK_GATEWAY_PORT", "PYSPARK_GATEWAY_SECRET")


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
            end = time.monotonic() + ANSWER_DEADLINE_SECONDS
            while _group_alive(self.process.pid) and time.monotonic() < end:
                time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(ANSWER_DEADLINE_SECONDS)
        self.archive.written(self.partial)

    def kill(self) -> None:
        """End it now: its run was stopped, and the JVM may still be running its tasks (a
        class archive it was to write is left unwritten)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(ANSWER_DEADLINE_SECONDS)
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
    lent: list[JvmHost] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: bool = False

    @contextlib.contextmanager
    def lease(
        self, python: str, env: dict[str, str], s3_root: Path, log: Path, archive: JvmArchive
    ) -> Iterator[Lease]:
        """A JVM for one run whose output goes to log; it is kept for the next run only when
        the caller marks the lease clean."""
        key = _key(python, env, s3_root)
        with self.lock:
            host = self.idle.get(key, []).pop() if self.idle.get(key) else None
        if host is None:
            host = JvmHost.start(python, env, s3_root, self.folder, archive)
        with self.lock:
            self.lent.append(host)
        lease = Lease(dict(host.environment))
        try:
            host.lease(log)
            yield lease
        finally:
            with self.lock:
                self.lent.remove(host)
            kept = lease.clean and not self.closed and host.release()
            if kept:
                with self.lock:
                    self.idle.setdefault(key, []).append(host)
            elif lease.clean:
                host.end()
            else:
                host.kill()

    def close(self) -> None:
        """End every JVM, idle or lent (a lent one's run is being ended with the account)."""
        with self.lock:
            self.closed = True
            hosts = [host for hosts in self.idle.values() for host in hosts] + self.lent
            self.idle.clear()
        for host in hosts:
            host.end()


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _key(python: str, env: dict[str, str], s3_root: Path) -> str:
    """What a JVM was launched with: a run is lent one only when all of it is the same."""
    text = json.dumps([python, sorted(env.items()), str(s3_root)])
    return hashlib.sha256(text.encode()).hexdigest()
