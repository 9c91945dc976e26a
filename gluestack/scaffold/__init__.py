"""`gluestack init`: a new project laid out as this repository is, on gluestack's public API."""

from gluestack.scaffold.project import InitError, init_project

__all__ = ["InitError", "init_project"]
