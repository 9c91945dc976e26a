"""pip, run for a runtime's interpreter, with what to tell a person when it fails."""

import subprocess
from pathlib import Path

PIP_DEADLINE_SECONDS = 900


def pip_install(python: Path, arguments: list[str]) -> str | None:
    """`python -m pip install ARGUMENTS`; None when it worked, else pip's first error line."""
    try:
        result = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             *arguments],
            capture_output=True, text=True, check=False, timeout=PIP_DEADLINE_SECONDS,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"pip did not finish within {PIP_DEADLINE_SECONDS} s"
    if result.returncode == 0:
        return None
    lines = [line.strip() for line in result.stderr.splitlines()]
    # A compiler's "fatal error: sql.h: No such file" says more than pip's own summary.
    errors = [line for line in lines if "fatal error" in line.lower()]
    errors += [line for line in lines if line.lower().startswith("error")]
    return (errors or ["pip failed"])[0][:300]
