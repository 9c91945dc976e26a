"""Running one job or crawl: local Spark, the script runner, the job and crawl processes."""
