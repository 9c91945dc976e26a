"""Python source text: literals as ruff writes them, and ruff's formatter for the layout.

Rendering writes each statement on one line; `ruff_formatted` then makes the text exactly what
`ruff format` writes, so generated scripts pass the project's format check byte for byte.
"""

import json
import subprocess
import sys

LINE_LENGTH = 100
INDENT = "    "


def quote(text: str) -> str:
    """A string literal as ruff writes it: double quotes unless that needs more escapes."""
    if '"' in text and "'" not in text and "\\" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def literal(value: object) -> str:
    """A Python literal for str, bool, int, float or None."""
    return quote(value) if isinstance(value, str) else repr(value)


def joined(head: str, items: list[str], tail: str) -> str:
    """head, the items separated by commas, tail: one line that ruff_formatted wraps as needed."""
    return f"{head}{', '.join(items)}{tail}"


def str_list(values: list[str]) -> str:
    return f"[{', '.join(quote(v) for v in values)}]"


class FormatError(RuntimeError):
    """ruff could not format generated text: a bug in the generator, with ruff's message."""


def ruff_formatted(text: str) -> str:
    """text as `ruff format` writes it, independent of any project's ruff configuration."""
    command = [sys.executable, "-m", "ruff", "format", "--isolated", "--line-length"]
    command += [str(LINE_LENGTH), "--target-version", "py311", "--stdin-filename", "script.py", "-"]
    formatted = subprocess.run(command, input=text, capture_output=True, text=True, timeout=60)
    if formatted.returncode != 0:
        raise FormatError(f"ruff format failed: {formatted.stderr.strip()}")
    return formatted.stdout
