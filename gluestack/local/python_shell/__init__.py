"""Python shell jobs offline: a Python 3.9 process with Glue's library set, reaching the account."""
