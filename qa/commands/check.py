"""``qa check``: lint files, folders or stdin; report, fix or diff."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import click
import regex

from qa.api import Session
from qa.commands.base import Command, option
from qa.commands.options import resolver, split_codes
from qa.config import Config, parse_date
from qa.diagnostic import Diagnostic, FileResult
from qa.errors import InputError, QAError
from qa.files import discover
from qa.formats import READERS
from qa.meta import RuleMeta
from qa.report import ALIASES, FORMATS, encoder, formatter, own_encoder, summary
from qa.report.options import ReportOptions, from_config
from qa.runtime import is_batch, settle, uncollected
from qa.sources import SourceText, decode, encode, read_file
from qa.writer import write_fixed

if TYPE_CHECKING:
    from qa.cache import Cache


#: Formats that print nothing (not "All clear") when no input could be read.
HUMAN_FORMATS = ("full", "concise", "github")


@dataclass
class Options:
    """How the inputs are handled: reported, fixed in place or shown as a diff."""

    fix: bool
    unsafe_fixes: bool
    diff: bool
    stdin: bool = False  #: '-' is among the inputs (with --fix, the report goes to stderr)
    force: bool = False  #: with --fix, write read-only files too


@dataclass
class Outcome:
    """One input: its findings (None if it could not be read), a --diff patch, an error."""

    result: FileResult | None
    patch: str | None = None
    error: str | None = None


@click.command(cls=Command)
@click.argument("paths", nargs=-1)
@option(
    "--output-format",
    "--format",
    "output_format",
    type=click.Choice([*FORMATS, *ALIASES]),
    default="full",
    show_default=True,
    help="Report format (--format is the same; 'text' is 'full').",
)
@option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@option("--select", multiple=True, help="Rule codes, prefixes or names to run (replaces the defaults).")
@option("--extend-select", multiple=True, help="Rules to run in addition to the selection.")
@option("--ignore", multiple=True, help="Rule codes, prefixes or names to skip.")
@option("--fail-level", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails.")
@option("--fix", is_flag=True, help="Apply safe fixes in place (whole file written first).")
@option("--force", is_flag=True, help="With --fix, also rewrite read-only files.")
@option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (qa.toml or pyproject)."
)
@option("--date", help="The article's date, YYYY-MM-DD (for date-dependent rules).")
@option(
    "--input-format",
    type=click.Choice(sorted(READERS)),
    help="Read input as text, markdown, html or cms-json (default: by file name).",
)
@option("--stdin-filename", help="Name to report (and to pick the format by) for stdin.")
@option("-q", "--quiet", is_flag=True, help="Findings only: no family table, no summary line.")
@option("--no-group", is_flag=True, help="List every finding on its own (group-threshold 0).")
@option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colours: auto = on a terminal, unless NO_COLOR is set (FORCE_COLOR forces them).",
)
@option("--no-color", is_flag=True, hidden=True, help="Same as --color never.")
@option("-j", "--jobs", type=click.IntRange(min=0), help="Processes for many files (default: all cores).")
@option("--no-cache", is_flag=True, help="Lint every file again, ignoring the .qa_cache folder.")
@option("--statistics", is_flag=True, help="Print counts per rule instead of the findings.")
@option("--exclude", multiple=True, help="Globs to skip when walking folders (replaces the defaults).")
@option("--extend-exclude", multiple=True, help="Globs to skip in addition to 'exclude'.")
@option("--no-respect-gitignore", is_flag=True, help="Walk files that .gitignore and .ignore list.")
@option("--force-exclude", is_flag=True, help="Apply the excludes to files named on the command line.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    fix: bool,
    force: bool,
    unsafe_fixes: bool,
    diff: bool,
    exit_zero: bool,
    config_path: str | None,
    date: str | None,
    input_format: str | None,
    stdin_filename: str | None,
    quiet: bool,
    no_group: bool,
    color: str,
    no_color: bool,
    jobs: int | None,
    no_cache: bool,
    statistics: bool,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    no_respect_gitignore: bool,
    force_exclude: bool,
) -> None:
    """Lint PATHS (files or folders; '-' for stdin). Exit 1 if problems at or above --fail-level."""
    paths = paths or (".",)
    date_given = parse_date(date) if date else None
    configs = resolver(
        config_path,
        [
            ("select", split_codes(select), "--select"),
            ("extend-select", split_codes(extend_select), "--extend-select"),
            ("ignore", split_codes(ignore), "--ignore"),
            ("fail-level", fail_level, "--fail-level"),
            ("exclude", list(exclude) or None, "--exclude"),
            ("extend-exclude", list(extend_exclude) or None, "--extend-exclude"),
            ("respect-gitignore", False if no_respect_gitignore else None, "--no-respect-gitignore"),
            ("force-exclude", force_exclude or None, "--force-exclude"),
        ],
    )
    first = stdin_filename if paths == ("-",) and stdin_filename else _first(paths)
    session = Session(configs.config_for(first), resolver=configs, date=date_given, input_format=input_format)
    config = session.config
    options = Options(fix, unsafe_fixes, diff, "-" in paths, force)
    report_options = ReportOptions(
        color=_use_color("never" if no_color else color, _stream(options), to_file=output is not None),
        quiet=quiet,
        base=os.getcwd(),
        **from_config(config.section("report"), str(config.path or "config"))
        | ({"group_threshold": 0} if no_group else {}),
    )
    cache = None if no_cache or fix or diff else ResultCache(session, (input_format, date_given))
    results, failed_inputs, diffs = [], 0, []
    files = [str(p) for p in discover([p for p in paths if p != "-"], configs)]
    hits = _hits(files, session, options, cache)
    if len(hits) < len(files) or "-" in paths or not files:
        _require_rules(session)  # something must be linted (a hit implies rules)
    if output:
        _refuse_overwriting_input(output, files)
    if not files and "-" not in paths:
        include = ", ".join(config["include"])
        click.echo(f"qa: warning: no files to check in {', '.join(paths)} (include: {include})", err=True)
    if is_batch(files):
        settle()
    outcomes = _lint_all(paths, files, hits, stdin_filename, session, options, cache, jobs)
    for outcome in _progress(outcomes, len(files) + ("-" in paths)):
        if outcome.error:
            click.echo(f"qa: error: {outcome.error}", err=True)
            failed_inputs += 1
        if outcome.result is not None:
            results.append(outcome.result)
        if outcome.patch:
            diffs.append(outcome.patch)
    if failed_inputs and not results and ALIASES.get(output_format, output_format) in HUMAN_FORMATS:
        pass  # nothing was read: the errors above say why, not "All clear"
    elif statistics and not diff:
        sys.stdout.write(summary.statistics(results, failed_inputs))
        linter = session.linter()
        if "E001" in linter.codes and linter.cacheable:  # E001 on, but no server to ask
            click.echo(NEEDS_A_SERVER, err=True)  # stdout keeps ruff's shape for scripts
    else:
        report_options = replace(report_options, unread=failed_inputs)
        _emit(results, diffs, output_format, output, session, report_options, options)
    if failed_inputs:
        sys.exit(2)
    sys.exit(0 if exit_zero else int(_failing(results, session) or bool(diffs and diff)))


def _failing(results: list[FileResult], session: Session) -> bool:
    """Whether a finding is at or above the fail level of its own file's config."""
    for result in results:
        threshold = session.config_for(result.path).fail_level
        if any(d.severity >= threshold for d in result.diagnostics):
            return True
    return False


