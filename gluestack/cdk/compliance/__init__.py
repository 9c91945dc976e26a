"""Linter gates: cdk-nag on the app, and every acknowledgment or skip with its reason."""
