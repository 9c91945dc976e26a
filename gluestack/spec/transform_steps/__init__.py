"""A transform's steps, one module per kind, run in the order of registry.STEPS.

Each kind checks itself against the columns so far (checks), writes its lines of the generated
Glue script, and has a plain PySpark and a DuckDB form that the benchmarks compare against.
"""
