"""The demo deploys the synthesized app into moto and follows the trigger chain."""

import re
from pathlib import Path

from rich.console import Console

from gluestack.local.demo import run_demo


def test_demo_runs_crawler_then_job_to_succeeded(project_root: Path) -> None:
    console = Console(record=True, width=200)
    assert run_demo(project_root, "dev", console) == 0
    text = console.export_text()
    assert re.search(r"deployed \d+ resources of 3 stacks into an in-process moto", text)
    crawler = text.index("flights-dev-raw ")
    job = text.index("flights-dev-clean ")
    assert crawler < job
    assert text.count("SUCCEEDED") >= 2
