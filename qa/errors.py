"""Errors that end a run with a one-line message and exit code 2."""


class QAError(Exception):
    """A user-facing failure: bad input, bad config or bad rule data."""


class InputError(QAError):
    """A file or stream that cannot be read as text."""


class ConfigError(QAError):
    """Malformed configuration."""


class RuleDataError(QAError):
    """Malformed rule data in ``rules/`` or a user rule file."""


def internal_error(exc: BaseException) -> str:
    """The one line a user sees for an error qa did not foresee (``QA_DEBUG=1`` shows more)."""
    return f"qa: internal error: {type(exc).__name__}: {exc} (set QA_DEBUG=1 for details)"
