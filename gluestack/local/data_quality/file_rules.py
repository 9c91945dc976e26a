"""File rules: FileFreshness, FileSize, FileUniqueness and FileMatch, on the files of an S3 path
or, without one, the files the evaluated frame was read from.

As AWS's DQDL reference describes them (dqdl-rule-types-FileFreshness.html, -FileSize.html,
-FileUniqueness.html, -FileMatch.html): a rule's compliance is the share of files meeting its
condition and passes at 1 unless `with threshold` says otherwise (FileFreshness, FileSize);
FileUniqueness compares the share of distinct files with its condition; FileMatch wants every
file's checksum (MD5, SHA-1 or SHA-256, the default) in its list. The tags `recentFiles` (the N
most recent files) and `uriRegex` (files whose path matches) narrow the files.

Offline, s3:// paths are the workspace's files (the session's gluestack.s3.root); a file's last
modification is its LastModified. Where AWS documents nothing, a rule is not evaluated rather
than guessed: a size unit whose decimal and binary readings (1000 or 1024) give different
results, both tags at once (their order is configurable in Glue, its default undocumented),
FileMatch between two folders (how files are paired is not documented), and other tags. Times
of day ("9:30 AM") and dates are read in UTC.
"""

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path
from urllib.parse import unquote, urlparse

from gluestack.local.data_quality.conditions import metric_holds
from gluestack.local.data_quality.rule_kind import (
    Dataset,
    Lookup,
    OwnPass,
    Verdict,
    compared,
    unmet,
)
from gluestack.local.data_quality.values import NotEmulated, resolve
from gluestack.local.execution.spark import S3_ROOT_KEY
from gluestack.spec.dqdl.syntax import Condition, Number, Rule, Size, Text, Value

FILE_TAGS = ("recentFiles", "uriRegex")
_TAG_VALUES = {"recentFiles": Number, "uriRegex": Text, "hashAlgorithm": Text}
HASH_ALGORITHMS = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256"}
_TIME_OF_DAY = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*([AaPp][Mm])\s*$")


@dataclass(frozen=True)
class ScannedFile:
    uri: str
    path: Path
    modified: float  # epoch seconds
    size: int

    def digest(self, algorithm: str = "sha256") -> str:
        with self.path.open("rb") as opened:
            return hashlib.file_digest(opened, algorithm).hexdigest()


def tag_refusal(rule: Rule) -> str | None:
    """Why the rule's tags cannot be honoured offline, or None."""
    names = [name for name, _ in rule.tags]
    allowed = (*FILE_TAGS, "hashAlgorithm") if rule.type == "FileMatch" else FILE_TAGS
    if rule.type not in KINDS:
        return f"{rule.type} takes no tag ({', '.join(names)})" if names else None
    unknown = [name for name in names if name not in allowed]
    if unknown:
        return f"the tag(s) {', '.join(unknown)} (offline: {', '.join(allowed)})"
    wrong = [name for name, value in rule.tags if not isinstance(value, _TAG_VALUES[name])]
    if wrong:
        return f"the tag(s) {', '.join(wrong)} with a value of the wrong kind"
    if {"recentFiles", "uriRegex"} <= set(names):
        return "recentFiles with uriRegex (Glue's filterOrder decides which applies first)"
    return None


def scanned_files(rule: Rule, data: Dataset) -> list[ScannedFile]:
    """The files a file rule looks at: its path's, else the frame's own, narrowed by its tags."""
    spark = data.frame.sparkSession
    root = spark.sparkContext._jsc.hadoopConfiguration().get(S3_ROOT_KEY)
    if rule.parameters:
        files = _under(rule.parameters[0], root)
    else:
        files = [f for uri in data.frame.inputFiles() for f in _under(uri, root)]
    tags = dict(rule.tags)
    if isinstance(pattern := tags.get("uriRegex"), Text):
        files = [f for f in files if re.search(pattern.value, f.uri)]
    if isinstance(recent := tags.get("recentFiles"), Number):
        files = sorted(files, key=lambda f: f.modified, reverse=True)[: int(recent.value)]
    return files


