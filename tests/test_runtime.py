"""The collector settings of a batch: when a run counts as one, and no collection while a
document is linted."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from qa.runtime import LARGE_FILE, is_batch, uncollected


def test_a_batch_is_several_files_or_one_large_file(tmp_path: Path) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("राष्ट्रपति ने कहा।\n", encoding="utf-8")
    large.write_bytes(b"x" * (LARGE_FILE + 1))
    assert not is_batch([])
    assert not is_batch([str(small)])
    assert is_batch([str(large)])
    assert is_batch([str(small), str(small)])
    assert not is_batch([str(tmp_path / "missing.txt")])  # the read reports it


def test_no_collection_while_a_document_is_linted_and_the_collector_back_after() -> None:
    assert gc.isenabled()
    with uncollected():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), uncollected():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with uncollected():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
