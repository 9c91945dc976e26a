#!/usr/bin/env python3
"""CDK entry point: every spec in pipelines/, for the environment given by `-c env=NAME`."""

from pathlib import Path

from gluestack.cdk import synth_project
from stacks.project import customize

if __name__ == "__main__":
    synth_project(Path(__file__).resolve().parent, customize)
