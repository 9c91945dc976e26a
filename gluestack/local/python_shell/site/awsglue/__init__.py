"""awsglue in a Python shell job: its utils only; a shell job has no Spark (nor GlueContext)."""
