"""One module per AWS service; each function creates one CloudFormation resource type."""
