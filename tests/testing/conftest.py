# aws_pattern/ is a user's suite: test_aws_pytest_pattern.py runs it in a pytest process of its
# own. Collected here too, its plain SparkContext.getOrCreate() would become this worker's Spark,
# without the offline s3:// filesystem, for every test after it.
collect_ignore = ["aws_pattern"]
