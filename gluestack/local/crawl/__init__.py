"""Crawler emulation: infer tables from files the way Glue's built-in classifiers do."""

from gluestack.local.crawl.crawler import NO_FILES_UNDER, CrawlSummary, emulate_crawl

__all__ = ["NO_FILES_UNDER", "CrawlSummary", "emulate_crawl"]
