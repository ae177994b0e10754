"""The compiled core (the optional ``qa_core`` extension in ``core/``), or None.

``make`` builds it when cargo is on the PATH; without it, or with ``QA_PURE=1`` in the
environment, qa runs on its Python code, which stays the reference: the extension returns
exactly what the Python functions of :mod:`qa.text.tokenize` return.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType


def load(name: str = "qa_core") -> ModuleType | None:
    """The extension module, unless it is missing or ``QA_PURE`` is set."""
    if os.environ.get("QA_PURE", "") not in ("", "0"):
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


core = load()
