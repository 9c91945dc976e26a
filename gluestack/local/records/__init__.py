"""The workspace on disk and the run records kept in moto: what the offline account remembers."""
