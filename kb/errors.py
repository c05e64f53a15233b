"""Errors the CLI reports as `file:line: what is wrong — how to fix` with exit code 1."""


class ConfigError(Exception):
    """Bad input in sources/ or data/."""
