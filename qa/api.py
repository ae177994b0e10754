"""The one path from input to findings, owned by a :class:`Session`.

Every face builds a session and only does I/O around it: ``qa check`` (and the
pre-commit hooks, which run it), ``qa serve`` (native and LanguageTool ``/v2``) and a
language server. The session finds each file's config, reads the text through
:mod:`qa.formats`, decides the article's date, checks and fixes, and keeps a bounded
cache of compiled linters, so every face gives the same findings for the same input.

``check``, ``fix``, ``document`` and ``linter`` below are the same calls on a shared
default session, for scripts and tests.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from qa.config import Config, ConfigResolver, stamps
from qa.diagnostic import Diagnostic, FileResult

if TYPE_CHECKING:  # the engine is imported on first use: a run the result cache answers needs none of it
    from qa.document import Document
    from qa.engine.fixes import FixResult
    from qa.engine.runner import Linter
    from qa.meta import RuleMeta

__all__ = ["Diagnostic", "FileResult", "FixResult", "Session", "check", "document", "fix", "linter"]

#: A setting given on top of every config file: (key, value, where it came from), e.g.
#: ``("select", ["P"], "--select")``.
Override = tuple[str, Any, str]
Selection = tuple[str, ...] | None

#: Compiled linters kept per session: each is a rule set for one config and selection.
LINTERS = 32


class Session:
    """Config lookup, reading, the article date, checking and fixing, for many inputs.

    ``config`` is the base configuration: used for stdin and for texts without a path,
    and for every file unless ``discover`` is set or a ``resolver`` given, when each file
    gets the config closest to it (:meth:`config_for`). ``overrides`` (command-line
    settings) apply on top of every config (a given resolver applies its own). ``date``
    and ``input_format`` are the defaults of every check. A session is safe to share
    between threads.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        discover: bool = False,
        resolver: ConfigResolver | None = None,
        overrides: Iterable[Override] = (),
        date: dt.date | str | None = None,
        input_format: str | None = None,
        linters: int = LINTERS,
    ) -> None:
        self.overrides = tuple(overrides)
        if resolver is None and discover:
            resolver = ConfigResolver(None, self.overrides)
        self.resolver = resolver
        if config is None:
            config = resolver.config_for(".") if resolver else self._with_overrides(Config())
        elif resolver is None or discover:
            config = self._with_overrides(config)
        self.config = config
        self.date = date
        self.input_format = input_format
        self._size = linters
        self._linters: OrderedDict[tuple[str, Selection, tuple[str, ...]], Linter] = OrderedDict()
        self._lock = threading.Lock()

    # -- configuration ------------------------------------------------------------

    def config_for(self, path: str | os.PathLike[str] | None) -> Config:
        """The config that applies to ``path``: the base one, or (when discovering) the
        closest ``qa.toml``/``pyproject.toml`` with ``[tool.qa]``, overrides on top."""
        if path is None or self.resolver is None or str(path) == "-":
            return self.config
        with self._lock:
            config = self.resolver.config_for(os.fspath(path))
        return self.config if config.path == self.config.path else config

    def _with_overrides(self, config: Config) -> Config:
        for key, value, origin in self.overrides:
            config.override(key, value, origin)
        return config

    def linter(
        self, config: Config | None = None, *, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
    ) -> Linter:
        """The compiled rule set for ``config`` (default: the base one) and a selection,
        from a bounded cache keyed by the config's values (equal configs share one)."""
        config = config or self.config
        chosen = tuple(select) if select is not None else None
        key = (_fingerprint(config), chosen, tuple(ignore))
        with self._lock:
            found = self._linters.get(key)
            if found is not None:
                self._linters.move_to_end(key)
                return found
        from qa.engine.runner import Linter

        built = Linter(config, select=chosen, ignore=key[2])
        with self._lock:
            found = self._linters.setdefault(key, built)
            self._linters.move_to_end(key)
            while len(self._linters) > self._size:
                self._linters.popitem(last=False)
        return found

    def rules(self, config: Config | None = None) -> dict[str, RuleMeta]:
        """Every known rule (selected or not) by code, for reports and rule listings."""
        from qa.engine import registry

        specs = registry.load_specs(tuple((config or self.config)["rule-files"]))
        return {code: spec.meta for code, spec in specs.items()}

    def warm(self) -> None:
        """Load the default rule set's data now (before forking workers that share it)."""
        self.linter().warm()

    # -- one input ----------------------------------------------------------------

    def read(
        self,
        text: str,
        *,
        path: str | None = None,
        format: str | None = None,
        bom: bool = False,
        config: Config | None = None,
    ) -> Document:
        """``text`` as a document, by the reader for ``format`` (default: the session's,
        else picked by ``path``)."""
        from qa import formats

        config = config or self.config_for(path)
        document = formats.read(text, format=format or self.input_format, path=path, config=config)
        if bom:
            document.metadata["bom"] = "utf-8"
        return document

    def check_document(
        self,
        document: Document,
        *,
        config: Config | None = None,
        date: dt.date | str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
    ) -> list[Diagnostic]:
        """Findings for a document already read; spans are offsets into its source."""
        config = config or self.config_for(document.path)
        when, source = self.date_for(document, config, date)
        return self.linter(config, select=select, ignore=ignore).check(
            document, date=when, date_source=source
        )

    def date_for(
        self, document: Document, config: Config | None = None, date: dt.date | str | None = None
    ) -> tuple[dt.date, str]:
        """The article's date and where it came from ("given", "document", "config" or
        "today"): ``date``, else the session's, else the document's own (front matter, a CMS
        field), else the config's, else today."""
        from qa.engine.runner import article_date

        given = date if date is not None else self.date
        return article_date(document, config or self.config_for(document.path), given)

    def diagnostics(
        self,
        text: str,
        *,
        path: str | None = None,
        format: str | None = None,
        bom: bool = False,
        date: dt.date | str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        config: Config | None = None,
    ) -> list[Diagnostic]:
        """Findings for ``text``; spans are code-point offsets into ``text``. ``config``
        replaces the one found for ``path``."""
        config = config or self.config_for(path)
        document = self.read(text, path=path, format=format, bom=bom, config=config)
        return self.check_document(document, config=config, date=date, select=select, ignore=ignore)

    def check(
        self,
        text: str,
        *,
        path: str | None = None,
        name: str | None = None,
        format: str | None = None,
        bom: bool = False,
        date: dt.date | str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        config: Config | None = None,
    ) -> FileResult:
        """``text`` checked, as the result reports show under ``name`` (default: ``path`` or "-")."""
        found = self.diagnostics(
            text, path=path, format=format, bom=bom, date=date, select=select, ignore=ignore, config=config
        )
        return FileResult(name or path or "-", text, found)

    def fix(
        self,
        text: str,
        *,
        path: str | None = None,
        format: str | None = None,
        bom: bool = False,
        date: dt.date | str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        unsafe: bool = False,
        config: Config | None = None,
    ) -> FixResult:
        """Apply fixes until none applies (unsafe ones too if asked): the new text, how
        many fixes were applied, and the findings left in it."""
        from qa.engine.fixes import fix_until_stable

        config = config or self.config_for(path)
        chosen, skipped = tuple(select) if select is not None else None, tuple(ignore)

        def lint(t: str) -> list[Diagnostic]:
            return self.diagnostics(
                t, path=path, format=format, bom=bom, date=date, select=chosen, ignore=skipped, config=config
            )

        return fix_until_stable(text, lint, unsafe=unsafe)


