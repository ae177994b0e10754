//! `clauses.Sentences`'s reading of one sentence, cut into tokens once: their records
//! (`tokenize.span_tokens`), the spans of its clauses (`clauses.clause_spans`), the tokens a
//! rule's test accepts and G020's clause readings, for a document whose sentences are read
//! one by one. A token text's string, spelling, the
//! tests' verdicts on it and its spelling's class (as the clause readings asked it) are kept
//! in a `TokenTable` that the readers of a process share, so that each is made once per
//! process, not once per document.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple, PyType};
use rustc_hash::FxHashMap;

use crate::clause::{read_all, Asks, Class, How, Subject, Tokens};
use crate::span::{self, OTHER};
use crate::{code_points, new_record, new_string};

/// How many token texts a table keeps; past it, it starts afresh (a server that runs for
/// months meets ever new words).
const MOST_TEXTS: usize = 1 << 18;
/// How many tests a table keeps verdicts for (two bits each in a `u64`); others are asked
/// every time.
const MOST_TESTS: usize = 32;

/// A token text: its string, its spelling, whether that spelling starts a clause after
/// it, and the verdicts of the table's tests on the spelling (for test `n`, bit `2n` says
/// it was asked, bit `2n + 1` what it said: set together, so no thread sees one without
/// the other).
struct Met {
    text: Py<PyAny>,
    spelt: Py<PyAny>,
    starts_clause: bool,
    verdicts: AtomicU64,
    /// the spelling's class, as the clause readings asked it (`clauses.word_class`)
    class: Class,
}

/// What the readers of one process share: the record type of a token, the spelling, the
/// words after which a clause starts, and every token text met so far.
#[pyclass(module = "qa_core", frozen)]
pub struct TokenTable {
    record: Py<PyType>,
    spelling: Py<PyAny>,
    clause_starts: Py<PyAny>,
    met: Mutex<FxHashMap<Vec<u32>, Arc<Met>>>,
    /// The tests `marks` was given, by number (kept, so that their addresses name them).
    tests: Mutex<Vec<Py<PyAny>>>,
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl TokenTable {
    /// The entry of each token text of `chars` at `spans`, made where missing (no lock is
    /// held while Python runs: the spelling and the clause starts are asked unlocked).
    fn entries(&self, py: Python<'_>, chars: &[u32], spans: &[Span]) -> PyResult<Vec<Arc<Met>>> {
        let mut found: Vec<Option<Arc<Met>>> = {
            let met = locked(&self.met);
            spans
                .iter()
                .map(|&(_, begin, end)| met.get(&chars[begin..end]).cloned())
                .collect()
        };
        for (at, &(_, begin, end)) in spans.iter().enumerate() {
            if found[at].is_some() {
                continue;
            }
            let key = &chars[begin..end];
            let text = new_string(py, key)?;
            let spelt = self.spelling.bind(py).call1((&text,))?;
            let starts_clause = self.clause_starts.bind(py).contains(&spelt)?;
            let made = Arc::new(Met {
                text: text.unbind(),
                spelt: spelt.unbind(),
                starts_clause,
                verdicts: AtomicU64::new(0),
                class: Class::default(),
            });
            let mut met = locked(&self.met);
            if met.len() >= MOST_TEXTS {
                met.clear();
            }
            let entry = met.entry(key.to_vec()).or_insert(made).clone();
            drop(met);
            for later in at..spans.len() {
                let (_, b, e) = spans[later];
                if found[later].is_none() && chars[b..e] == *key {
                    found[later] = Some(entry.clone());
                }
            }
        }
        let mut entries = Vec::with_capacity(found.len()); // flatten's size hint is no help
        entries.extend(found.into_iter().flatten());
        Ok(entries)
    }

    /// The number of `test` among the table's tests, if it has one (or can take it).
    fn test_number(&self, test: &Bound<'_, PyAny>) -> Option<usize> {
        let mut tests = locked(&self.tests);
        if let Some(number) = tests.iter().position(|known| known.is(test)) {
            return Some(number);
        }
        (tests.len() < MOST_TESTS).then(|| {
            tests.push(test.clone().unbind());
            tests.len() - 1
        })
    }
}

#[pymethods]
impl TokenTable {
    #[new]
    fn new(
        record: &Bound<'_, PyType>,
        spelling: &Bound<'_, PyAny>,
        clause_starts: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        if !record.is_subclass_of::<PyTuple>()? {
            return Err(PyTypeError::new_err("record must be a tuple type"));
        }
        Ok(Self {
            record: record.clone().unbind(),
            spelling: spelling.clone().unbind(),
            clause_starts: clause_starts.clone().unbind(),
            met: Mutex::new(FxHashMap::default()),
            tests: Mutex::new(Vec::new()),
        })
    }
}

/// A token of a sentence: its kind, start and end in the view.
type Span = (u8, usize, usize);

/// The sentences of one view, read as `clauses.Sentences` reads them: `tokenise(start,
/// end)` cuts `view[start:end]` into its tokens once, and the `SentenceTokens` it returns
/// answers every question the clause rules ask of that sentence, with the record,
/// spelling and clause starts of `table`.
#[pyclass(module = "qa_core", frozen)]
pub struct ClauseReader {
    chars: Vec<u32>,
    table: Py<TokenTable>,
}

impl ClauseReader {
    /// The tokens (kind, start, end) of `view[start:end]`, offsets in the view.
    fn spans(&self, start: usize, end: usize) -> PyResult<Vec<Span>> {
        if start > end || end > self.chars.len() {
            return Err(PyValueError::new_err("the span lies outside the view"));
        }
        Ok(span::tokens(&self.chars[start..end])
            .into_iter()
            .map(|(kind, begin, finish)| (kind, start + begin, start + finish))
            .collect())
    }
}

#[pymethods]
impl ClauseReader {
    #[new]
    fn new(view: &Bound<'_, PyString>, table: &Bound<'_, TokenTable>) -> PyResult<Self> {
        Ok(Self {
            chars: code_points(view)?,
            table: table.clone().unbind(),
        })
    }

