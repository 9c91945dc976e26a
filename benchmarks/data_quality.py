"""Measure 9: the flights_clean ruleset grown to 20 rules, evaluated on the full table."""

import tempfile
from pathlib import Path

from pyspark.sql import functions as F

from benchmarks.flights_world import deployed_flights
from benchmarks.measurement import Measurement, median_seconds
from gluestack.local.data_quality.evaluator import evaluate_ruleset
from gluestack.spec.dqdl import parse_ruleset
from gluestack.spec.dqdl.syntax import rules_of

# The spec's four rules, then sixteen more of the kinds users write on such a table.
RULESET = """Rules = [
  RowCount > 1000,
  IsComplete "flight_date",
  ColumnValues "is_late" in [0, 1],
  ColumnValues "distance" > 0,
  ColumnCount >= 30,
  Completeness "tailnum" > 0.9,
  Completeness "temp" > 0.5,
  IsComplete "carrier",
  ColumnValues "hour" between -1 and 24,
  ColumnValues "minute" <= 59,
  ColumnValues "origin" in ["EWR", "JFK", "LGA"],
  ColumnLength "carrier" = 2,
  Mean "distance" between 500 and 1500,
  StandardDeviation "distance" > 0,
  Sum "is_late" > 0,
  DistinctValuesCount "carrier" between 5 and 30,
  Uniqueness "tailnum" < 0.5,
  Entropy "dest" > 1,
  ColumnValues "day_of_week" between 0 and 8 with threshold > 0.99,
  (ColumnValues "month" between 0 and 13) and (ColumnValues "year" = 2013)
]"""


def measure() -> list[Measurement]:
    rules = len(parse_ruleset(RULESET).rules)
    with tempfile.TemporaryDirectory() as scratch, deployed_flights(Path(scratch)) as world:
        world.run_job("clean")
        folder = world.workspace.local_path(
            f"s3://{world.outputs['CuratedBucketName']}/flights_clean/"
        )

        def count() -> int:
            return int(world.spark.read.parquet(str(folder)).count())

        def scan() -> object:
            frame = world.spark.read.parquet(str(folder))
            return frame.agg(*[F.count(F.col(f"`{c}`")) for c in frame.columns]).first()

        def evaluate() -> float:
            return evaluate_ruleset(world.spark.read.parquet(str(folder)), RULESET).score

        rows = count()
        score = evaluate()  # warm-up, and the rules must be what is measured, not errors
        count_seconds = median_seconds(count)
        scan_seconds = median_seconds(scan)
        evaluate_seconds = median_seconds(evaluate)
        checked = sum(len(rules_of(node)) for node in parse_ruleset(RULESET).rules)
    return [
        Measurement(
            9,
            f"data quality: {rules}-rule ruleset on flights_clean ({rows:,} rows)",
            evaluate_seconds,
            "s",
            count_seconds,
            "one Spark pass counting the table's rows",
            1.5,
            "ratio",
            "python -m benchmarks --only data-quality",
            f"{checked} rules evaluated, score {score:.2f}; Spark counts Parquet rows from the "
            f"files' footers, reading no column: against a pass that reads every column "
            f"({scan_seconds:.2f} s) the ruleset takes {evaluate_seconds / scan_seconds:.1f}x "
            "(one pass over the rows, one over the value frequencies of Uniqueness and Entropy)",
        )
    ]
