"""The name registry (``data/names/people.yaml``) and the word lists beside it.

A person has a canonical full form, accepted variant forms and forbidden forms; Chinese
and Korean names carry ``surname_first``. Houses add or override people by ``id`` with
``[tool.qa.names] files = [...]`` (same format). Words are compared by matching key
(:func:`qa.text.normalize.key`), so ट्रंप and ट्रम्प are one token to the registry.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import astuple, dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from qa import datacache, lexicon
from qa.config import stamps
from qa.data import data_dir, read_yaml
from qa.errors import ConfigError, RuleDataError
from qa.lexicon import read_word_list, zipf
from qa.text import normalize
from qa.text.normalize import key
from qa.text.tokenize import words

#: A token group shared by several spellings is only trusted when its words are rare:
#: मोहम्मद/मुहम्मद are too common to say which person a lone token means.
DISTINCTIVE_ZIPF = 3.5

Tokens = tuple[str, ...]


def tokens_of(form: str) -> Tokens:
    return tuple(words(unicodedata.normalize("NFC", form))[0])


@dataclass(frozen=True)
class Person:
    """A registry entry: the canonical name, its accepted variants and its forbidden forms."""

    id: str
    role: str
    name: Tokens
    variants: tuple[Tokens, ...] = ()
    forbidden: tuple[Tokens, ...] = ()
    surname_first: bool = False

    @property
    def forms(self) -> tuple[Tokens, ...]:
        return (self.name, *self.variants)

    @property
    def surname(self) -> str:
        return self.name[0]

    @property
    def given_names(self) -> set[tuple[str, ...]]:
        """Keys of the given-name part of every accepted form (जिनपिंग, जोंग उन)."""
        return {tuple(map(key, form[1:])) for form in self.forms if len(form) > 1}

    @property
    def surnames(self) -> set[str]:
        return {key(form[0]) for form in self.forms}


@dataclass
class Registry:
    """The name registry: the people read from the registry files, by id."""

    #: The registry files read: :attr:`groups` is cached on them (and the lexicon).
    files: tuple[Path, ...]
    people: dict[str, Person] = field(default_factory=dict)

    @cached_property
    def token_people(self) -> dict[str, set[str]]:
        """Key of every accepted token -> the ids of the people it names."""
        return self._index[0]

    @cached_property
    def _index(self) -> tuple[dict[str, set[str]], dict[Tokens, tuple[str, Tokens]]]:
        """:attr:`token_people` and :attr:`forbidden` (people by id), from the start-up
        cache: working them out makes the matching key of every registry spelling (some
        340) and looks up the frequency of the forbidden ones, at every run."""
        code = [Path(__file__), Path(normalize.__file__), Path(lexicon.__file__)]
        return datacache.cached("name-index", [*self.files, *lexicon.sources(), *code], self._build_index)

    def _build_index(self) -> tuple[dict[str, set[str]], dict[Tokens, tuple[str, Tokens]]]:
        tokens: dict[str, set[str]] = {}
        for person in self.people.values():
            for form in person.forms:
                for token in form:
                    tokens.setdefault(key(token), set()).add(person.id)
        forbidden: dict[Tokens, tuple[str, Tokens]] = {}
        for person in self.people.values():
            for form in person.forbidden:
                forbidden[tuple(map(key, form))] = (person.id, person.name)
                if len(form) != len(person.name) or form[-1] == person.name[-1]:
                    continue
                last = key(form[-1])
                if last not in tokens and zipf(form[-1]) < DISTINCTIVE_ZIPF:
                    forbidden.setdefault((last,), (person.id, person.name[-1:]))
        return tokens, forbidden

    @cached_property
    def groups(self) -> dict[str, tuple[str, int]]:
        """Key -> (person id, position) for spellings of one name part that differ by more
        than a matching key (बाइडन/बाइडेन); only distinctive (rare) words. From the
        start-up cache: working it out looks up every spelling's frequency."""
        code = [Path(__file__), Path(normalize.__file__)]
        return datacache.cached("name-groups", [*self.files, *lexicon.sources(), *code], self._groups)

    def _groups(self) -> dict[str, tuple[str, int]]:
        groups: dict[str, tuple[str, int]] = {}
        for person in self.people.values():
            for position in range(len(person.name)):
                spellings = {form[position] for form in person.forms if len(form) == len(person.name)}
                keys = {key(s) for s in spellings}
                if len(keys) > 1 and all(zipf(s) < DISTINCTIVE_ZIPF for s in spellings):
                    for k in keys:
                        groups.setdefault(k, (person.id, position))
        return groups

    @cached_property
    def given_first(self) -> list[tuple[Person, Tokens, set[str]]]:
        """(person, given-name keys, surname keys) of every surname-first person (वांग यी,
        शी जिनपिंग), for each of the person's given names."""
        return [
            (person, given, person.surnames)
            for person in self.people.values()
            if person.surname_first
            for given in person.given_names
        ]

    @cached_property
    def forbidden(self) -> dict[Tokens, tuple[Person, Tokens]]:
        """Forbidden token sequences (by key) -> (person, the canonical tokens to use).

        A wrong name part alone (बिडेन) is forbidden too when it is the person's last
        name part, names nobody else in the registry and is not a common word."""
        return {tokens: (self.people[who], name) for tokens, (who, name) in self._index[1].items()}


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleDataError(f"{where}: expected a list of names")
    for v in value:
        if not unicodedata.is_normalized("NFC", v):
            raise RuleDataError(f"{where}: {v!r} is not NFC")
    return value


