"""Python source text: quoting and wrapping close to ruff's style, then ruff's formatter itself.

The rendering keeps lines readable; `ruff_formatted` makes the result exactly what `ruff format`
writes, so generated scripts pass the project's format check byte for byte.
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


def wrapped(head: str, items: list[str], tail: str, indent: str = "") -> str:
    """head + items joined by commas + tail, split over lines as ruff would when too long.

    Like ruff: one line if it fits; else the items on one indented line; else one item a line
    with a trailing comma.
    """
    one_line = f"{indent}{head}{', '.join(items)}{tail}"
    if len(one_line) <= LINE_LENGTH and "\n" not in one_line:
        return one_line
    inner = indent + INDENT
    hugged = f"{inner}{', '.join(items)}"
    if items and len(hugged) <= LINE_LENGTH and "\n" not in hugged and len(items) > 0:
        return f"{indent}{head}\n{hugged}\n{indent}{tail}"
    lines = "".join(f"{inner}{item},\n" for item in items)
    return f"{indent}{head}\n{lines}{indent}{tail}"


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