def _require_rules(session: Session) -> None:
    if not session.linter().codes:
        raise QAError(f"no rule selected ({_selection(session.config)}); see 'qa rules'")


def _selection(config: Config) -> str:
    return "; ".join(
        f"{key}: {', '.join(config[key])}" for key in ("select", "extend-select", "ignore") if config[key]
    )


def _refuse_overwriting_input(output: str, files: list[str]) -> None:
    """``-o story.txt`` while checking story.txt would replace the story with its report."""
    for name in files:
        try:
            same = os.path.samefile(output, name)
        except OSError:  # no report file yet, or an input that cannot be read (reported later)
            continue
        if same:
            raise QAError(f"{output}: is also an input; the report would replace it (choose another -o)")


class ResultCache:
    """The result caches of a run, one per config (files may sit under different ones);
    ``extra`` holds what else the results depend on."""

    def __init__(self, session: Session, extra: tuple[object, ...]) -> None:
        self._session = session
        self._extra = extra
        self._caches: dict[int, Cache | None] = {}

    def for_file(self, name: str, *, stdin: bool = False) -> Cache | None:
        """The cache for ``name``'s config; None when its findings cannot be cached. With
        qa's own rules only, a hit is answered without building any: the key holds all
        that decides whether their findings may be cached (:meth:`writable` tells, on a miss)."""
        from qa.cache import Cache, location

        config = self._config(name, stdin)
        if id(config) not in self._caches:
            own_rules = not config["rule-files"]  # a user's python rule may ask a server of its own
            self._caches[id(config)] = (
                Cache(location(config), config, self._extra)
                if own_rules or self.writable(name, stdin=stdin)
                else None
            )
        return self._caches[id(config)]

    def writable(self, name: str, *, stdin: bool = False) -> bool:
        """Whether the findings for ``name`` may be stored (no selected rule asks a server)."""
        return self._session.linter(self._config(name, stdin)).cacheable

    def _config(self, name: str, stdin: bool) -> Config:
        return self._session.config if stdin else self._session.config_for(name)


