"""``qa check``: lint files, folders or stdin; report, fix or diff."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click
import regex

from qa import api
from qa.commands.options import load_config, split_codes
from qa.config import Config, parse_date
from qa.engine import registry
from qa.engine.fixes import fix_until_stable
from qa.engine.runner import Linter
from qa.errors import InputError, QAError
from qa.files import discover
from qa.formats import READERS
from qa.report import FORMATS, FileResult, formatter, summary
from qa.runtime import settle
from qa.sources import SourceText, decode, encode, read_file
from qa.writer import write_fixed

if TYPE_CHECKING:
    from qa.cache import Cache


@dataclass
class Options:
    fix: bool
    unsafe_fixes: bool
    diff: bool
    input_format: str | None
    date: object
    stdin: bool = False  #: '-' is among the inputs (with --fix, the report goes to stderr)
    force: bool = False  #: with --fix, write read-only files too


@dataclass
class Outcome:
    """One input: its findings (None if it could not be read), a --diff patch, an error."""

    result: FileResult | None
    patch: str | None = None
    error: str | None = None


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file."
)
@click.option("--select", multiple=True, help="Rule codes, prefixes or names to run (replaces the defaults).")
@click.option("--extend-select", multiple=True, help="Rules to run in addition to the selection.")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to skip.")
@click.option(
    "--fail-level", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails."
)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (whole file written first).")
@click.option("--force", is_flag=True, help="With --fix, also rewrite read-only files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (qa.toml or pyproject)."
)
@click.option("--date", help="The article's date, YYYY-MM-DD (for date-dependent rules).")
@click.option(
    "--input-format",
    type=click.Choice(sorted(READERS)),
    help="Read input as text, markdown, html or cms-json (default: by file name).",
)
@click.option("--stdin-filename", help="Name to report (and to pick the format by) for stdin.")
@click.option("--no-color", is_flag=True, help="No colours (also: NO_COLOR=1).")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), help="Processes for many files (default: all cores)."
)
@click.option("--no-cache", is_flag=True, help="Lint every file again, ignoring the .qa_cache folder.")
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of the findings.")
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
    no_color: bool,
    jobs: int | None,
    no_cache: bool,
    statistics: bool,
) -> None:
    """Lint PATHS (files or folders; '-' for stdin). Exit 1 if problems at or above --fail-level."""
    paths = paths or (".",)
    config = load_config(config_path, paths)
    config.override("select", split_codes(select), "--select")
    config.override("extend-select", split_codes(extend_select), "--extend-select")
    config.override("ignore", split_codes(ignore), "--ignore")
    config.override("fail-level", fail_level, "--fail-level")
    linter = Linter(config)
    if not linter.rules:
        raise QAError(f"no rule selected ({_selection(config)}); see 'qa rules'")
    date_given = parse_date(date) if date else None
    options = Options(fix, unsafe_fixes, diff, input_format, date_given, "-" in paths, force)
    cache = (
        None
        if no_cache or fix or diff or _asks_a_server(config, linter)
        else _cache(config, linter, (input_format, date_given))
    )
    results, failed_inputs, diffs = [], 0, []
    files = _files(paths, config)
    if output:
        _refuse_overwriting_input(output, files)
    if not files and "-" not in paths:
        include = ", ".join(config["include"])
        click.echo(f"qa: warning: no files to check in {', '.join(paths)} (include: {include})", err=True)
    if len(files) > 1:
        settle()
    outcomes = _lint_all(paths, files, config, stdin_filename, linter, options, cache, jobs)
    for outcome in _progress(outcomes, len(files) + ("-" in paths)):
        if outcome.error:
            click.echo(f"qa: error: {outcome.error}", err=True)
            failed_inputs += 1
        if outcome.result is not None:
            results.append(outcome.result)
        if outcome.patch:
            diffs.append(outcome.patch)
    if failed_inputs and not results and output_format in ("text", "github"):
        pass  # nothing was read: the errors above say why, not "All clear"
    elif statistics and not diff:
        sys.stdout.write(summary.statistics(results))
        if "E001" in linter.codes and not _asks_a_server(config, linter):
            click.echo(NEEDS_A_SERVER, err=True)  # stdout keeps ruff's shape for scripts
    else:
        _emit(results, diffs, output_format, output, config, no_color, options)
    if failed_inputs:
        sys.exit(2)
    threshold = config.fail_level
    failing = any(d.severity >= threshold for r in results for d in r.diagnostics)
    sys.exit(0 if exit_zero else int(failing or bool(diffs and diff)))


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


def _cache(config: Config, linter: Linter, extra: tuple[object, ...]) -> Cache:
    """The result cache for this run; ``extra`` holds what else the results depend on."""
    from qa.cache import Cache, location

    return Cache(location(config), config, linter.codes, extra)


NEEDS_A_SERVER = (
    "qa: note: E001 needs a server: set [tool.qa.languagetool] url or QA_LANGUAGETOOL_URL "
    "('qa languagetool start' runs one); English passages were not checked"
)


def _asks_a_server(config: Config, linter: Linter) -> bool:
    """Findings from a LanguageTool server depend on more than the file: never cache them."""
    if "E001" not in linter.codes:
        return False
    from qa.checks.english import server_url

    return server_url(config.rule_options("E001"), config.section("languagetool")) is not None


def _files(paths: tuple[str, ...], config: Config) -> list[str]:
    found = discover([p for p in paths if p != "-"], include=config["include"], exclude=config["exclude"])
    return [str(p) for p in found]


def _lint_all(  # type: ignore[no-untyped-def]
    paths: tuple[str, ...],
    files: list[str],
    config: Config,
    stdin_filename: str | None,
    linter: Linter,
    options: Options,
    cache: Cache | None,
    jobs: int | None,
):
    """Stdin in this process, then every discovered file (over ``jobs`` processes), in order."""
    if "-" in paths:

        def read_stdin() -> SourceText:
            return decode(sys.stdin.buffer.read(), stdin_filename or "<stdin>")

        yield _outcome(stdin_filename or "-", read_stdin, linter, options, cache, stdin=True)
    max_size = config["max-file-size"]

    def lint_file(name: str) -> Outcome:
        return _outcome(name, lambda: read_file(Path(name), max_size=max_size), linter, options, cache)

    hits = {}  # unchanged files are answered here; only the others go to workers
    if cache is not None and not (options.fix or options.diff):
        hits = {name: hit for name in files if (hit := _cached(name, max_size, cache)) is not None}
    misses = [name for name in files if name not in hits]
    if len(misses) > 1 and jobs != 1:
        from qa.parallel import default_jobs, ordered_map

        linter.warm()  # forked workers inherit the loaded data
        fresh = ordered_map(lint_file, misses, jobs or default_jobs())
    else:
        fresh = map(lint_file, misses)
    for name in files:
        yield hits[name] if name in hits else next(fresh)


def _cached(name: str, max_size: int, cache: Cache) -> Outcome | None:
    """The stored result for an unchanged file; None for a miss or an unreadable file."""
    try:
        source = read_file(Path(name), max_size=max_size)
    except InputError:
        return None  # linted (and reported) like any other miss
    found = cache.get(cache.key(name, source.text, bom=source.bom))
    return None if found is None else Outcome(FileResult(name, source.text, found))


def _outcome(  # type: ignore[no-untyped-def]
    name: str, read, linter: Linter, options: Options, cache: Cache | None, *, stdin: bool = False
) -> Outcome:
    try:
        return _lint_one(name, read, linter, options, cache, stdin=stdin)
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


def _lint_one(  # type: ignore[no-untyped-def]
    name: str, read, linter: Linter, options: Options, cache: Cache | None = None, *, stdin: bool = False
) -> Outcome:
    source: SourceText = read()
    path = None if name == "-" else name

    def lint(text: str):  # type: ignore[no-untyped-def]
        doc = api.document(text, path=path, format=options.input_format, bom=source.bom, config=linter.config)
        return linter.check(doc, date=options.date)  # type: ignore[arg-type]

    if not (options.fix or options.diff):
        key = cache.key(name, source.text, bom=source.bom) if cache else ""
        found = cache.get(key) if cache else None
        if found is None:
            found = lint(source.text)
            if cache:
                cache.put(key, found)
        return Outcome(FileResult(name, source.text, found))
    fixed = fix_until_stable(source.text, lint, unsafe=options.unsafe_fixes)
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
    config: Config,
    no_color: bool,
    options: Options,
) -> None:
    if options.diff:
        sys.stdout.write("".join(diffs))
        return
    rules = {code: spec.meta for code, spec in registry.load_specs(tuple(config["rule-files"])).items()}
    stream = sys.stderr if options.fix and options.stdin else sys.stdout
    color = output is None and _use_color(no_color, stream)
    report = formatter(output_format)(results, rules, color=color)
    if output:
        try:
            Path(output).write_text(report, encoding="utf-8")
        except OSError as exc:
            raise QAError(f"{output}: cannot write report: {exc.strerror or exc}") from None
    else:
        stream.write(report)


def _use_color(no_color: bool, stream) -> bool:  # type: ignore[no-untyped-def]
    return not no_color and not os.environ.get("NO_COLOR") and stream.isatty()
