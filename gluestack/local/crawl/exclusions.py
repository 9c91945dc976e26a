"""Glue crawler exclusion patterns: globs matched against a file's path under its target.

As in Glue: `*` matches within one folder, `**` across folders, `?` one character,
`[abc]` a set, and `{a,b}` either pattern.
"""

import re
from collections.abc import Sequence
from functools import cache


def excluded(relative_path: str, patterns: Sequence[str]) -> bool:
    """True when relative_path (e.g. "year=2013/a.csv") matches any exclusion pattern."""
    return any(_regex(pattern).fullmatch(relative_path) for pattern in patterns)


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "{":
            end = pattern.index("}", index)
            choices = pattern[index + 1 : end].split(",")
            parts.append("(?:" + "|".join(map(re.escape, choices)) + ")")
            index = end
        elif char == "[":
            end = pattern.index("]", index)
            parts.append(pattern[index : end + 1])
            index = end
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts))
