from awsglue.transforms import ApplyMapping, Filter


def run(glue_context, source, target):
    glue_context.purge_s3_path(target, {"retentionPeriod": 0})
    orders = glue_context.create_dynamic_frame.from_options(
        connection_type="s3", connection_options={"paths": [source]}, format="json"
    )
    named = Filter.apply(frame=orders, f=lambda record: record["name"] is not None)
    mapped = ApplyMapping.apply(
        frame=named,
        mappings=[("id", "int", "order_id", "long"), ("name", "string", "name", "string")],
    )
    glue_context.write_dynamic_frame.from_options(
        frame=mapped, connection_type="s3", connection_options={"path": target}, format="parquet"
    )