def _under(uri: str, s3_root: str | None) -> list[ScannedFile]:
    """The file at uri, or every file below the folder at uri (skipping _ and . files, as the
    offline store keeps Spark's _SUCCESS and checksum files beside the data)."""
    parsed = urlparse(uri)
    if parsed.scheme in ("s3", "s3a", "s3n"):
        if not s3_root:
            raise NotEmulated(f"{uri}: this Spark session maps no s3:// root")
        local = Path(s3_root) / parsed.netloc / unquote(parsed.path).lstrip("/")
        base = f"s3://{parsed.netloc}/"
        relative_to: Path | None = Path(s3_root) / parsed.netloc
    else:
        local, base, relative_to = Path(unquote(parsed.path) if parsed.scheme else uri), "", None
    if local.is_file():
        paths = [local]
    else:
        paths = sorted(
            Path(folder) / name
            for folder, _, names in os.walk(local)
            for name in names
            if not name.startswith(("_", "."))
        )
    return [
        ScannedFile(
            base + str(p.relative_to(relative_to)) if relative_to else p.resolve().as_uri(),
            p,
            p.stat().st_mtime,
            p.stat().st_size,
        )
        for p in paths
    ]


def _compliance(
    name: str, rule: Rule, data: Dataset, meets: list[bool], metrics: dict[str, float]
) -> Verdict:
    share = sum(meets) / len(meets)
    metrics = {f"Dataset.*.{name}.Compliance": share, **metrics}
    wanted = rule.threshold
    passed = metric_holds(wanted, share, data.now) if wanted is not None else all(meets)
    return Verdict("PASS", "", metrics) if passed else Verdict("FAIL", unmet(share), metrics)


def _no_files(rule: Rule) -> Verdict:
    where = f"at {rule.parameters[0]}" if rule.parameters else "read into the evaluated frame"
    return Verdict("ERROR", f"No files found {where}", {"Dataset.*.FileCount": 0.0})


def _in_epoch_seconds(condition: Condition, data: Dataset) -> Condition:
    """FileFreshness's condition with its dates and times as epoch seconds."""
    values = tuple(Number(_moment(v, data)) for v in condition.values)
    if condition.operator == "between":  # AWS writes `between now() and (now() - 45 minutes)`
        values = tuple(sorted(values, key=lambda v: v.value))
    return Condition(condition.operator, values, condition.negated)


def _moment(value: Value, data: Dataset) -> float:
    if isinstance(value, Text):
        return _parsed_moment(value.value, data.now).timestamp()
    resolved = resolve(value, data.now)
    if isinstance(resolved, datetime):
        return (resolved if resolved.tzinfo else resolved.replace(tzinfo=UTC)).timestamp()
    raise NotEmulated(f"FileFreshness compared with {resolved!r}: write a date or now()")


