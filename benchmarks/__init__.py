"""`make bench`: gluestack's figures as ratios against baselines measured in the same run."""