    /// The tokens of `view[start:end]` and their entries in the table.
    fn tokenise(&self, py: Python<'_>, start: usize, end: usize) -> PyResult<SentenceTokens> {
        let spans = self.spans(start, end)?;
        let entries = self.table.get().entries(py, &self.chars, &spans)?;
        Ok(SentenceTokens {
            spans,
            entries,
            table: self.table.clone_ref(py),
        })
    }
}

/// One sentence cut into tokens (`clauses._SentenceTokens` in Python): each token's kind,
/// start and end and its entry in the table, from which its record, its clauses, the
/// tokens a rule's test accepts and the clause readings are made without cutting it again.
#[pyclass(module = "qa_core", frozen)]
pub struct SentenceTokens {
    spans: Vec<Span>,
    entries: Vec<Arc<Met>>,
    table: Py<TokenTable>,
}

#[pymethods]
impl SentenceTokens {
    /// `span_tokens(view, start, end, record, spelling)` of the sentence: a record of each
    /// token, made anew at each call.
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let kinds = [
            intern!(py, "word"),
            intern!(py, "number"),
            intern!(py, "other"),
        ];
        let record = self.table.get().record.bind(py);
        let mut found = Vec::with_capacity(self.spans.len());
        for (&(kind, begin, finish), met) in self.spans.iter().zip(&self.entries) {
            let fields = [
                kinds[usize::from(kind)].clone().into_any(),
                met.text.bind(py).clone(),
                met.spelt.bind(py).clone(),
                begin.into_pyobject(py)?.into_any(),
                finish.into_pyobject(py)?.into_any(),
            ];
            found.push(new_record(py, record, fields)?);
        }
        PyList::new(py, found)
    }

    /// `clause_spans(records, clause_starts)`: the (start, end) of each clause.
    fn clauses(&self) -> Vec<(usize, usize)> {
        clause_spans(&self.spans, &self.entries)
    }

