"""The offline Glue service: moto's Glue run APIs made to execute what is deployed.

StartJobRun runs the job's deployed script in a process of its own on local Spark, with Glue's
run states, timeouts, retries, stops and logs; the state is kept in moto's Glue backend, so
every client (boto3, the CLI, gluestack.ops) reads it through the ordinary API.
"""

from typing import Any

__all__ = ["executing_glue"]


def __getattr__(name: str) -> Any:
    # Lazily: job and crawl processes import this package's modules and need none of the
    # service side (moto's server), which costs a second of start-up in every process.
    if name == "executing_glue":
        from gluestack.local.service.executing import executing_glue

        return executing_glue
    raise AttributeError(name)
