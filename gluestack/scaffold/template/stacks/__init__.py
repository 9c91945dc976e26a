"""This project's own CDK code, on top of the stacks gluestack builds from pipelines/."""