    /// The numbers of the tokens whose spelling `needed` accepts (is true of): `[i for i,
    /// token in enumerate(records) if needed(token.normal)]`. `needed` is asked once per
    /// spelling and process (for the first tests the table meets).
    fn marks(&self, py: Python<'_>, needed: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
        self.table.get().marked(py, &self.entries, needed)
    }

    /// `clauses.reaching` of the sentence: the clauses a word `needed` accepts stands in
    /// (before the punctuation after their start) read up to their verb group
    /// (`clause.verb_starts`, with the options and questions it takes); for each that
    /// reaches one, its start, the verb start, the subject, ने and a को object, without
    /// making the tokens' records.
    fn verb_starts<'py>(
        &self,
        py: Python<'py>,
        needed: &Bound<'py, PyAny>,
        how: How,
        asks: Asks<'py>,
    ) -> PyResult<Vec<Reached<'py>>> {
        let marks = self.marks(py, needed)?;
        let mut starts = Vec::new();
        let mut m = 0;
        for (begin, finish) in self.clauses() {
            while m < marks.len() && marks[m] < begin {
                m += 1;
            }
            if m == marks.len() {
                break;
            }
            if marks[m] < finish {
                starts.push(begin);
            }
        }
        if starts.is_empty() {
            return Ok(Vec::new());
        }
        let tokens = Tokens {
            kinds: self.spans.iter().map(|&(kind, _, _)| kind).collect(),
            texts: self
                .entries
                .iter()
                .map(|met| met.text.bind(py).clone())
                .collect(),
            normals: self
                .entries
                .iter()
                .map(|met| met.spelt.bind(py).clone())
                .collect(),
            cells: self.entries.iter().map(|met| &met.class).collect(),
        };
        let read = read_all(&tokens, &starts, how, asks)?;
        Ok(starts
            .into_iter()
            .zip(read)
            .filter_map(|(at, (_, verb, subject, ergative, object))| {
                verb.map(|verb| (at, verb, subject, ergative, object))
            })
            .collect())
    }
}

/// A clause that reached its verb: its start, the verb start, the subject, ने, a को object.
type Reached<'py> = (usize, usize, Option<Subject<'py>>, bool, bool);

/// `clauses.clause_spans` of tokens (kind, start, end) and their entries.
fn clause_spans(spans: &[Span], entries: &[Arc<Met>]) -> Vec<(usize, usize)> {
    let mut clauses: Vec<(usize, usize)> = Vec::new();
    let mut starts: Vec<usize> = Vec::new(); // the clause starts since the last punctuation
    let mut fresh = true; // the next word starts a clause
    for (number, (&(kind, _, _), met)) in spans.iter().zip(entries).enumerate() {
        if kind == OTHER {
            clauses.extend(starts.drain(..).map(|at| (at, number)));
            fresh = true;
        } else {
            if fresh {
                starts.push(number);
            }
            fresh = met.starts_clause;
        }
    }
    clauses.extend(starts.into_iter().map(|at| (at, spans.len())));
    clauses
}

impl TokenTable {
    /// The numbers of the `entries` whose spelling `needed` accepts, asked once per
    /// spelling and process (for the first tests the table meets).
    fn marked(
        &self,
        py: Python<'_>,
        entries: &[Arc<Met>],
        needed: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<usize>> {
        let number = self.test_number(needed);
        let mut found = Vec::new();
        for (at, met) in entries.iter().enumerate() {
            let (asked, said) = match number {
                Some(n) => (1u64 << (2 * n), 1u64 << (2 * n + 1)),
                None => (0, 0),
            };
            let known = met.verdicts.load(Ordering::Acquire);
            let verdict = if known & asked != 0 {
                known & said != 0
            } else {
                let verdict = needed.call1((met.spelt.bind(py),))?.is_truthy()?;
                met.verdicts
                    .fetch_or(asked | if verdict { said } else { 0 }, Ordering::AcqRel);
                verdict
            };
            if verdict {
                found.push(at);
            }
        }
        Ok(found)
    }
}
