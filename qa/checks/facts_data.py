"""The dated fact base (``data/facts/*.yaml``): offices, their holders, and anniversary dates.

An office file lists the office's Hindi nouns (राष्ट्रपति), the places that own it (अमेरिका),
and its holders in order, one entry per numbered tenure, each with the ordinal(s) it may carry,
its terms and a source (its own or the office's). ``anniversaries.yaml`` holds national days,
birth/death dates and founding dates. Loading checks the schema and raises
:class:`~qa.errors.RuleDataError` naming the file; :func:`problems` also checks consistency
(terms that overlap, ordinals out of order) for ``qa facts check``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa import datacache
from qa.data import data_dir, read_yaml
from qa.errors import RuleDataError

if TYPE_CHECKING:
    from qa.config import Config

ANNIVERSARIES = "anniversaries.yaml"
_OFFICE_KEYS = {
    "id",
    "title",
    "nouns",
    "places",
    "complete",
    "numbering",
    "source",
    "holders",
    "require_place",
    "body",
}
_HOLDER_KEYS = {"id", "name", "aliases", "ordinal", "also", "acting", "gender", "terms", "source"}


@dataclass(frozen=True, slots=True)
class Tenure:
    """One numbered tenure of an office (a holder appears once per number they carry)."""

    holder: str
    name: str
    aliases: tuple[str, ...]
    ordinal: int | None
    also: tuple[int, ...]
    acting: bool
    gender: str | None
    terms: tuple[tuple[dt.date, dt.date | None], ...]
    source: str

    @property
    def start(self) -> dt.date:
        return self.terms[0][0]

    def holds_on(self, day: dt.date) -> bool:
        return any(start <= day and (end is None or day < end) for start, end in self.terms)


@dataclass(frozen=True, slots=True)
class Office:
    """An office of the fact base: its nouns, places and holders' tenures."""

    id: str
    title: str
    nouns: tuple[str, ...]
    places: tuple[str, ...]
    complete: bool
    require_place: bool
    body: bool
    source: str
    path: str
    tenures: tuple[Tenure, ...]

    def ordinals_of(self, holder: str) -> tuple[int, ...]:
        """Every ordinal a holder may carry in this office, ascending."""
        values = {n for t in self.tenures if t.holder == holder for n in (t.ordinal, *t.also) if n}
        return tuple(sorted(values))

    def tenure_on(self, day: dt.date) -> Tenure | None:
        """The numbered tenure running on ``day`` (acting holders are skipped)."""
        return next((t for t in self.tenures if t.ordinal and t.holds_on(day)), None)

    def sources_of(self, holder: str) -> str:
        return "; ".join(dict.fromkeys(t.source for t in self.tenures if t.holder == holder))


@dataclass(frozen=True, slots=True)
class Dated:
    """A day, person or event an anniversary count is computed from."""

    id: str
    names: tuple[str, ...]
    short: tuple[str, ...]
    date: dt.date | None  # the 1st national day, or the event's date
    born: dt.date | None
    died: dt.date | None
    source: str


@dataclass(frozen=True, slots=True)
class FactBase:
    """The fact base: the offices with their tenures, and the dated days, people and events."""

    offices: tuple[Office, ...]
    days: tuple[Dated, ...]
    people: tuple[Dated, ...]
    events: tuple[Dated, ...]


def fact_files(extra: Iterable[str] = ()) -> list[Path]:
    """The built-in fact files, then extra files or folders (e.g. a desk's own offices)."""
    paths = sorted((data_dir() / "facts").glob("*.yaml"))
    for item in extra:
        path = Path(item)
        paths += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return paths


@cache
def load(extra: tuple[str, ...] = ()) -> FactBase:
    """The fact base, parsed and schema-checked once per set of files, then read whole from
    the start-up cache while they are unchanged."""
    paths = fact_files(extra)
    return _restored(datacache.cached("facts", [*paths, Path(__file__)], lambda: _stored(_parse(paths))))


def _stored(value: Any) -> Any:
    """The fact base as marshal stores it: each dataclass a tuple of its fields, dates ordinals."""
    if isinstance(value, dt.date):
        return value.toordinal()
    if isinstance(value, tuple):
        return tuple(map(_stored, value))
    if is_dataclass(value):
        return tuple(_stored(getattr(value, f.name)) for f in fields(value))
    return value