def _parsed_moment(text: str, now: datetime) -> datetime:
    clock = _TIME_OF_DAY.match(text)
    if clock:
        hour = int(clock[1]) % 12 + (12 if clock[3].lower() == "pm" else 0)
        return datetime.combine(now.astimezone(UTC).date(), time(hour, int(clock[2])), UTC)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise NotEmulated(f"the time {text!r} (offline: dates, date-times, or 9:30 AM)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class _FileRule(OwnPass):
    """A rule judged on its files: ERROR when there are none, else judged()."""

    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        assert rule.condition is not None
        self.refuse(rule, rule.condition)
        files = scanned_files(rule, data)
        if not files:
            return _no_files(rule)
        return self.judged(rule, rule.condition, data, files)

    def refuse(self, rule: Rule, condition: Condition) -> None:
        """Raise NotEmulated, before any file is read, for a form not evaluated offline."""

    def judged(
        self, rule: Rule, condition: Condition, data: Dataset, files: list[ScannedFile]
    ) -> Verdict:
        raise NotImplementedError


class FileFreshness(_FileRule):
    def judged(
        self, rule: Rule, condition: Condition, data: Dataset, files: list[ScannedFile]
    ) -> Verdict:
        wanted = _in_epoch_seconds(condition, data)
        meets = [metric_holds(wanted, f.modified, data.now) for f in files]
        counted = {"Dataset.*.FileCount": float(len(files))}
        return _compliance("FileFreshness", rule, data, meets, counted)


_SIZE_POWERS = {"B": 0, "KB": 1, "MB": 2, "GB": 3, "TB": 4}


def _bytes(value: Value, base: int) -> float:
    if not isinstance(value, Size):
        raise NotEmulated(f"FileSize compared with {value!r}: give a unit (B, KB, MB, GB, TB)")
    return value.amount * base ** _SIZE_POWERS[value.unit]


class FileSize(_FileRule):
    def judged(
        self, rule: Rule, condition: Condition, data: Dataset, files: list[ScannedFile]
    ) -> Verdict:
        readings = []
        for base in (1000, 1024):
            values = tuple(Number(_bytes(v, base)) for v in condition.values)
            wanted = Condition(condition.operator, values, condition.negated)
            readings.append([metric_holds(wanted, float(f.size), data.now) for f in files])
        if readings[0] != readings[1]:
            raise NotEmulated(
                "FileSize: these files meet the condition with 1 KB = 1000 B but not with 1024 B "
                "(or the other way round), and AWS documents neither"
            )
        sizes = [float(f.size) for f in files]
        counted = {
            "Dataset.*.FileCount": float(len(files)),
            "Dataset.*.MaximumFileSize": max(sizes),
            "Dataset.*.MinimumFileSize": min(sizes),
        }
        return _compliance("FileSize", rule, data, readings[0], counted)


class FileUniqueness(_FileRule):
    def judged(
        self, rule: Rule, condition: Condition, data: Dataset, files: list[ScannedFile]
    ) -> Verdict:
        ratio = len({f.digest() for f in files}) / len(files)
        metrics: dict[str, float | None] = {
            "Dataset.*.FileUniquenessRatio": ratio,
            "Dataset.*.FileCount": float(len(files)),
        }
        return compared(metrics, "Dataset.*.FileUniquenessRatio", condition, data.now)


class FileMatch(_FileRule):
    def judge(self, rule: Rule, data: Dataset, metric: Lookup) -> Verdict:
        if len(rule.parameters) == 2 or rule.condition is None:
            raise NotEmulated("FileMatch between two paths (AWS documents no pairing of files)")
        return super().judge(rule, data, metric)

    def refuse(self, rule: Rule, condition: Condition) -> None:
        if condition.operator != "in":
            raise NotEmulated("FileMatch with a condition other than `in [checksums]`")
        if _algorithm(rule) not in HASH_ALGORITHMS:
            raise NotEmulated(f"hashAlgorithm {_algorithm(rule)!r} (AWS lists MD5, SHA-1, SHA-256)")

    def judged(
        self, rule: Rule, condition: Condition, data: Dataset, files: list[ScannedFile]
    ) -> Verdict:
        checksums = {str(resolve(v, data.now)).lower() for v in condition.values}
        algorithm = HASH_ALGORITHMS[_algorithm(rule)]
        matched = [(f.digest(algorithm) in checksums) != condition.negated for f in files]
        metrics = {"Dataset.*.FileCount": float(len(files))}
        if all(matched):
            return Verdict("PASS", "", metrics)
        unmatched = [f.uri for f, ok in zip(files, matched, strict=True) if not ok]
        return Verdict("FAIL", f"Checksums do not match for {', '.join(unmatched)}", metrics)


def _algorithm(rule: Rule) -> str:
    """FileMatch's hashAlgorithm tag (a string, tag_refusal checked), SHA-256 by default."""
    named = dict(rule.tags).get("hashAlgorithm", Text("SHA-256"))
    return str(named.value)


KINDS = {
    "FileFreshness": FileFreshness(),
    "FileSize": FileSize(),
    "FileUniqueness": FileUniqueness(),
    "FileMatch": FileMatch(),
}
