"""Glue's JDBC sources offline, against a real database: a throwaway PostgreSQL, its driver."""
