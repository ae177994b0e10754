"""The result cache: skip files whose content and settings have not changed.

An entry is keyed by a hash of the file's text, its name's suffix (which picks the
reader), the codes ``per-file-ignores`` turns off for it, the qa version, every
resolved setting (the selection among them), qa's code (the compiled core's build
too), the rule data files and every file a setting names (name, size and mtime), the
``QA_`` environment variables (a LanguageTool server's URL decides whether E001 asks
one) and the article date: everything the selected rules and their findings follow
from, so a hit needs no rule. It stores the diagnostics as JSON (never pickle: a cache
folder may come from someone else's checkout). Unreadable or stale entries are misses;
writes are atomic.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa import __version__
from qa.config import Config, stamps
from qa.diagnostic import Diagnostic, Edit, Fix, Severity

if TYPE_CHECKING:
    from hashlib import _Hash


def _sha256_maker() -> Callable[[bytes], _Hash]:
    """SHA-256 from CPython's own module: hashlib loads OpenSSL's library first (about 4 ms
    of a run); the same digest either way."""
    for name in ("_sha2", "_sha256"):  # Python 3.12 on, 3.11
        try:
            maker: Callable[[bytes], _Hash] = import_module(name).sha256
            return maker
        except (ImportError, AttributeError):
            continue
    from hashlib import sha256

    return sha256


sha256 = _sha256_maker()

FOLDER = ".qa_cache"
_FORMAT = 1
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# qa result cache; safe to delete.\n"


def location(config: Config) -> Path:
    """``$QA_CACHE_DIR``, else ``.qa_cache`` beside the config file, else in the cwd."""
    if os.environ.get("QA_CACHE_DIR"):
        return Path(os.environ["QA_CACHE_DIR"])
    return (config.path.parent if config.path else Path.cwd()) / FOLDER


def _data_files(config: Config) -> list[tuple[str, int, int]]:
    """(path, size and mtime) of qa's code and data (:func:`source_files`) and of every file
    the settings name (rule files, house word lists, name registries)."""
    return [*source_files(), *stamps(config.setting_files())]


#: :func:`source_files` as a daemon found them just before it handed this process (its
#: child) a run (:func:`known_sources`); None: they are looked up.
_known: list[tuple[str, int, int]] | None = None


def known_sources(files: list[tuple[str, int, int]]) -> None:
    """Take ``files`` for :func:`source_files` in this process: a daemon's child, whose
    daemon has just compared them with the disk (the same list, looked up again, would
    cost a cached check a scan of qa's folders)."""
    global _known
    _known = files


def source_files() -> list[tuple[str, int, int]]:
    """(path, size and mtime) of qa's code (a checkout's edits count too, and the compiled
    core's build) and its rule data: what every answer of qa depends on."""
    if _known is not None:
        return _known
    from qa.data import data_dir, rules_dir

    code = [*_tree(Path(__file__).parent, ".py"), *stamps(_core_file())]
    return [*code, *_tree(rules_dir(), ""), *_tree(data_dir(), "")]


def _core_file() -> list[str]:
    """The compiled core's extension file, when the core is in use (a rebuild counts too)."""
    from qa.text import native

    extension = getattr(native.core, "qa_core", native.core)  # the package's compiled module
    name = getattr(extension, "__file__", None)
    return [name] if isinstance(name, str) else []


def _tree(root: Path, suffix: str) -> list[tuple[str, int, int]]:
    """Every file under ``root`` whose name ends with ``suffix``, sorted, with one
    ``scandir`` per folder (cheaper at start-up than ``Path.rglob`` and a ``stat`` per file)."""
    found, folders = [], [str(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.name.endswith(suffix) and entry.is_file():
                    stat = entry.stat()
                    found.append((entry.path, stat.st_size, stat.st_mtime_ns))
    return sorted(found)


class Cache:
    """Diagnostics by content hash, for one run's settings."""

    def __init__(self, folder: Path, config: Config, extra: Iterable[object] = ()) -> None:
        self.folder = folder
        date = config.date or dt.date.today()
        settings = json.dumps(config.values, sort_keys=True, default=str)
        files = _data_files(config)
        environment = sorted((k, v) for k, v in os.environ.items() if k.startswith("QA_"))
        basis = json.dumps([_FORMAT, __version__, settings, files, environment, str(date), *map(str, extra)])
        self._settings = sha256(basis.encode("utf-8")).digest()
        self._config = config

    def key(self, name: str, text: str, *, bom: bool) -> str:
        digest = sha256(self._settings)
        ignored = ",".join(self._config.ignores_for(name))  # per-file-ignores: the name matters
        digest.update(f"{Path(name).suffix.lower()}\0{int(bom)}\0{ignored}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        try:
            records = json.loads(self._path(key).read_bytes())
            return [_diagnostic(r) for r in records]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        """Store an entry; a cache that cannot be written is silently skipped."""
        path = self._path(key)
        data = json.dumps([_record(d) for d in diagnostics], ensure_ascii=False).encode("utf-8")
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                (self.folder / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
                (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            path.parent.mkdir(exist_ok=True)
        except OSError:
            return
        temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(data)
            os.replace(temp, path)
        except OSError:
            pass  # skipped, as promised
        finally:
            temp.unlink(missing_ok=True)  # on every way out, a signal's too


def _record(d: Diagnostic) -> dict[str, Any]:
    fix = (
        None
        if d.fix is None
        else [d.fix.applicability, [[e.start, e.end, e.replacement] for e in d.fix.edits]]
    )
    return {
        "c": d.code,
        "n": d.name,
        "s": int(d.severity),
        "m": d.message,
        "a": d.start,
        "b": d.end,
        "g": list(d.suggestions),
        "f": fix,
        "p": d.field,
    }


def _diagnostic(r: dict[str, Any]) -> Diagnostic:
    fix = None
    if r["f"] is not None:
        applicability, edits = r["f"]
        fix = Fix(tuple(Edit(int(s), int(e), str(t)) for s, e, t in edits), applicability)
    return Diagnostic(
        r["c"], r["n"], Severity(r["s"]), r["m"], int(r["a"]), int(r["b"]), tuple(r["g"]), fix, r["p"]
    )
