"""``python -m qa``: the ``qa`` command (through a daemon when one runs)."""

from qa.resident.client import run

if __name__ == "__main__":
    run()
