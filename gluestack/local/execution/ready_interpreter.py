"""A run's process, started before the run: `python -m gluestack.local.execution.ready_interpreter
MODULE`.

Importing gluestack, boto3 and pyspark is most of a run process's own start. This interpreter is
started ahead of a run with the environment that run's process is started with (only the
account's variables may differ, see ready_interpreters.py), imports MODULE, then waits for one
request on stdin: a JSON line with the run's arguments, environment, working directory and log
file. It then becomes that run's process — its output goes to the log, its environment, argv and
working directory are the run's — calls MODULE.main(*arguments) and exits with its code. It
serves one run, as a fresh process would; end of input without a request ends it unused.
"""

import contextlib
import importlib
import io
import json
import os
import sys
import traceback
from types import ModuleType
from typing import Any


def main(module_name: str) -> int:
    printed = io.StringIO()
    module: ModuleType | None = None
    failure = ""
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        try:
            module = importlib.import_module(module_name)
        except BaseException:  # a fresh process would have failed the same way, in the run
            failure = traceback.format_exc()
    line = sys.stdin.readline()
    if not line:
        return 0
    request: dict[str, Any] = json.loads(line)
    _become(request, module)
    # What the imports printed goes to the run's log, as a fresh process's would.
    sys.stderr.write(printed.getvalue() + failure)
    if module is None:
        return 1
    return int(module.main(*request["arguments"]) or 0)


def _become(request: dict[str, Any], module: ModuleType | None) -> None:
    """Take on the run's output, environment, working directory and argv."""
    log = os.open(request["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    for stream in (1, 2):
        os.dup2(log, stream)
    os.close(log)
    os.environ.clear()
    os.environ.update(request["environment"])
    os.chdir(request["cwd"])
    # `python -m` puts the working directory first on sys.path.
    sys.path[0] = request["cwd"]
    sys.argv = [getattr(module, "__file__", None) or "-m", *request["arguments"]]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
