"""The offline world: cdk.out deployed into moto, and (later) Glue execution on local Spark."""
