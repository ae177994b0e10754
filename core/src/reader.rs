//! `clauses.Sentences`'s reading of one sentence: its tokens (`tokenize.span_tokens`) and
//! the spans of its clauses (`clauses.clause_spans`), for a document whose sentences are
//! read one by one, each at most once. A token's text and spelling are made once per
//! document and shared by every token of that text.

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple, PyType};
use rustc_hash::FxHashMap;

use crate::span::{self, OTHER};
use crate::{code_points, new_record, new_string};

/// A token's text, its spelling, whether that spelling starts a clause after it, and what
/// each test `marks` was given said of the spelling (the test is kept, so that its address
/// names it while the entry lives).
struct Met {
    text: Py<PyAny>,
    spelt: Py<PyAny>,
    starts_clause: bool,
    verdicts: Vec<(Py<PyAny>, bool)>,
}

/// The sentences of one view, read as `clauses.Sentences` reads them: `read(start, end)`
/// returns what `(span_tokens(view, start, end, record, spelling),
/// clause_spans(tokens))` returns, the words after which a clause starts being
/// `clause_starts` (a container of spellings).
#[pyclass(module = "qa_core")]
pub struct ClauseReader {
    chars: Vec<u32>,
    record: Py<PyType>,
    spelling: Py<PyAny>,
    clause_starts: Py<PyAny>,
    met: FxHashMap<Vec<u32>, Met>,
}

#[pymethods]
impl ClauseReader {
    #[new]
    fn new(
        view: &Bound<'_, PyString>,
        record: &Bound<'_, PyType>,
        spelling: &Bound<'_, PyAny>,
        clause_starts: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        if !record.is_subclass_of::<PyTuple>()? {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "record must be a tuple type",
            ));
        }
        Ok(Self {
            chars: code_points(view)?,
            record: record.clone().unbind(),
            spelling: spelling.clone().unbind(),
            clause_starts: clause_starts.clone().unbind(),
            met: FxHashMap::default(),
        })
    }

    /// The tokens of `view[start:end]` and the (start, end) of each clause among them.
    fn read<'py>(
        &mut self,
        py: Python<'py>,
        start: usize,
        end: usize,
    ) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
        if start > end || end > self.chars.len() {
            return Err(PyValueError::new_err("the span lies outside the view"));
        }
        let kinds = [
            intern!(py, "word"),
            intern!(py, "number"),
            intern!(py, "other"),
        ];
        let record = self.record.bind(py);
        let mut found = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut starts: Vec<usize> = Vec::new(); // the clause starts since the last punctuation
        let mut fresh = true; // the next word starts a clause
        for (number, (kind, begin, finish)) in span::tokens(&self.chars[start..end])
            .into_iter()
            .enumerate()
        {
            let key = &self.chars[start + begin..start + finish];
            let met = match self.met.get(key) {
                Some(met) => met,
                None => {
                    let text = new_string(py, key)?;
                    let spelt = self.spelling.bind(py).call1((&text,))?;
                    let starts_clause = self.clause_starts.bind(py).contains(&spelt)?;
                    let met = Met {
                        text: text.unbind(),
                        spelt: spelt.unbind(),
                        starts_clause,
                        verdicts: Vec::new(),
                    };
                    self.met.entry(key.to_vec()).or_insert(met)
                }
            };
            if kind == OTHER {
                spans.extend(starts.drain(..).map(|at| (at, number)));
                fresh = true;
            } else {
                if fresh {
                    starts.push(number);
                }
                fresh = met.starts_clause;
            }
            let fields = [
                kinds[usize::from(kind)].clone().into_any(),
                met.text.bind(py).clone(),
                met.spelt.bind(py).clone(),
                (start + begin).into_pyobject(py)?.into_any(),
                (start + finish).into_pyobject(py)?.into_any(),
            ];
            found.push(new_record(py, record, fields)?);
        }
        let count = found.len();
        spans.extend(starts.into_iter().map(|at| (at, count)));
        Ok((PyList::new(py, found)?, PyList::new(py, spans)?))
    }

    /// The numbers of the tokens of `view[start:end]` whose spelling `needed` accepts (is
    /// true of): `[i for i, token in enumerate(tokens) if needed(token.normal)]` for the
    /// tokens `read(start, end)` returns. `needed` is asked once per spelling and reader.
    fn marks<'py>(
        &mut self,
        py: Python<'py>,
        start: usize,
        end: usize,
        needed: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        if start > end || end > self.chars.len() {
            return Err(PyValueError::new_err("the span lies outside the view"));
        }
        let mut found = Vec::new();
        for (number, (_, begin, finish)) in span::tokens(&self.chars[start..end])
            .into_iter()
            .enumerate()
        {
            let key = &self.chars[start + begin..start + finish];
            let Some(met) = self.met.get_mut(key) else {
                return Err(PyValueError::new_err("marks of a span not read"));
            };
            let known = met
                .verdicts
                .iter()
                .find(|(test, _)| test.is(needed))
                .map(|&(_, verdict)| verdict);
            let verdict = match known {
                Some(verdict) => verdict,
                None => {
                    let verdict = needed.call1((met.spelt.bind(py),))?.is_truthy()?;
                    met.verdicts.push((needed.clone().unbind(), verdict));
                    verdict
                }
            };
            if verdict {
                found.push(number);
            }
        }
        PyList::new(py, found)
    }
}
