"""The offline Glue service: moto's Glue run APIs made to execute what is deployed.

StartJobRun runs the job's deployed script in a process of its own on local Spark, with Glue's
run states, timeouts, retries, stops and logs; the state is kept in moto's Glue backend, so
every client (boto3, the CLI, gluestack.ops) reads it through the ordinary API.
"""

from gluestack.local.service.executing import JobExecutor, executing_glue

__all__ = ["JobExecutor", "executing_glue"]