def __getattr__(name: str) -> Any:
    """``qa.api.FixResult`` (public: :meth:`Session.fix` returns one), imported with the
    engine on first use."""
    if name == "FixResult":
        from qa.engine.fixes import FixResult

        return FixResult
    raise AttributeError(name)


def _fingerprint(config: Config) -> str:
    """What a linter depends on: the config's values, the file they came from and the
    state of the files they name (an edited rule file makes another linter). A ``repr``
    with every table's keys in order (importing json costs a check 3 ms)."""
    named = stamps(config.setting_files())
    return repr((str(config.path), _in_order(config.values), named))


def _in_order(value: object) -> object:
    """``value`` with the items of each of its dicts in the order of their keys."""
    if isinstance(value, dict):
        return sorted((str(key), _in_order(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return [_in_order(item) for item in value]
    return value


_DEFAULT: list[Session] = []


def default_session() -> Session:
    """The session behind the module-level functions: default config, no discovery."""
    if not _DEFAULT:
        _DEFAULT.append(Session())
    return _DEFAULT[0]


def linter(
    config: Config | None = None, *, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> Linter:
    """A compiled linter from the default session's bounded cache."""
    return default_session().linter(config, select=select, ignore=ignore)


def document(
    text: str,
    *,
    path: str | None = None,
    format: str | None = None,
    bom: bool = False,
    config: Config | None = None,
) -> Document:
    """``text`` read as a document (see :meth:`Session.read`)."""
    return default_session().read(text, path=path, format=format, bom=bom, config=config)


def check(
    text: str,
    *,
    path: str | None = None,
    config: Config | None = None,
    date: dt.date | str | None = None,
    format: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> list[Diagnostic]:
    """Lint ``text``; spans are code-point offsets into ``text``."""
    return default_session().diagnostics(
        text, path=path, format=format, date=date, select=select, ignore=ignore, config=config
    )


def fix(
    text: str,
    *,
    path: str | None = None,
    config: Config | None = None,
    date: dt.date | str | None = None,
    format: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    unsafe: bool = False,
) -> FixResult:
    """Apply fixes until none applies; returns the new text and what is left."""
    return default_session().fix(
        text, path=path, format=format, date=date, select=select, ignore=ignore, unsafe=unsafe, config=config
    )
