"""Glue scripts generated from a job's transform: rendering, and the files on disk."""
