"""`python -m gluestack.cli`."""

from gluestack.cli import app

app()
