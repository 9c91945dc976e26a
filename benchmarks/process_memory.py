"""Wall time and peak resident memory of a command and all its descendants (Spark's JVM too)."""

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.2


@dataclass(frozen=True)
class ProcessRun:
    returncode: int
    wall_seconds: float
    peak_rss_bytes: int
    output: str


def run_measured(command: list[str], cwd: Path, timeout_seconds: float) -> ProcessRun:
    """Run command, sampling the summed RSS of its process tree every 0.2 s."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        output, _ = process.communicate(timeout=timeout_seconds)
    finally:
        done.set()
        sampler.join()
        if process.poll() is None:
            process.kill()
    return ProcessRun(process.returncode, time.perf_counter() - started, peak, output)


def tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        # The command name in stat may contain spaces; fields after its closing ')' do not.
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(statm.split()[1]) * PAGE_BYTES
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += rss.get(pid, 0)
        pending += children.get(pid, [])
    return total
