"""A hand-written job in the style of AWS's join-and-relationalize example (legislators)."""

import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import DropFields, Filter, Join
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext


def has_valid_weight(record):
    # A record without "weight" raises KeyError: Glue drops it. 1 / 0 raises ZeroDivisionError:
    # Glue keeps the record out of the data as an error record.
    return 100 / record["weight"] > 1


args = getResolvedOptions(sys.argv, ["JOB_NAME", "min-year"])
glue_context = GlueContext(SparkContext.getOrCreate())
job = Job(glue_context)
job.init(args["JOB_NAME"], args)

persons = glue_context.create_dynamic_frame.from_catalog(database="house", table_name="persons")
memberships = glue_context.create_dynamic_frame.from_catalog(
    database="house", table_name="memberships"
)
joined = Join.apply(persons, memberships, "id", "person_id")
recent = Filter.apply(frame=joined, f=lambda r: r["year"] >= int(args["min_year"]))
weighed = Filter.apply(frame=recent, f=has_valid_weight)
print(f"error records: {weighed.errorsCount()}")
report = DropFields.apply(frame=weighed, paths="person_id")
glue_context.write_dynamic_frame.from_catalog(frame=report, database="house", table_name="report")
run_id = args["JOB_RUN_ID"]
spark = glue_context.spark_session
glue_context.write_dynamic_frame.from_options(
    frame=DynamicFrame.fromDF(spark.createDataFrame([(run_id,)], "run string"), glue_context, "r"),
    connection_type="s3",
    connection_options={"path": "s3://out/runs/"},
    format="json",
)
job.commit()
