"""A warm JVM for job processes: `python -m gluestack.local.execution.jvm_host S3_ROOT`.

It launches Spark's JVM gateway with the settings a job process's own session over S3_ROOT
would launch with (spark.session_settings, computed in the job's own runtime), prints
`ready PORT SECRET`, and waits for commands on stdin:
`lease LOG` sends the JVM's output to the file LOG (the run's log) and answers `leased`;
`release` stops the SparkContext the run left active, if any, and answers `idle`; end of input
ends this process and so the JVM (Spark's gateway exits when its stdin closes).

A job process attaches through PYSPARK_GATEWAY_PORT and PYSPARK_GATEWAY_SECRET, which pyspark's
launch_gateway honours; each run still gets a SparkContext of its own, the way a fresh JVM
would have given it, but the JVM's start and its first class loading are paid once.
"""

import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

# How the host says it is ready; parsed by warm_jvms.py.
READY = "ready"
LEASED = "leased"
IDLE = "idle"


class OutputRoute:
    """Copies the JVM's output to the log of the run holding the JVM, else to stderr."""

    def __init__(self) -> None:
        self._target: IO[bytes] | None = None
        self._lock = threading.Lock()

    def to(self, log: Path | None) -> None:
        with self._lock:
            if self._target is not None:
                self._target.close()
            self._target = log.open("ab") if log else None

    def copy(self, source: IO[bytes]) -> None:
        for line in iter(source.readline, b""):
            with self._lock:
                target = self._target or sys.stderr.buffer
                target.write(line)
                target.flush()


def _stop_active_context(jvm: Any) -> None:
    """A Glue script ends without stopping its context; the next run needs a new one."""
    context = getattr(getattr(jvm.org.apache.spark, "SparkContext$"), "MODULE$").getActive()
    if context.isDefined():
        context.get().stop()


def main(s3_root: str) -> int:
    from pyspark import SparkConf
    from pyspark.java_gateway import launch_gateway

    from gluestack.local.execution.spark import session_settings

    settings = session_settings(Path(s3_root))
    conf = SparkConf(loadDefaults=False).setAll(list(settings.items()))
    gateway = launch_gateway(
        conf, popen_kwargs={"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT}
    )
    route = OutputRoute()
    threading.Thread(target=route.copy, args=(gateway.proc.stdout,), daemon=True).start()
    parameters = gateway.gateway_parameters
    print(READY, parameters.port, parameters.auth_token, flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "lease":
            route.to(Path(argument))
            print(LEASED, flush=True)
        elif command == "release":
            route.to(None)
            try:
                _stop_active_context(gateway.jvm)
            except Exception as error:  # the JVM cannot be trusted with another run
                print(f"broken {error}".replace("\n", " "), flush=True)
                return 1
            print(IDLE, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
