"""The collector settings of a batch: when a run counts as one, and no collection while a
document is linted; the command's exit without the interpreter's teardown."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
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


#: An object whose finaliser speaks at the teardown, an exit function, then end_now(CODE).
_ENDING = """
import atexit, sys, threading
from qa.runtime import end_now
class Loud:
    def __del__(self):
        print("teardown")
kept = Loud()
atexit.register(lambda: print("exit function"))
print("report", end="")
if sys.argv[1] == "thread":
    threading.Thread(target=threading.Event().wait, args=(0.2,)).start()
end_now(int(sys.argv[2]) if sys.argv[2].isdigit() else sys.argv[2])
print("returned")
"""


def _ending(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _ENDING, *args], capture_output=True, text=True, timeout=60)


def test_end_now_runs_the_exit_functions_and_skips_the_teardown() -> None:
    for code in ("0", "3"):
        done = _ending("alone", code)
        assert (done.returncode, done.stdout) == (int(code), "reportexit function\n")


def test_end_now_leaves_the_exit_to_python_when_another_thread_runs_or_for_a_message() -> None:
    done = _ending("thread", "3")
    assert done.returncode == 0 and done.stdout.splitlines() == [
        "reportreturned",
        "exit function",
        "teardown",
    ]
    done = _ending("alone", "a message")
    assert done.returncode == 0 and done.stdout.splitlines() == [
        "reportreturned",
        "exit function",
        "teardown",
    ]


def test_the_command_ends_with_its_status_its_whole_report_and_its_exit_functions(tmp_path: Path) -> None:
    """``python -m qa.cli`` ends at once: the same status and report as in-process, and the
    start-up cache that exit functions write is written."""
    story = tmp_path / "story.txt"
    story.write_text("राष्ट्रपति ने कहा कि बातचीत जारी रहेगी ।\n" * 400, encoding="utf-8")
    env = {**os.environ, "QA_DATA_CACHE": str(tmp_path / "cache"), "NO_COLOR": "1"}
    check = ["check", "--no-cache", "--format", "json", str(story)]
    ended = subprocess.run(
        [sys.executable, "-m", "qa.cli", *check], capture_output=True, env=env, timeout=120
    )
    in_process = "import sys; from qa.cli import main; sys.argv[0] = 'qa'; main()"
    usual = subprocess.run(
        [sys.executable, "-c", in_process, *check], capture_output=True, env=env, timeout=120
    )
    assert ended.returncode == usual.returncode == 1
    assert ended.stdout == usual.stdout and b'"P002"' in ended.stdout
    assert any(p.name.startswith("dataclasses-") for p in (tmp_path / "cache").iterdir())
