"""Tables read shard by shard from the start-up cache answer as the dict they were built
from; a changed source rebuilds them, a damaged file is rebuilt, never a traceback."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from qa import datatables

from conftest import ROOT, SEED

WORDS = {f"शब्द{i}": float(i % 7) for i in range(5000)}
VALUE = {"total": 12, "words": WORDS, "small": {"क": 1}, "nested": {"left": {w: {"के": 2} for w in WORDS}}}


def _source(tmp_path: Path, text: str = "one") -> Path:
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    return source


def _lazy(source: Path, value: object = VALUE, calls: list[int] | None = None) -> object:
    def build() -> object:
        if calls is not None:
            calls.append(1)
        return value

    return datatables.lazy("test", [source], build)


def test_a_stored_table_answers_as_the_built_dict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    source, calls = _source(tmp_path), []
    assert _lazy(source, calls=calls) == VALUE
    loaded = _lazy(source, calls=calls)
    assert calls == [1]  # the second value came from the file
    assert isinstance(loaded, dict)
    words = loaded["words"]
    assert isinstance(words, datatables.Table)
    # probes before the whole table is read
    assert words["शब्द12"] == 5.0 and words.get("शब्द13") == 6.0 and "शब्द14" in words
    assert "नहीं" not in words and words.get("नहीं", -1) == -1 and words.get(None) is None
    with pytest.raises(KeyError):
        words["नहीं"]
    assert 0 < sum(words._loaded) < words._shards  # only some shards were read
    assert loaded["nested"]["left"]["शब्द3"] == {"के": 2}
    assert loaded["total"] == 12 and loaded["small"] == {"क": 1}
    # whole-table operations read every shard
    assert len(words) == len(WORDS) and sorted(words) == sorted(WORDS) and dict(words) == WORDS
    assert pickle.loads(pickle.dumps(words)) == WORDS


def test_a_large_value_is_a_table_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The neighbours counted after one word: a probe reads a shard of them, not all."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    followers = {w: i for i, w in enumerate(WORDS)}
    value = {"left": {"के": followers, **{f"शब्द{i}": {"का": i} for i in range(300)}}}
    source = _source(tmp_path)
    _lazy(source, value)
    left = _lazy(source, value)["left"]  # type: ignore[index]
    assert left["शब्द7"] == {"का": 7}
    after = left["के"]
    assert isinstance(after, datatables.Table) and after.get("शब्द42") == 42 and "नहीं" not in after
    assert 0 < sum(after._loaded) < after._shards
    assert dict(after) == followers and left == value["left"]
    assert pickle.loads(pickle.dumps(left)) == value["left"]


def test_a_table_read_whole_answers_as_a_plain_dict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once every shard is in, probes are the dict's own; a method bound before still answers."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    source = _source(tmp_path)
    _lazy(source)
    words = _lazy(source)["words"]  # type: ignore[index]
    get, contains = words.get, words.__contains__  # bound while the table is read shard by shard
    assert type(words) is not datatables.Table and get("शब्द12") == 5.0
    for word in WORDS:  # probes enough shards to read the rest at once
        assert word in words
    assert type(words) is datatables.Table and isinstance(words, dict)
    assert get("शब्द13") == 6.0 and get("नहीं", -1) == -1 and contains("शब्द14") and not contains("नहीं")
    assert words == WORDS and pickle.loads(pickle.dumps(words)) == WORDS
    datatables.load_all()  # a table read whole has nothing left to read


def _handles_on(path: Path) -> int:
    """How many of this process's file descriptors are open on ``path``."""
    folder = Path("/proc/self/fd")
    if not folder.is_dir():
        pytest.skip("no /proc/self/fd here")
    found = 0
    for fd in os.listdir(folder):
        with contextlib.suppress(OSError):  # the listing's own descriptor, closed by now
            found += os.readlink(folder / fd) == str(path)
    return found


def test_tables_read_whole_let_go_of_their_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table read whole keeps nothing to read with and leaves the open tables; once the
    last one of a file is whole, the file is closed; a table dropped leaves no dead entry."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    source = _source(tmp_path)
    _lazy(source)
    (entry,) = (tmp_path / "cache").glob("test-*.tables")
    loaded = _lazy(source)
    words, left = loaded["words"], loaded["nested"]["left"]  # type: ignore[index]
    assert words["शब्द12"] == 5.0 and _handles_on(entry) == 1
    tables = [ref() for ref in datatables._open.values()]
    assert any(t is words for t in tables) and any(t is left for t in tables)
    del tables
    words.load_all()
    assert not hasattr(words, "_read") and not hasattr(words, "_rebuild")
    assert not any(ref() is words for ref in datatables._open.values())
    assert _handles_on(entry) == 1  # left reads
    left.load_all()
    assert _handles_on(entry) == 0 and words == WORDS and left["शब्द3"] == {"के": 2}
    count = len(datatables._open)
    del words, left, loaded
    _lazy(source)  # dropped unread
    assert len(datatables._open) == count and all(ref() is not None for ref in datatables._open.values())


