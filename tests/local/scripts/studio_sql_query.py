import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext


def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Script generated for node Orders
Orders_node1 = DynamicFrame.fromDF(
    spark.createDataFrame([(1, 5.0)], "id int, total double"), glueContext, "Orders_node1"
)
# Script generated for node SQL Query
SqlQuery0 = "select id, total * 2 as doubled from myDataSource"
SQLQuery_node2 = sparkSqlQuery(
    glueContext,
    query=SqlQuery0,
    mapping={"myDataSource": Orders_node1},
    transformation_ctx="SQLQuery_node2",
)
print("doubled", SQLQuery_node2.toDF().first().doubled)
job.commit()
