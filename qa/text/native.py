"""The compiled core (the optional ``qa_core`` extension in ``core/``), or None.

``make`` builds it when cargo is on the PATH; without it, with ``QA_PURE=1`` in the
environment, or when the installed extension was built from another version of
``core/``, qa runs on its Python code, which stays the reference: the extension returns
exactly what the Python functions of :mod:`qa.text.tokenize` return.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

#: ``core/Cargo.toml``'s version, raised with every change to what the extension returns.
VERSION = "0.9.0"


def load(name: str = "qa_core") -> ModuleType | None:
    """The extension module, unless it is missing, of another version, or ``QA_PURE`` is set."""
    if os.environ.get("QA_PURE", "") not in ("", "0"):
        return None
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return module if getattr(module, "__version__", None) == VERSION else None


core = load()
