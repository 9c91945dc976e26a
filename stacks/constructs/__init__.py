"""Reusable constructs: secure buckets, Glue service roles, crawlers."""

from stacks.constructs.crawler import Crawler
from stacks.constructs.glue_role import GlueServiceRole
from stacks.constructs.secure_bucket import SecureBucket

__all__ = ["Crawler", "GlueServiceRole", "SecureBucket"]
