"""awsgluedq: Glue Data Quality's ETL transform, evaluated offline by gluestack."""