def _first(paths: tuple[str, ...]) -> str:
    return next((p for p in paths if p != "-"), ".")


NEEDS_A_SERVER = (
    "qa: note: E001 needs a server: set [tool.qa.languagetool] url or QA_LANGUAGETOOL_URL "
    "('qa languagetool start' runs one); English passages were not checked"
)


def _hits(
    files: list[str], session: Session, options: Options, cache: ResultCache | None
) -> dict[str, Outcome]:
    """The files the result cache answers (unchanged since their findings were stored)."""
    if cache is None or options.fix or options.diff:
        return {}
    return {
        name: hit for name in files if (hit := _cached(name, _max_size(session, name), cache)) is not None
    }


def _max_size(session: Session, name: str) -> int:
    return int(session.config_for(name)["max-file-size"])


def _lint_all(
    paths: tuple[str, ...],
    files: list[str],
    hits: dict[str, Outcome],
    stdin_filename: str | None,
    session: Session,
    options: Options,
    cache: ResultCache | None,
    jobs: int | None,
) -> Iterator[Outcome]:
    """Stdin in this process, then every discovered file (over ``jobs`` processes), in order;
    ``hits`` are answered from the cache, the others linted."""
    if "-" in paths:

        def read_stdin() -> SourceText:
            return decode(sys.stdin.buffer.read(), stdin_filename or "<stdin>")

        yield _outcome(stdin_filename or "-", read_stdin, session, options, cache, stdin=True)

    def lint_file(name: str) -> Outcome:
        def read() -> SourceText:
            return read_file(Path(name), max_size=_max_size(session, name))

        return _outcome(name, read, session, options, cache)

    misses = [name for name in files if name not in hits]  # only these go to workers
    if _more_than(WHOLE_TABLES, misses):
        from qa import datatables

        datatables.whole_at_once()
    if len(misses) > 1 and jobs != 1:
        from qa.parallel import default_jobs, ordered_map

        session.warm()  # forked workers inherit the loaded data
        fresh = ordered_map(lint_file, misses, jobs or default_jobs())
    else:
        fresh = map(lint_file, misses)
    for name in files:
        yield hits[name] if name in hits else next(fresh)


#: Input (bytes) from which a run reads the look-up tables whole on first use: about as
#: much text reads most of each table's shards anyway, one by one.
WHOLE_TABLES = 1 << 20


def _more_than(size: int, names: list[str]) -> bool:
    """Whether the files hold more than ``size`` bytes together (one that cannot be read
    counts nothing); stops once they do."""
    total = 0
    for name in names:
        with contextlib.suppress(OSError):
            total += os.path.getsize(name)
        if total > size:
            return True
    return False


def _cached(name: str, max_size: int, caches: ResultCache) -> Outcome | None:
    """The stored result for an unchanged file; None for a miss or an unreadable file."""
    cache = caches.for_file(name)
    if cache is None:
        return None
    try:
        source = read_file(Path(name), max_size=max_size)
    except InputError:
        return None  # linted (and reported) like any other miss
    found = cache.get(cache.key(name, source.text, bom=source.bom))
    return None if found is None else Outcome(FileResult(name, source.text, found))


def _outcome(
    name: str,
    read: Callable[[], SourceText],
    session: Session,
    options: Options,
    caches: ResultCache | None,
    *,
    stdin: bool = False,
) -> Outcome:
    try:
        return _lint_one(name, read, session, options, caches, stdin=stdin)
    except InputError as exc:
        return Outcome(None, error=str(exc))


#: Show a progress bar from this many files on (on a terminal, never in CI logs).
PROGRESS_FILES = 20


def _progress(outcomes: Iterator[Outcome], count: int) -> Iterator[Outcome]:
    if count < PROGRESS_FILES or not sys.stderr.isatty() or os.environ.get("CI"):
        yield from outcomes
        return
    with click.progressbar(outcomes, length=count, label="Checking", file=sys.stderr, show_pos=True) as bar:
        yield from bar


