"""House style: per variation class, "any form but consistent" or a required form.

``[tool.qa.house-style]`` may name a profile (``data/profiles/<name>.yaml``) and set
classes one by one; a rule's own options (``[tool.qa.rules.N006]``) win over both::

    [tool.qa.house-style]
    profile = "daily"
    nukta = "nukta"

``word-mix`` (e.g. ``"warning"``) raises N002, two accepted spellings of one word in
one document, from its default info level. Every class takes ``consistent`` (the
default: any form, one per document), ``any`` (mixing allowed) or one of its two
forms (see :data:`FORMS`). ``names`` maps a registry id to the form the house prints
(``"Joe Biden" = "जो बाइडन"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from qa.data import data_dir, read_yaml
from qa.errors import ConfigError, RuleDataError
from qa.text.normalize import CLASSES, features

#: class -> (the form without the variation, the form with it).
FORMS: dict[str, tuple[str, str]] = {
    "register": ("standard", "variant"),
    "nukta": ("none", "nukta"),
    "chandrabindu": ("anusvara", "chandrabindu"),
    "nasal": ("anusvara", "consonant"),
    "shruti": ("vowel", "glide"),
    "o": ("aa", "o"),
    "halant": ("none", "halant"),
    "doubled": ("single", "double"),
}
CONSISTENT, ANY = "consistent", "any"
WORD_MIX = "word-mix"
assert FORMS.keys() == CLASSES.keys()


@dataclass(frozen=True)
class HouseStyle:
    """A house style: the chosen spelling of each word class and name, and the severity
    of two accepted spellings in one document."""

    classes: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    #: the severity of two accepted spellings of a word in one document (None: the rule's)
    word_mix: str | None = None

    def choice(self, name: str) -> str:
        return self.classes.get(name, CONSISTENT)

    def plain_required(self, name: str) -> bool:
        """True if the house requires the form *without* this variation."""
        return self.choice(name) == FORMS[name][0]

    def allows(self, word: str, name: str) -> bool:
        """False if ``word``'s form in class ``name`` is not the house form."""
        choice = self.choice(name)
        if choice in (CONSISTENT, ANY):
            return True
        return (name in features(word)) == (choice == FORMS[name][1])

    def preferred(self, forms: Iterable[str], classes: Iterable[str]) -> list[str]:
        """The forms a house accepts for these classes (all forms if it accepts none)."""
        forms = list(forms)
        for name in classes:
            kept = [f for f in forms if self.allows(f, name)]
            forms = kept or forms
        return forms


def _check_classes(table: Mapping[str, Any], where: str, error: type[Exception]) -> dict[str, str]:
    classes = {}
    for name, value in table.items():
        if name in ("profile", "names", WORD_MIX):
            continue
        if name not in FORMS:
            raise error(f"{where}: unknown variation class {name!r} (use {', '.join(FORMS)})")
        allowed = (CONSISTENT, ANY, *FORMS[name])
        if value not in allowed:
            raise error(f"{where}: {name} = {value!r}; use one of {', '.join(allowed)}")
        classes[name] = value
    return classes


def _names(value: Any, where: str, error: type[Exception]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise error(f"{where}: 'names' must map a registry id to a form")
    return {str(k): v for k, v in value.items()}


@cache
def profile(name: str) -> HouseStyle:
    """A shipped profile, ``data/profiles/<name>.yaml``."""
    path = data_dir() / "profiles" / f"{name}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in path.parent.glob("*.yaml"))
        raise ConfigError(f"unknown house-style profile {name!r} (available: {', '.join(known)})")
    data = read_yaml(path, "house-style profile")
    if not isinstance(data, dict):
        raise RuleDataError(f"{path}: expected a mapping")
    return HouseStyle(
        _check_classes(data.get("classes") or {}, str(path), RuleDataError),
        _names(data.get("names"), str(path), RuleDataError),
        _word_mix(data.get(WORD_MIX), str(path), RuleDataError),
    )


def _word_mix(value: Any, where: str, error: type[Exception]) -> str | None:
    if value is None:
        return None
    if value not in ("info", "warning", "error"):
        raise error(f"{where}: {WORD_MIX} = {value!r}; use info, warning or error")
    return str(value)


def house_style(section: Mapping[str, Any], options: Mapping[str, Any] | None = None) -> HouseStyle:
    """The profile named in ``section``, then its class settings, then rule ``options``."""
    merged = {
        **section,
        **{k: v for k, v in (options or {}).items() if k in FORMS or k in ("profile", WORD_MIX)},
    }
    base = HouseStyle()
    if merged.get("profile"):
        if not isinstance(merged["profile"], str):
            raise ConfigError("[tool.qa.house-style] profile must be a string")
        base = profile(merged["profile"])
    classes = _check_classes(merged, "[tool.qa.house-style]", ConfigError)
    names = _names(merged.get("names"), "[tool.qa.house-style]", ConfigError)
    mix = _word_mix(merged.get(WORD_MIX), "[tool.qa.house-style]", ConfigError) or base.word_mix
    return HouseStyle({**base.classes, **classes}, {**base.names, **names}, mix)
