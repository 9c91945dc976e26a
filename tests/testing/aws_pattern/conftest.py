# A user's conftest in the style AWS documents for unit testing Glue jobs with pytest: a plain
# SparkContext and a GlueContext with partition options, no gluestack import anywhere.
import pytest
from awsglue.context import GlueContext
from pyspark.context import SparkContext


@pytest.fixture(scope="session")
def glue_context():
    spark_context = SparkContext.getOrCreate()
    return GlueContext(spark_context, minPartitions=2, targetPartitions=2)
