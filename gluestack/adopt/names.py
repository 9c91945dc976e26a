"""AWS names made spec keys: ResourceName for pipelines, jobs, crawlers, triggers,
connections and rulesets, CatalogName for the database; the same AWS name always gets the same
key."""

import re
from dataclasses import dataclass, field

RESOURCE_MAX = 40  # gluestack.spec.names.ResourceName
CATALOG_MAX = 63  # gluestack.spec.names.CatalogName


def resource_key(name: str) -> str:
    """A ResourceName for an AWS name: lower case, other characters '-', starting with a letter."""
    key = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")
    return _starting_with_letter(key, "r")[:RESOURCE_MAX].rstrip("-_") or "r"


def catalog_key(name: str) -> str:
    """A CatalogName for an AWS name: lower case, other characters '_', starting with a letter."""
    key = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_")
    return _starting_with_letter(key, "t")[:CATALOG_MAX].rstrip("_") or "t"


def _starting_with_letter(key: str, letter: str) -> str:
    return key if key[:1].isalpha() else f"{letter}{key}"


@dataclass
class KeyMap:
    """Keys of one kind (jobs, crawlers, ...): unique, stable per AWS name.

    A collision (two AWS names sanitized alike) gets -2, -3, ... within the length limit.
    """

    kind: str
    keys: dict[str, str] = field(default_factory=dict)

    def key(self, aws_name: str) -> str:
        if aws_name not in self.keys:
            base = resource_key(aws_name)
            taken = set(self.keys.values())
            key, number = base, 1
            while key in taken:
                number += 1
                suffix = f"-{number}"
                key = base[: RESOURCE_MAX - len(suffix)] + suffix
            self.keys[aws_name] = key
        return self.keys[aws_name]

    def reserve(self, aws_names: list[str]) -> None:
        """Give names that are valid keys already themselves, before any sanitized name can
        take them (the order of conversion then changes no key)."""
        for name in aws_names:
            if resource_key(name) == name and name not in self.keys.values():
                self.keys.setdefault(name, name)

    def renamed(self) -> dict[str, str]:
        """The AWS names whose key differs from them."""
        return {aws: key for aws, key in self.keys.items() if aws != key}


@dataclass
class SpecKeys:
    """The key maps of one import: job keys are unique across all its pipelines (their script
    files share glue_scripts/imported/), as are the others."""

    pipelines: KeyMap = field(default_factory=lambda: KeyMap("pipeline"))
    jobs: KeyMap = field(default_factory=lambda: KeyMap("job"))
    crawlers: KeyMap = field(default_factory=lambda: KeyMap("crawler"))
    triggers: KeyMap = field(default_factory=lambda: KeyMap("trigger"))
    connections: KeyMap = field(default_factory=lambda: KeyMap("connection"))
    rulesets: KeyMap = field(default_factory=lambda: KeyMap("ruleset"))

    def of_kind(self, kind: str) -> KeyMap:
        maps = {
            "job": self.jobs,
            "crawler": self.crawlers,
            "trigger": self.triggers,
            "connection": self.connections,
            "pipeline": self.pipelines,
            "ruleset": self.rulesets,
        }
        return maps[kind]
