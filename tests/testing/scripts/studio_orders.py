import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

args = getResolvedOptions(sys.argv, ["JOB_NAME", "target"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Script generated for node Amazon S3
AmazonS3_node1 = glueContext.create_dynamic_frame.from_catalog(
    database="sales", table_name="orders", transformation_ctx="AmazonS3_node1"
)

# Script generated for node Change Schema
ChangeSchema_node2 = ApplyMapping.apply(
    frame=AmazonS3_node1,
    mappings=[
        ("order id", "long", "order_id", "long"),
        ("customer", "string", "customer.name", "string"),
        ("amount", "double", "amount", "decimal"),
        ("country", "string", "country", "string"),
    ],
    transformation_ctx="ChangeSchema_node2",
)

# Script generated for node Amazon S3
AmazonS3_node3 = glueContext.getSink(
    path=args["target"],
    connection_type="s3",
    updateBehavior="UPDATE_IN_DATABASE",
    partitionKeys=["country"],
    enableUpdateCatalog=True,
    transformation_ctx="AmazonS3_node3",
)
AmazonS3_node3.setCatalogInfo(catalogDatabase="sales", catalogTableName="orders_clean")
AmazonS3_node3.setFormat("glueparquet", compression="snappy")
AmazonS3_node3.writeFrame(ChangeSchema_node2)
job.commit()
