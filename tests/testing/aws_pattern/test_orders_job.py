from unittest.mock import patch

from awsglue import DynamicFrame
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrameReader, DynamicFrameWriter

import orders_job


def test_orders_without_a_name_are_dropped(glue_context):
    spark = glue_context.spark_session
    rows = spark.createDataFrame([(1, "Ann"), (2, None), (3, "Cy")], "id int, name string")
    source = DynamicFrame.fromDF(rows, glue_context, "orders")
    with (
        patch.object(DynamicFrameReader, "from_options", return_value=source) as read,
        patch.object(DynamicFrameWriter, "from_options") as write,
        patch.object(GlueContext, "purge_s3_path") as purge,
    ):
        orders_job.run(glue_context, "s3://raw/orders/", "s3://out/orders/")
    purge.assert_called_once_with("s3://out/orders/", {"retentionPeriod": 0})
    assert read.call_args.kwargs["connection_options"] == {"paths": ["s3://raw/orders/"]}
    written = write.call_args.kwargs["frame"].toDF()
    assert written.schema.simpleString() == "struct<order_id:bigint,name:string>"
    assert sorted(tuple(r) for r in written.collect()) == [(1, "Ann"), (3, "Cy")]
