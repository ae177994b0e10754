"""Errors that end a run with a one-line message and exit code 2."""


class QAError(Exception):
    """A user-facing failure: bad input, bad config or bad rule data."""


class InputError(QAError):
    """A file or stream that cannot be read as text."""


class ConfigError(QAError):
    """Malformed configuration."""


class RuleDataError(QAError):
    """Malformed rule data in ``rules/`` or a user rule file."""