def test_a_table_read_whole_leaves_the_others_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading one table whole reads no other: its reference leaves the open tables by
    identity (a list's ``remove`` compared it with the others, which compared their tables
    and so read each of them whole)."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    value = {"first": dict(WORDS), "second": {f"{w}x": v for w, v in WORDS.items()}}
    source = _source(tmp_path)
    _lazy(source, value)
    loaded = _lazy(source, value)
    first, second = loaded["first"], loaded["second"]  # type: ignore[index]
    assert first["शब्द1"] == 1.0 and second["शब्द2x"] == 2.0
    second.load_all()
    assert type(second) is datatables.Table and type(first) is not datatables.Table
    assert 0 < sum(first._loaded) < first._shards


def test_whole_at_once_reads_a_table_whole_on_its_first_probe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch asks for every table whole on first use; the answers are the same."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    source = _source(tmp_path)
    _lazy(source)
    monkeypatch.setattr(datatables, "_whole_at_once", False)
    datatables.whole_at_once()
    words = _lazy(source)["words"]  # type: ignore[index]
    assert type(words) is not datatables.Table  # nothing read before a probe
    assert words["शब्द12"] == 5.0 and type(words) is datatables.Table and words == WORDS


def test_a_changed_source_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    source = _source(tmp_path)
    _lazy(source)
    source.write_text("two, longer", encoding="utf-8")
    changed = {"total": 1, "words": {w: 9.0 for w in WORDS}}
    assert _lazy(source, changed) == changed
    assert _lazy(source, VALUE) == changed  # stored again, under the new state
    assert len(list((tmp_path / "cache").glob("test-*.tables"))) == 1  # the stale entry is gone


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"garbage",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data + b"\0",
        lambda data: data[:-200] + bytes(b ^ 0xFF for b in data[-200:]),  # a shard's bytes flipped
    ],
)
def test_a_damaged_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    source, calls = _source(tmp_path), []
    _lazy(source, calls=calls)
    (stored,) = (tmp_path / "cache").glob("test-*.tables")
    stored.write_bytes(damage(stored.read_bytes()))
    assert _lazy(source, calls=calls) == VALUE
    assert len(calls) == 2
    assert _lazy(source, calls=calls) == VALUE  # stored anew (or rebuilt again), never an error


def _check(cache: str) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "QA_DATA_CACHE": cache, "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "qa.cli", "check", "--no-cache", "--format", "json", "--date", "2025-01-21"]
    run = subprocess.run([*cmd, str(SEED)], capture_output=True, cwd=ROOT, env=env, timeout=120)
    return run.returncode, run.stdout, run.stderr


def test_the_cli_ignores_a_damaged_start_up_cache(tmp_path: Path) -> None:
    fresh = _check("off")
    assert json.loads(fresh[1])["diagnostics"]
    assert _check(str(tmp_path)) == fresh  # builds the cache
    stored = [p for p in tmp_path.iterdir() if p.suffix in (".tables", ".marshal")]
    assert any(p.suffix == ".tables" for p in stored)
    for path in stored:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3] + b"\xff" * 64)
    assert _check(str(tmp_path)) == fresh
    assert _check(str(tmp_path)) == fresh  # and from the cache stored again


def test_threads_probing_at_once_see_every_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    source = _source(tmp_path)
    _lazy(source)
    words = _lazy(source)["words"]  # type: ignore[index]
    keys = [*WORDS, "नहीं", "शब्द-1"] * 3

    def probe(start: int) -> list[object]:
        order = keys[start:] + keys[:start]
        return [(k in words, words.get(k)) for k in order]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(probe, range(0, len(keys), len(keys) // 8)))
    for start, answer in zip(range(0, len(keys), len(keys) // 8), answers, strict=True):
        order = keys[start:] + keys[:start]
        assert answer == [(k in WORDS, WORDS.get(k)) for k in order]


_WHOLE_SCRIPT = """
import sys
sys.argv = ["qa", "check", "--no-cache", "--select", "P004", *sys.argv[1:]]
from qa.cli import main  # not `python -m qa.cli`, which would end the process at once
try:
    main()
except SystemExit:
    pass
from qa import datatables
sys.stderr.write(f"whole at once: {datatables._whole_at_once}")
"""


def test_a_run_over_a_megabyte_reads_tables_whole(tmp_path: Path) -> None:
    """Most of each table's shards would be read anyway: more than a megabyte of copy to
    lint reads a table whole on its first probe; an article still reads shards."""
    line = "ज़िले में सरकार ने  नई योजना शुरू की।\n"
    (tmp_path / "small.txt").write_text(line, encoding="utf-8")
    (tmp_path / "big").mkdir()
    for number in range(3):
        (tmp_path / "big" / f"{number}.txt").write_text(line * 4000, encoding="utf-8")
    env = {**os.environ, "QA_DATA_CACHE": str(tmp_path / "cache")}
    for target, whole in (("small.txt", False), ("big", True)):
        cmd = [sys.executable, "-c", _WHOLE_SCRIPT, target]
        run = subprocess.run(cmd, capture_output=True, cwd=tmp_path, env=env, text=True)
        assert "P004" in run.stdout and run.stderr.endswith(f"whole at once: {whole}")
