"""gluestack upgrade-check: a pipeline offline on another Glue version."""