def _restored(stored: Any) -> FactBase:
    """:func:`_stored` undone."""

    def day(ordinal: int | None) -> dt.date | None:
        return None if ordinal is None else dt.date.fromordinal(ordinal)

    def tenure(value: Any) -> Tenure:
        holder, name, aliases, ordinal, also, acting, gender, terms, source = value
        spans = tuple((dt.date.fromordinal(start), day(end)) for start, end in terms)
        return Tenure(holder, name, aliases, ordinal, also, acting, gender, spans, source)

    def office(value: Any) -> Office:
        key, title, nouns, places, complete, require_place, body, source, path, tenures = value
        held = tuple(map(tenure, tenures))
        return Office(key, title, nouns, places, complete, require_place, body, source, path, held)

    def dated(value: Any) -> Dated:
        key, names, short, date, born, died, source = value
        return Dated(key, names, short, day(date), day(born), day(died), source)

    offices, days, people, events = stored
    return FactBase(
        tuple(map(office, offices)),
        tuple(map(dated, days)),
        tuple(map(dated, people)),
        tuple(map(dated, events)),
    )


def _parse(paths: list[Path]) -> FactBase:
    offices: list[Office] = []
    dated: dict[str, list[Dated]] = {"days": [], "people": [], "events": []}
    for path in paths:
        data = _read(path)
        if path.name == ANNIVERSARIES or "people" in data or "days" in data:
            for key, items in _anniversaries(path, data).items():
                dated[key] += items
        else:
            offices.append(_office(path, data))
    return FactBase(tuple(offices), tuple(dated["days"]), tuple(dated["people"]), tuple(dated["events"]))


def problems(extra: Iterable[str] = ()) -> list[str]:
    """Every schema and consistency problem in the fact files, one line each."""
    found: list[str] = []
    ids: dict[str, Path] = {}
    for path in fact_files(extra):
        try:
            data = _read(path)
            if path.name == ANNIVERSARIES or "people" in data or "days" in data:
                _anniversaries(path, data)
                continue
            office = _office(path, data)
        except RuleDataError as exc:
            found.append(str(exc))
            continue
        if office.id in ids:
            found.append(f"{path}: office id {office.id!r} is already defined in {ids[office.id].name}")
        ids[office.id] = path
        found += consistency(office)
    return found


def consistency(office: Office) -> list[str]:
    """Terms that overlap and ordinals that do not count up one by one."""
    where = f"{office.path}: {office.id}"
    found: list[str] = []
    terms = sorted((start, end or dt.date.max, t.name) for t in office.tenures for start, end in t.terms)
    for (s1, e1, n1), (s2, _, n2) in itertools.pairwise(terms):
        if s2 < e1:
            found.append(f"{where}: terms of {n1} ({s1}) and {n2} ({s2}) overlap")
    numbered = [t for t in office.tenures if t.ordinal is not None]
    if [t.start for t in numbered] != sorted(t.start for t in numbered):
        found.append(f"{where}: holders are not listed in the order they took office")
    first = numbered[0].ordinal if numbered else None
    expected = 1 if office.complete or first is None else first
    for tenure in numbered:
        if tenure.ordinal != expected:
            found.append(f"{where}: {tenure.name} has ordinal {tenure.ordinal}, expected {expected}")
            break
        expected += 1
    open_ended = [t.name for t in office.tenures if any(end is None for _, end in t.terms)]
    if len(open_ended) > 1:
        found.append(f"{where}: more than one current holder: {', '.join(open_ended)}")
    return found


def _read(path: Path) -> dict[str, Any]:
    data = read_yaml(path, "fact file")
    if not isinstance(data, dict):
        raise RuleDataError(f"{path}: expected a mapping")
    return data


