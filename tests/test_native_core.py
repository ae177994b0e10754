"""The compiled core (``qa_core``, built from core/) against the Python reference in
:mod:`qa.text.tokenize`: the same results on every code point, on random copy and on the
shared corpora, and the Python path whenever the extension is missing or ``QA_PURE`` is set.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.checks import clause_facts, clauses
from qa.checks.clauses import Token  # the records of the clause reader, span_tokens' first user
from qa.text import native, slots, tokenize

from conftest import ROOT, SEED, SHARED_DATA


def _core():  # type: ignore[no-untyped-def]
    """The extension; CI (QA_REQUIRE_REAL) on a machine with cargo must have built it."""
    core = native.load()
    if core is None:
        if os.environ.get("QA_REQUIRE_REAL") and shutil.which("cargo") and not os.environ.get("QA_PURE"):
            pytest.fail("cargo is on the PATH but the compiled core is not built (see .venv/core-build.log)")
        pytest.skip("the compiled core is not built")
    return core


@pytest.fixture(scope="module")
def core():  # type: ignore[no-untyped-def]
    return _core()


PIECES = [
    "क", "ष", "ट", "र", "ह", "थ", "द", "ल", "ड", "ब", "य", "ज", "फ़", "क़", "्", "ा", "ि", "ी", "ु",
    "ू", "े", "ै", "ो", "ौ", "ं", "ँ", "़", "ॉ", "अ", "आ", "ई", "ए", "\u200c", "\u200d", "१", "२",
    "0", "7", "a", "Z", "é", ",", ";", ".", "..", "।", "॥", "?", "!", "-", "'", '"', "”", "’", ")",
    "]", "(", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", " \n \n", "\u00a0", "\u2028", "\x1c",
    "\u3000", "\ufffc", "डॉ.", "Dr.", "Mrs.", "एम.", "के.", "है.", "था.", "डब्ल्यू.", "एक्स.", "5.5",
    "47वें", "Rs. ", "श्रीमती.", "etc.", "X.", "फ़ि.", "क़ि.", "‐", "‑", "–", "॰", "०", "९", ":", "/",
    "1,000", "२०:३०", "ई॰पू॰", "कु.", "abc",
]  # fmt: skip
#: Copy made of Devanagari, Latin, digits, punctuation, joiners, nukta, line ends and any
#: other code point now and then.
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.characters()), max_size=80).map("".join)


def _same_words(core, text: str) -> None:  # type: ignore[no-untyped-def]
    texts, starts, index = found = core.words(text)
    assert found == tokenize.python_words(text)
    assert list(index) == list(tokenize.python_words(text)[2])  # in the order first met
    # the offsets are packed as in the Python version (no int object per offset)
    assert {starts.typecode, *(offsets.typecode for offsets in index.values())} == {"I"}
    # a word that recurs is one string object, as in the Python version
    assert len(set(map(id, texts))) == len(set(texts)) == len(index)
    assert all(texts[starts.index(at)] is word for word, offsets in index.items() for at in offsets)


def _same_blocks(core, text: str) -> None:  # type: ignore[no-untyped-def]
    blocks = tokenize.python_paragraphs(text)
    assert core.paragraphs(text) == blocks
    assert core.sentences(text) == tokenize.python_sentences(text)
    assert core.sentences(text, blocks) == tokenize.python_sentences(text, blocks)


def _same_span_tokens(core, text: str, spans: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    for start, end in spans:
        found = core.span_tokens(text, start, end, Token, str.casefold)
        assert found == tokenize.python_span_tokens(text, start, end, Token, str.casefold)
        assert all(type(token) is Token for token in found)


#: Tests of spellings, as the clause rules' ``needed`` (a set's ``__contains__``, a function).
_NEEDED = (frozenset({"क", "का", "के"}).__contains__, str.isupper, lambda word: len(word) % 3)


def _same_clauses(core, text: str, spans: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    """The compiled reader of one view against the Python one (``clauses._Reader``), span
    after span, two readers sharing a table (texts, spellings and verdicts are kept)."""
    for starts in (clauses._CLAUSE_STARTS, frozenset({"क", "a", "१२"})):
        table = core.TokenTable(Token, str.casefold, starts)
        words = [tokenize.python_span_tokens(text, start, end, Token, str.casefold) for start, end in spans]
        for reader in (core.ClauseReader(text, table), core.ClauseReader(text, table)):
            for (start, end), expected in zip(spans, words, strict=True):
                cut = reader.tokenise(start, end)
                found = cut.records()
                assert (found, cut.clauses()) == (expected, clauses.clause_spans(expected, starts))
                assert all(type(token) is Token for token in found)
            for needed in _NEEDED:
                for (start, end), expected in zip(spans, words, strict=True):
                    assert reader.tokenise(start, end).marks(needed) == [
                        i for i, t in enumerate(expected) if needed(t.normal)
                    ]
    python, compiled = clauses._Reader(text), clauses._reader(text)
    for start, end in spans:
        ours, theirs = python.tokenise(start, end), compiled.tokenise(start, end)
        assert (ours.records(), ours.clauses()) == (theirs.records(), theirs.clauses())
        assert ours.marks(_NEEDED[0]) == theirs.marks(_NEEDED[0])


@pytest.mark.parametrize("joined", [slots.MAX_COMPOUND, slots.MAX_COMPOUND + 1])
def test_a_run_of_joined_words_is_a_compound_only_when_short(core, joined: int) -> None:  # type: ignore[no-untyped-def]
    """A run of words joined by full stops (initials run together) longer than any compound
    leaves its words apart, so a run of any length costs its length, not its square."""
    view = "नई दिल्ली " + ".".join(["क"] * joined) + " में"
    texts, starts, _ = tokenize.python_words(view)
    words, slot_of = slots.python_layout(view, texts, starts, {})
    assert core.slot_layout(view, texts, starts, {}) == (words, slot_of)
    run = [word for word in words if word and word.startswith("क")]
    if joined <= slots.MAX_COMPOUND:
        assert run[0] == ".".join(["क"] * joined) and len(run) == joined
    else:
        assert run == ["क"] * joined


def _same_slots(core, text: str) -> None:  # type: ignore[no-untyped-def]
    texts, starts, _ = tokenize.python_words(text)
    for respelt in ({}, {word: word[::-1] for word in texts[::3]}):
        layout = slots.python_layout(text, texts, starts, respelt)
        assert core.slot_layout(text, texts, starts, respelt) == layout
    assert (texts, starts) == tokenize.python_words(text)[:2]  # the layout wrote into neither
    # the clause facts of the words (made-up bytes: any low byte, a high byte of 0, 1 or 2)
    slot_of = slots.python_layout(text, texts, starts, {})[1]
    facts = {word: bytes([sum(map(ord, word)) % 256, len(word) % 3]) for word in texts}
    for nouns in (clause_facts._NOUNS, 0xFF, 0):
        found = core.word_facts(texts, facts, slot_of, nouns)
        assert found == clause_facts.python_word_facts(texts, facts, slot_of, nouns)
    # the sentences kept: the facts of their words and their compounds
    bytes_ = core.word_facts(texts, facts, slot_of, 0)
    sentences = [*tokenize.python_sentences(text), (0, len(text)), (3, 9), (len(text) + 2, len(text) + 5)]
    for accept in (clause_facts.MAY_DISAGREE, bytes(256), bytes(range(256))):
        assert core.kept_spans(text, bytes_, starts, sentences, accept) == clause_facts.python_kept_spans(
            text, bytes_, starts, sentences, accept
        )


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(0, 90), st.integers(0, 90))
def test_random_copy(text: str, start: int, end: int) -> None:
    core = _core()
    _same_words(core, text)
    _same_blocks(core, text)
    _same_span_tokens(core, text, [(0, len(text)), (start, end)])
    _same_slots(core, text)
    if start <= end <= len(text):
        _same_clauses(core, text, [(0, len(text)), (start, end)])


#: Words and what may stand between them: spaces, joiners, the abbreviation sign, line
#: breaks, punctuation, numbers, Latin words.
SLOTTED = st.lists(
    st.sampled_from(
        [
            "कविता",
            "संग्रह",
            "के",
            "नये",
            "एम",
            "abc",
            "१२",
            " ",
            "  ",
            "-",
            "–",
            ".",
            "॰",
            "॰ ",
            "\n",
            ", ",
            " - ",
            "\u00a0",
            "\t",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(SLOTTED)
def test_slots_of_words_and_gaps(text: str) -> None:
    _same_slots(_core(), text)


def test_slots_of_a_word_outside_the_view_are_refused(core) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="outside the view"):
        core.slot_layout("क ख", ["क", "खग"], [0, 2], {})
    with pytest.raises(ValueError, match="a start for every word"):
        core.slot_layout("क ख", ["क", "ख"], [0], {})
    with pytest.raises(ValueError, match="a slot for every word"):
        core.word_facts(["क"], {"क": b"\1\0"}, [], 0)
    with pytest.raises(KeyError):
        core.word_facts(["क"], {}, [1], 0)


def test_the_clause_reader_reads_sentences_as_the_clause_rules_do(core) -> None:  # type: ignore[no-untyped-def]
    text = "वह घर गया, कि जब तक वे 1935 में आए। राम-श्याम abc मिले; तो ठीक"
    _same_clauses(core, text, [(0, 0), (0, 5), *tokenize.python_sentences(text), (0, len(text))])
    reader = core.ClauseReader(text, core.TokenTable(Token, str.casefold, frozenset()))
    with pytest.raises(ValueError, match="outside the view"):
        reader.tokenise(3, len(text) + 1)
    with pytest.raises(ValueError, match="outside the view"):
        reader.tokenise(5, 3)
    with pytest.raises(TypeError):
        core.TokenTable(list, str.casefold, frozenset())


def test_the_token_table_serves_threads_and_many_tests(core) -> None:  # type: ignore[no-untyped-def]
    """Readers of several documents in threads share one table; past the tests it keeps
    verdicts for, a test is asked every time and still answers right."""
    table = core.TokenTable(Token, str.casefold, clauses._CLAUSE_STARTS)
    texts = [f"वह {n} घर गया, कि जब तक वे आए। राम-श्याम abc मिले क{'ा' * (n % 3)}" for n in range(40)]
    tests = [lambda word, n=n: len(word) % (n % 5 + 2) == 0 for n in range(40)]

    def read(n: int) -> bool:
        text = texts[n]
        spans = tokenize.python_sentences(text)
        reader = core.ClauseReader(text, table)
        for start, end in spans:
            expected = tokenize.python_span_tokens(text, start, end, Token, str.casefold)
            cut = reader.tokenise(start, end)
            assert (cut.records(), cut.clauses()) == (expected, clauses.clause_spans(expected))
            for test in tests:
                assert cut.marks(test) == [i for i, t in enumerate(expected) if test(t.normal)]
        return True

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(read, range(len(texts))))


# Every code point, in order (adjacent ones run together into long words and runs of marks).
EVERY = "".join(map(chr, range(sys.maxunicode + 1)))


def test_every_code_point_is_classed_as_in_python(core) -> None:  # type: ignore[no-untyped-def]
    classes = core.char_classes(EVERY)
    python = {
        core.WORD: regex.compile(r"[\p{L}\p{M}\u200c\u200d]"),
        core.DIGIT: regex.compile(r"\p{Nd}"),
        core.SPACE: regex.compile(r"\s"),
        core.UPPER: regex.compile(r"\p{Lu}"),
    }
    for bit, pattern in python.items():
        assert [i for i, c in enumerate(classes) if c & bit] == [m.start() for m in pattern.finditer(EVERY)]
    assert [i for i, c in enumerate(classes) if c & core.STRIP] == [
        i for i, c in enumerate(EVERY) if c.isspace()
    ]


def test_code_points_between_words(core) -> None:  # type: ignore[no-untyped-def]
    """Code points (Latin, Devanagari, punctuation and every 23rd of the rest) alone, then
    beside a Devanagari word and a full stop."""
    chosen = "".join(sorted(set(EVERY[:0x1000] + EVERY[0x2000:0x2070] + EVERY[::23])))
    for text in ("\n".join(chosen), " क.".join(chosen), "\u0915".join(chosen)):
        _same_words(core, text)
        _same_blocks(core, text)
        _same_span_tokens(core, text, [(0, len(text))])
        _same_slots(core, text)


def _corpus_documents() -> list[Path]:
    news = SHARED_DATA / "hindi-news-covid2020" / "corpus"
    documents = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    if news.is_dir():
        documents += sorted(news.rglob("*.txt"))[::5]
    for lines in ("flores200-hindi", "ud-hindi-pud", "indicgec2025-hindi", "hiwikiedits-hi-gec"):
        folder = SHARED_DATA / lines
        if folder.is_dir():
            documents += sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".tsv", ".jsonl"))[:3]
    return documents


def test_corpora(core) -> None:  # type: ignore[no-untyped-def]
    documents = _corpus_documents()
    # the fixture articles always; the shared corpora add about a hundred files where present
    assert len(documents) > (5 if SHARED_DATA.is_dir() else 1)
    for path in documents:
        text = path.read_text(encoding="utf-8", errors="replace")
        _same_words(core, text)
        _same_blocks(core, text)
        _same_span_tokens(core, text, tokenize.python_sentences(text))
        _same_slots(core, text)
        _same_clauses(core, text, tokenize.python_sentences(text))


def test_the_core_is_used_when_built(core) -> None:  # type: ignore[no-untyped-def]
    assert tokenize.words is core.words
    assert tokenize.sentences is core.sentences
    assert tokenize.span_tokens is core.span_tokens
    assert slots.layout is core.slot_layout
    assert clause_facts.word_facts is core.word_facts
    assert clause_facts.kept_spans is core.kept_spans


def _python(code: str, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


PATH_USED = (
    "from qa.text import native, slots, tokenize; "
    "print(native.core is None, tokenize.words is tokenize.python_words, "
    "tokenize.sentences is tokenize.python_sentences, "
    "tokenize.span_tokens is tokenize.python_span_tokens, slots.layout is slots.python_layout); "
    "from qa.checks import clause_facts; print(clause_facts.word_facts is clause_facts.python_word_facts, "
    "clause_facts.kept_spans is clause_facts.python_kept_spans)"
)


def test_python_path_when_the_extension_is_missing() -> None:
    assert (
        _python("import sys; sys.modules['qa_core'] = None; " + PATH_USED)
        == "True True True True True\nTrue True"
    )


def test_qa_pure_forces_the_python_path() -> None:
    assert _python(PATH_USED, QA_PURE="1") == "True True True True True\nTrue True"


def test_cli_reports_the_same_either_way(core) -> None:  # type: ignore[no-untyped-def]
    """The whole report, byte for byte, on the compiled core and on Python."""
    args = [sys.executable, "-m", "qa.cli", "check", "--format", "json", "--no-cache", "--exit-zero"]
    args += [str(SEED), *map(str, sorted((ROOT / "fixtures" / "articles").glob("*.txt"))[:6])]
    reports = [
        subprocess.run(args, capture_output=True, cwd=ROOT, env={**os.environ, "QA_PURE": pure}, timeout=120)
        for pure in ("", "1")
    ]
    assert reports[0].returncode == reports[1].returncode == 0, reports[0].stderr
    assert reports[0].stdout == reports[1].stdout
    assert b'"code"' in reports[0].stdout


def _make_core(tmp_path: Path, path: str, *goal: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``make core`` (or ``goal``) into a fresh venv without pip, so that a build there fails
    for real."""
    venv = tmp_path / "venv"
    if not venv.exists():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    environment = {**{k: v for k, v in os.environ.items() if k != "QA_PURE"}, "PATH": path, **env}
    return subprocess.run(
        ["make", "-s", "-C", str(ROOT), *(goal or ["core"]), f"VENV={venv}"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


@pytest.fixture
def tools(tmp_path: Path) -> Path:
    """A PATH folder with make, a shell and touch but no cargo."""
    folder = tmp_path / "tools"
    folder.mkdir()
    for tool in ("make", "sh", "touch"):
        if (found := shutil.which(tool)) is None:
            pytest.skip(f"{tool} is not installed")
        (folder / tool).symlink_to(found)
    return folder


def test_make_without_cargo_builds_nothing_and_says_nothing(tmp_path: Path, tools: Path) -> None:
    done = _make_core(tmp_path, str(tools))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert not (tmp_path / "venv" / "core-build.log").exists()


def test_a_failed_build_is_one_line_and_not_an_error(tmp_path: Path, tools: Path) -> None:
    (tools / "cargo").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    (tools / "cargo").chmod(0o755)
    done = _make_core(tmp_path, str(tools))
    assert done.returncode == 0, done.stderr
    log = tmp_path / "venv" / "core-build.log"
    assert done.stdout.splitlines() == [
        f"qa: the compiled core did not build (see {log}); qa runs on its Python code"
    ]
    assert "No module named pip" in log.read_text(encoding="utf-8")
    assert _make_core(tmp_path, str(tools), QA_PURE="1").stdout == ""  # QA_PURE: not even tried


def test_demo_and_test_build_the_core_again_only_when_its_sources_change(tmp_path: Path, tools: Path) -> None:
    """``make demo`` and ``make test`` need the venv's ``.core`` stamp: made by a build
    attempt, remade when a file of core/ is newer; without cargo or with QA_PURE, never
    (nothing is recorded, so a make after cargo is installed builds)."""
    stamp, failed = tmp_path / "venv" / ".core", "qa: the compiled core did not build"
    assert _make_core(tmp_path, str(tools), str(stamp)).stdout == ""  # no cargo
    assert not stamp.exists()
    (tools / "cargo").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    (tools / "cargo").chmod(0o755)
    assert _make_core(tmp_path, str(tools), str(stamp), QA_PURE="1").stdout == ""
    assert not stamp.exists()
    assert _make_core(tmp_path, str(tools), str(stamp)).stdout.startswith(failed)  # tried, and recorded
    assert stamp.exists()
    assert _make_core(tmp_path, str(tools), str(stamp)).stdout == ""  # core/ is unchanged since
    for goal in ("demo", "test"):  # what make would run (-n), the build included if it is due
        assert "./core" not in _make_core(tmp_path, str(tools), "-n", goal).stdout
    os.utime(stamp, (0, 0))  # every file of core/ is newer than the last attempt
    for goal in ("demo", "test"):
        assert "./core" in _make_core(tmp_path, str(tools), "-n", goal).stdout
    assert _make_core(tmp_path, str(tools), str(stamp)).stdout.startswith(failed)


def test_parallel_make_never_builds_the_core_beside_an_install(tmp_path: Path, tools: Path) -> None:
    """``make -j test``: the core's pip install waits for the project's install in the same
    venv (here that install fails, for want of pip, so the core is never tried)."""
    (tools / "cargo").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    (tools / "cargo").chmod(0o755)
    done = _make_core(tmp_path, str(tools), "-j4", "test")
    assert done.returncode != 0 and "No module named pip" in done.stderr
    assert not (tmp_path / "venv" / "core-build.log").exists()


def test_an_extension_of_another_version_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "qa_core_elsewhere.py").write_text("__version__ = '0.0.1'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert native.load("qa_core_elsewhere") is None
    assert native.load("qa_core_nowhere") is None


def test_the_built_extension_is_this_version(core) -> None:  # type: ignore[no-untyped-def]
    assert core.__version__ == native.VERSION
