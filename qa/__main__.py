"""``python -m qa``: the ``qa`` command (through a daemon when one runs)."""

from qa.resident.client import run

run()