def _office(path: Path, data: Mapping[str, Any]) -> Office:
    where = f"{path}"
    unknown = set(data) - _OFFICE_KEYS
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    for key in ("id", "title", "source"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RuleDataError(f"{where}: '{key}' is required")
    where = f"{path}: {data['id']}"
    holders = data.get("holders")
    if not isinstance(holders, list) or not holders:
        raise RuleDataError(f"{where}: 'holders' must be a non-empty list")
    tenures = tuple(_tenure(f"{where}: holder #{i + 1}", h, data["source"]) for i, h in enumerate(holders))
    return Office(
        id=data["id"],
        title=data["title"],
        nouns=_words(data.get("nouns"), f"{where}: nouns", required=True),
        places=_words(data.get("places"), f"{where}: places"),
        complete=bool(data.get("complete", False)),
        require_place=bool(data.get("require_place", False)),
        body=bool(data.get("body", False)),
        source=data["source"],
        path=path.name,
        tenures=tenures,
    )


def _tenure(where: str, entry: Any, default_source: str) -> Tenure:
    if not isinstance(entry, dict):
        raise RuleDataError(f"{where}: expected a mapping")
    unknown = set(entry) - _HOLDER_KEYS
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    for key in ("id", "name"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise RuleDataError(f"{where}: '{key}' is required")
    where = f"{where} ({entry['name']})"
    acting = bool(entry.get("acting", False))
    ordinal = entry.get("ordinal")
    if acting == (ordinal is not None):
        raise RuleDataError(f"{where}: give an 'ordinal', or mark the tenure 'acting: true' (not both)")
    also = entry.get("also") or []
    if not all(_positive(n) for n in [*also, *([ordinal] if ordinal is not None else [])]):
        raise RuleDataError(f"{where}: ordinals must be positive integers")
    gender = entry.get("gender")
    if gender not in (None, "m", "f"):
        raise RuleDataError(f"{where}: gender must be m or f")
    return Tenure(
        holder=entry["id"],
        name=entry["name"],
        aliases=_words(entry.get("aliases"), f"{where}: aliases"),
        ordinal=ordinal,
        also=tuple(also),
        acting=acting,
        gender=gender,
        terms=_terms(entry.get("terms"), where),
        source=str(entry.get("source") or default_source),
    )


def _positive(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _terms(value: Any, where: str) -> tuple[tuple[dt.date, dt.date | None], ...]:
    if not isinstance(value, list) or not value:
        raise RuleDataError(f"{where}: 'terms' must be a list of [from, to] dates")
    terms = []
    for term in value:
        if not (isinstance(term, list) and len(term) == 2):
            raise RuleDataError(f"{where}: a term must be [from, to] (to: null while in office)")
        start, end = _date(term[0], where), (None if term[1] is None else _date(term[1], where))
        if end is not None and end < start:
            raise RuleDataError(f"{where}: a term ends ({end}) before it starts ({start})")
        terms.append((start, end))
    return tuple(terms)


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleDataError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def _words(value: Any, where: str, *, required: bool = False) -> tuple[str, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise RuleDataError(f"{where}: expected a non-empty list of words")
    for word in value:
        if not unicodedata.is_normalized("NFC", word):
            raise RuleDataError(f"{where}: {word!r} is not NFC")
    if len(set(value)) != len(value):
        raise RuleDataError(f"{where}: a word is listed twice")
    return tuple(value)


def _anniversaries(path: Path, data: Mapping[str, Any]) -> dict[str, list[Dated]]:
    if not isinstance(data.get("source"), str):
        raise RuleDataError(f"{path}: 'source' is required")
    result: dict[str, list[Dated]] = {}
    for key, dates in (("days", ("date",)), ("people", ("born",)), ("events", ("date",))):
        items = data.get(key) or []
        if not isinstance(items, list):
            raise RuleDataError(f"{path}: '{key}' must be a list")
        result[key] = [
            _dated(f"{path}: {key} #{i + 1}", item, dates, data["source"]) for i, item in enumerate(items)
        ]
    return result


def _dated(where: str, entry: Any, required: tuple[str, ...], source: str) -> Dated:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise RuleDataError(f"{where}: expected a mapping with an 'id'")
    unknown = set(entry) - {"id", "names", "short", "date", "born", "died", "source"}
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    where = f"{where} ({entry['id']})"
    for key in required:
        if entry.get(key) is None:
            raise RuleDataError(f"{where}: '{key}' is required")
    dates = {
        k: _date(entry[k], where) if entry.get(k) is not None else None for k in ("date", "born", "died")
    }
    if dates["born"] and dates["died"] and dates["died"] < dates["born"]:
        raise RuleDataError(f"{where}: died before being born")
    return Dated(
        id=entry["id"],
        names=_words(entry.get("names"), f"{where}: names", required=True),
        short=_words(entry.get("short"), f"{where}: short"),
        date=dates["date"],
        born=dates["born"],
        died=dates["died"],
        source=str(entry.get("source") or source),
    )


def extra_paths(config: Config) -> tuple[str, ...]:
    """Desk fact files from ``[tool.qa.facts] paths``, relative to the config file."""
    paths = config.section("facts").get("paths", [])
    return tuple(config.resolve_path(str(p)) for p in paths) if isinstance(paths, list) else ()


def review(config: Config, paths: Iterable[str] = ()) -> tuple[list[str], str]:
    """The problems of the built-in fact files, the desk's and ``paths``, and a summary line."""
    extra = (*extra_paths(config), *paths)
    found, files = problems(extra), fact_files(extra)
    if found:
        return found, f"{len(found)} problem(s) in {len(files)} fact file(s)"
    base = load(tuple(extra))
    holders = sum(len(o.tenures) for o in base.offices)
    dated = len(base.people) + len(base.events) + len(base.days)
    return (
        [],
        f"ok: {len(files)} fact files, {len(base.offices)} offices, {holders} tenures, {dated} dated entries",
    )