def _lint_one(
    name: str,
    read: Callable[[], SourceText],
    session: Session,
    options: Options,
    caches: ResultCache | None = None,
    *,
    stdin: bool = False,
) -> Outcome:
    source = read()
    path = None if name == "-" else name
    config = session.config if stdin else session.config_for(path)

    def lint(text: str) -> list[Diagnostic]:
        with uncollected():
            return session.diagnostics(text, path=path, bom=source.bom, config=config)

    if not (options.fix or options.diff):
        cache = caches.for_file(name, stdin=stdin) if caches else None
        key = cache.key(name, source.text, bom=source.bom) if cache else ""
        found = cache.get(key) if cache else None
        if found is None:
            found = lint(source.text)
            if cache and caches and caches.writable(name, stdin=stdin):
                cache.put(key, found)
        return Outcome(FileResult(name, source.text, found))
    fixed = session.fix(source.text, path=path, bom=source.bom, unsafe=options.unsafe_fixes, config=config)
    if options.diff:
        patch = _unified(name, source, fixed.text) if fixed.text != source.text else None
        return Outcome(FileResult(name, source.text, lint(source.text)), patch)
    if stdin:  # a filter: always the whole text, fixed or not
        sys.stdout.buffer.write(encode(fixed.text, source.bom))
        sys.stdout.flush()
    elif fixed.text != source.text:
        try:
            write_fixed(
                Path(name),
                fixed.text,
                bom=source.bom,
                original=encode(source.text, source.bom),
                force=options.force,
            )
        except InputError as exc:  # the file stays as it was: report what is in it
            return Outcome(FileResult(name, source.text, lint(source.text)), error=str(exc))
    return Outcome(FileResult(name, fixed.text, fixed.remaining, fixed=fixed.applied))


#: Lines as patch and git apply see them: ended by LF only (a CR stays in the line: a
#: CR-only file is one line to them).
_LINES = regex.compile(r"[^\n]*\n|[^\n]+\Z")


def _unified(name: str, source: SourceText, after: str) -> str:
    """A patch of the file's bytes as they are on disk (BOM included), as text."""
    import difflib  # only for --diff

    bom = "\ufeff" if source.bom else ""
    before_lines, after_lines = _LINES.findall(bom + source.text), _LINES.findall(bom + after)
    lines = difflib.unified_diff(before_lines, after_lines, f"a/{name}", f"b/{name}")
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _emit(
    results: list[FileResult],
    diffs: list[str],
    output_format: str,
    output: str | None,
    session: Session,
    report_options: ReportOptions,
    options: Options,
) -> None:
    if options.diff:
        sys.stdout.write("".join(diffs))
        return
    rules = _Rules(session)
    if output:
        try:
            with open(output, "wb") as out:
                out.writelines(encoder(output_format)(results, rules, report_options))
        except OSError as exc:
            raise QAError(f"{output}: cannot write report: {exc.strerror or exc}") from None
        return
    stream, pieces = _stream(options), own_encoder(output_format)
    if pieces is None:
        _write(stream, formatter(output_format)(results, rules, report_options))
    else:  # the report made and written a piece at a time
        for piece in pieces(results, rules, report_options):
            stream.write(piece.decode("utf-8", "surrogateescape"))


class _Rules(Mapping[str, RuleMeta]):
    """Every rule's metadata, read when a report first asks (SARIF describes its rules;
    the other formats never ask, and a run answered from the result cache reads none)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @cached_property
    def _rules(self) -> dict[str, RuleMeta]:
        return self._session.rules()

    def __getitem__(self, code: str) -> RuleMeta:
        return self._rules[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)


def _write(stream, report: str, chunk: int = 1 << 20) -> None:  # type: ignore[no-untyped-def]
    """Write ``report`` a megabyte at a time: a big run's report is never held encoded whole too."""
    for start in range(0, len(report), chunk):
        stream.write(report[start : start + chunk])


def _stream(options: Options):  # type: ignore[no-untyped-def]
    """Where the report goes: stdout, or stderr when --fix writes the fixed stdin there."""
    return sys.stderr if options.fix and options.stdin else sys.stdout


def _use_color(choice: str, stream, *, to_file: bool) -> bool:  # type: ignore[no-untyped-def]
    """--color always/never; auto: NO_COLOR turns colour off, FORCE_COLOR on, else a terminal decides."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or to_file:
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()
