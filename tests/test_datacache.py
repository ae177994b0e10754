"""The start-up cache stays bounded: entries unused for a month go, the least recently
used go past the size cap, a read marks an entry used at most once a day, and files
that are not entries are left alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qa import datacache, datatables

from conftest import ROOT

DAY = 24 * 3600


def _entry(folder: Path, name: str, size: int = 10, age_days: float = 0) -> Path:
    """A file shaped like an entry of another copy of qa, last used ``age_days`` ago."""
    path = folder / name
    path.write_bytes(b"x" * size)
    when = time.time() - age_days * DAY
    os.utime(path, (when, when))
    return path


def _source(tmp_path: Path) -> Path:
    source = tmp_path / "source.yaml"
    source.write_text("one", encoding="utf-8")
    return source


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("QA_DATA_CACHE", str(folder))
    return folder


def test_writing_an_entry_removes_the_ones_unused_for_a_month(tmp_path: Path, cache: Path) -> None:
    old = _entry(cache, "yaml-aaaaaaaaaaaa-00000000000000000000.marshal", age_days=31)
    old_table = _entry(cache, "context-bbbbbbbbbbbb-00000000000000000000.tables", age_days=45)
    recent = _entry(cache, "yaml-cccccccccccc-00000000000000000000.marshal", age_days=29)
    left_temp = _entry(cache, "lexicon-x.tables.123.tmp", age_days=2)
    writing_temp = _entry(cache, "lexicon-y.tables.456.tmp", age_days=0)
    other = _entry(cache, "notes.txt", age_days=400)
    (cache / "languagetool").mkdir()
    server = _entry(cache / "languagetool", "server.jar", age_days=400)

    assert datacache.cached("test", [_source(tmp_path)], lambda: {"a": 1}) == {"a": 1}

    assert not old.exists() and not old_table.exists() and not left_temp.exists()
    assert recent.exists() and writing_temp.exists() and other.exists() and server.exists()
    assert len(list(cache.glob("test-*.marshal"))) == 1


def test_a_read_does_not_prune(tmp_path: Path, cache: Path) -> None:
    source = _source(tmp_path)
    datacache.cached("test", [source], lambda: [1])
    old = _entry(cache, "yaml-aaaaaaaaaaaa-00000000000000000000.marshal", age_days=31)
    assert datacache.cached("test", [source], lambda: [2]) == [1]  # from the cache
    assert old.exists()


def test_writes_prune_at_most_once_a_day(tmp_path: Path, cache: Path) -> None:
    datacache.cached("first", [_source(tmp_path)], lambda: [1])  # prunes, and marks the folder
    old = _entry(cache, "yaml-aaaaaaaaaaaa-00000000000000000000.marshal", age_days=31)
    second = tmp_path / "second.yaml"
    second.write_text("two", encoding="utf-8")
    datacache.cached("second", [second], lambda: [2])
    assert old.exists()  # pruned less than a day ago

    two_days_ago = time.time() - 2 * DAY
    os.utime(cache / ".pruned", (two_days_ago, two_days_ago))
    third = tmp_path / "third.yaml"
    third.write_text("three", encoding="utf-8")
    datacache.cached("third", [third], lambda: [3])
    assert not old.exists()
    assert (cache / ".pruned").stat().st_mtime > time.time() - DAY
    assert len(list(cache.glob("*.marshal"))) == 3


def test_past_the_size_cap_the_least_recently_used_go_first(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datacache, "MAX_SIZE", 2500)
    oldest = _entry(cache, "a-000000000000-00000000000000000000.marshal", size=1000, age_days=5)
    older = _entry(cache, "b-000000000000-00000000000000000000.tables", size=1000, age_days=4)
    newer = _entry(cache, "c-000000000000-00000000000000000000.marshal", size=1000, age_days=1)
    newest = _entry(cache, "d-000000000000-00000000000000000000.marshal", size=500, age_days=0)

    datacache.cached("test", [_source(tmp_path)], lambda: "y" * 400)

    written = next(cache.glob("test-*.marshal"))
    assert not oldest.exists() and not older.exists()
    assert newer.exists() and newest.exists() and written.exists()
    assert sum(p.stat().st_size for p in cache.iterdir()) <= 2500


def test_the_entry_just_written_stays_even_past_the_cap(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datacache, "MAX_SIZE", 100)
    other = _entry(cache, "a-000000000000-00000000000000000000.marshal", size=50)
    source = _source(tmp_path)
    assert datacache.cached("test", [source], lambda: "y" * 1000) == "y" * 1000
    assert not other.exists()
    assert datacache.cached("test", [source], lambda: "rebuilt") == "y" * 1000


def test_a_read_marks_the_entry_used_at_most_once_a_day(tmp_path: Path, cache: Path) -> None:
    source = _source(tmp_path)
    datacache.cached("test", [source], lambda: [1])
    entry = next(cache.glob("test-*.marshal"))

    hour_ago = time.time() - 3600
    os.utime(entry, (hour_ago, hour_ago))
    datacache.cached("test", [source], lambda: [2])
    assert entry.stat().st_mtime == hour_ago  # used today already: no write

    two_days_ago = time.time() - 2 * DAY
    os.utime(entry, (two_days_ago, two_days_ago))
    datacache.cached("test", [source], lambda: [2])
    assert entry.stat().st_mtime > time.time() - DAY


def test_a_table_read_marks_the_file_used(tmp_path: Path, cache: Path) -> None:
    source = _source(tmp_path)
    value = {"words": {f"शब्द{i}": i for i in range(3000)}}
    datatables.lazy("test", [source], lambda: value)
    entry = next(cache.glob("test-*.tables"))
    two_days_ago = time.time() - 2 * DAY
    os.utime(entry, (two_days_ago, two_days_ago))
    assert datatables.lazy("test", [source], lambda: {})["words"]["शब्द7"] == 7  # type: ignore[index]
    assert entry.stat().st_mtime > time.time() - DAY


def test_a_real_run_prunes_what_other_copies_left(tmp_path: Path) -> None:
    """The CLI, on a cache holding a stale copy's tables and a language tool download."""
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = [
        _entry(cache, f"context-{i:012d}-00000000000000000000.tables", size=100_000, age_days=40)
        for i in range(3)
    ]
    (cache / "languagetool").mkdir()
    kept = _entry(cache / "languagetool", "LanguageTool.zip", size=10, age_days=90)
    text = tmp_path / "one.txt"
    text.write_text("यह एक पंक्ति है।\n", encoding="utf-8")
    env = {**os.environ, "QA_DATA_CACHE": str(cache), "NO_COLOR": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "qa.cli", "check", str(text)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert not any(path.exists() for path in stale)
    assert kept.exists()
    assert any(cache.glob("*.marshal"))  # this run's entries


def test_name_groups_follow_an_edited_registry_file(tmp_path: Path, cache: Path) -> None:
    """N001's spelling groups are cached on the registry files: an edit is seen at once."""
    from qa.checks import names_registry

    desk = tmp_path / "people.yaml"

    def groups(variants: str) -> dict[str, tuple[str, int]]:
        desk.write_text(
            f"people:\n  - id: zorawar\n    name: ज़ोरावर सिप्रास\n    variants: [{variants}]\n",
            encoding="utf-8",
        )
        registry = names_registry.Registry(files=(desk,))
        for person in names_registry.read_people(desk):
            registry.people[person.id] = person
        return registry.groups

    first = groups("ज़ोरावर त्सिपरास")
    assert first and all(value == ("zorawar", 1) for value in first.values())
    os.utime(desk, (time.time() - 60, time.time() - 60))  # a different mtime, whatever the clock's grain
    assert set(groups("ज़ोरावार सिप्रास").values()) == {("zorawar", 0)}
    assert any(cache.glob("name-groups-*.marshal"))


STORE_SCRIPT = """
import json, sys
from pathlib import Path
from qa import datacache
store = datacache.Store("limited", [Path(sys.argv[1])], limit=int(sys.argv[2]))
found = {key: store.get(key) for key in sys.argv[3]}
for key in sys.argv[4:]:
    store.add(key, key.upper())
print(json.dumps(found))
"""


@pytest.mark.parametrize(("limit", "kept"), [(2, "ad"), (4, "abcd")])
def test_a_store_past_its_limit_keeps_only_the_values_its_last_process_used(
    tmp_path: Path, cache: Path, limit: int, kept: str
) -> None:
    source = _source(tmp_path)

    def run(read: str, *added: str) -> dict[str, str | None]:
        """What a process that reads the keys ``read`` and adds ``added`` found."""
        command = [sys.executable, "-c", STORE_SCRIPT, str(source), str(limit), read, *added]
        result = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=120, check=True, text=True)
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    assert run("a", "a", "b", "c") == {"a": None}
    assert run("a", "d") == {"a": "A"}  # past the limit of 2, b and c (unused here) go
    assert run("abcd") == {key: key.upper() if key in kept else None for key in "abcd"}


WARM_SCRIPT = """
import atexit, sys
from pathlib import Path
from qa import datacache
store = datacache.Store("warm", [Path(sys.argv[1])])
store.add("a", "A")
atexit._run_exitfuncs()  # as a warm daemon stores its warm-up's values ...
atexit._clear()
store.add("b", "B")  # ... and a child it forks adds its own
"""


def test_values_added_after_a_save_are_saved_too(tmp_path: Path, cache: Path) -> None:
    source = _source(tmp_path)
    subprocess.run([sys.executable, "-c", WARM_SCRIPT, str(source)], cwd=ROOT, timeout=120, check=True)
    read = "from qa import datacache; from pathlib import Path; import sys\n"
    read += "store = datacache.Store('warm', [Path(sys.argv[1])]); print(store.get('a'), store.get('b'))"
    result = subprocess.run(
        [sys.executable, "-c", read, str(source)], capture_output=True, cwd=ROOT, text=True
    )
    assert result.stdout.split() == ["A", "B"]
