import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsgluedq.transforms import EvaluateDataQuality

args = getResolvedOptions(sys.argv, ["JOB_NAME", "source", "target", "row_outcomes"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Script generated for node Amazon S3
AmazonS3_node1 = glueContext.create_dynamic_frame.from_options(
    format_options={"quoteChar": '"', "withHeader": True, "separator": ","},
    connection_type="s3",
    format="csv",
    connection_options={"paths": [args["source"]], "recurse": True},
    transformation_ctx="AmazonS3_node1",
)

# Script generated for node Evaluate Data Quality
EvaluateDataQuality_node2_ruleset = """
    # Example rules: Completeness "colA" between 0.4 and 0.8, ColumnCount > 10
    Rules = [
        RowCount > 0,
        ColumnCount = 3,
        IsComplete "customer",
        ColumnValues "zip" between 0 and 100000
    ]
"""

EvaluateDataQuality_node2 = EvaluateDataQuality().process_rows(
    frame=AmazonS3_node1,
    ruleset=EvaluateDataQuality_node2_ruleset,
    publishing_options={
        "dataQualityEvaluationContext": "EvaluateDataQuality_node2",
        "enableDataQualityCloudWatchMetrics": False,
        "enableDataQualityResultsPublishing": True,
    },
    additional_options={"observations.scope": "ALL", "performanceTuning.caching": "CACHE_NOTHING"},
)

assert (
    EvaluateDataQuality_node2[EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY]
    .filter(lambda x: x["Outcome"] == "Failed")
    .count()
    == 0
), "The job failed due to failing DQ rules for node: AmazonS3_node1"

# Script generated for node rowLevelOutcomes
rowLevelOutcomes_node3 = SelectFromCollection.apply(
    dfc=EvaluateDataQuality_node2,
    key="rowLevelOutcomes",
    transformation_ctx="rowLevelOutcomes_node3",
)

# Script generated for node originalData
originalData_node4 = SelectFromCollection.apply(
    dfc=EvaluateDataQuality_node2, key="originalData", transformation_ctx="originalData_node4"
)

# Script generated for node Amazon S3
AmazonS3_node5 = glueContext.write_dynamic_frame.from_options(
    frame=originalData_node4,
    connection_type="s3",
    format="glueparquet",
    connection_options={"path": args["target"], "partitionKeys": []},
    format_options={"compression": "snappy"},
    transformation_ctx="AmazonS3_node5",
)

# Script generated for node row outcomes
AmazonS3_node6 = glueContext.write_dynamic_frame.from_options(
    frame=rowLevelOutcomes_node3,
    connection_type="s3",
    format="json",
    connection_options={"path": args["row_outcomes"], "partitionKeys": []},
    transformation_ctx="AmazonS3_node6",
)

job.commit()
