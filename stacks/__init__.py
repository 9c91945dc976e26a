"""CDK stacks and constructs: what gluestack deploys."""