def _person(entry: Any, where: str) -> Person:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise RuleDataError(f"{where}: each person needs an 'id'")
    where = f"{where} ({entry['id']})"
    unknown = set(entry) - {"id", "role", "name", "variants", "forbidden", "surname_first"}
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    names = _strings(entry.get("name"), where)
    if len(names) != 1:
        raise RuleDataError(f"{where}: 'name' must be one canonical form")
    name = tokens_of(names[0])
    if not name:
        raise RuleDataError(f"{where}: 'name' has no words")
    variants = tuple(tokens_of(v) for v in _strings(entry.get("variants"), where))
    forbidden = tuple(tokens_of(v) for v in _strings(entry.get("forbidden"), where))
    accepted = {tuple(map(key, form)) for form in (name, *variants)}
    for form in forbidden:
        if tuple(map(key, form)) in accepted:
            raise RuleDataError(f"{where}: forbidden {' '.join(form)!r} is an accepted spelling")
    return Person(
        id=entry["id"],
        role=str(entry.get("role", "")),
        name=name,
        variants=variants,
        forbidden=forbidden,
        surname_first=bool(entry.get("surname_first", False)),
    )


def read_people(path: Path) -> list[Person]:
    """The people of a registry file, checked once, then read from the start-up cache."""
    rows = datacache.cached("people", [path, Path(__file__)], lambda: [astuple(p) for p in _checked(path)])
    return [Person(*row) for row in rows]


def _checked(path: Path) -> list[Person]:
    data = read_yaml(path, "name registry")
    if not isinstance(data, dict) or not isinstance(data.get("people"), list):
        raise RuleDataError(f"{path}: expected a mapping with a 'people' list")
    people = [_person(entry, f"{path}: person #{i + 1}") for i, entry in enumerate(data["people"])]
    ids = [p.id for p in people]
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate is not None:
        raise RuleDataError(f"{path}: person {duplicate!r} is listed twice")
    return people


@lru_cache(maxsize=16)
def _registry(files: tuple[tuple[str, int, int], ...]) -> Registry:
    """Keyed on each file's size and mtime too: a long-running server sees an edited registry."""
    registry = Registry(files=(data_dir() / "names" / "people.yaml", *(Path(name) for name, *_ in files)))
    for path in registry.files:
        for person in read_people(path):
            registry.people[person.id] = person
    return registry


def registry(section: Mapping[str, Any] | None = None, resolve: Any = None) -> Registry:
    """The built-in registry extended by ``[tool.qa.names] files`` (later ids override)."""
    files = (section or {}).get("files", [])
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise ConfigError("[tool.qa.names] files must be a list of paths")
    return _registry(stamps(resolve(f) if resolve else f for f in files))


def _word_keys(name: str) -> frozenset[str]:
    return frozenset(key(w) for w in read_word_list(data_dir() / "names" / name))


@cache
def titles() -> frozenset[str]:
    """Keys of titles and roles that stand next to names (``titles.txt``)."""
    return _word_keys("titles.txt")


@cache
def classifiers() -> frozenset[str]:
    """Keys of nouns that say what the name before them names (``classifiers.txt``)."""
    return _word_keys("classifiers.txt")


@cache
def variant_words() -> tuple[str, ...]:
    """Keys of words whose spellings are known variants (``variant-words.txt``)."""
    return tuple(sorted(_word_keys("variant-words.txt")))


@cache
def distinct_keys() -> frozenset[str]:
    """Keys shared by two different words (``distinct-words.txt``: जरा/ज़रा)."""
    path = data_dir() / "names" / "distinct-words.txt"
    pairs = [line.split("\t") for line in read_word_list(path)]
    for number, pair in enumerate(pairs, 1):
        if len(pair) != 2:
            raise RuleDataError(f"{path}: pair {number}: expected word<TAB>word")
    return frozenset(key(w) for pair in pairs for w in pair)
