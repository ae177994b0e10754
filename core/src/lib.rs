//! The compiled core of qa: the hot paths of `qa/text/tokenize.py`, character for character.
//!
//! Offsets are Python string indices (code points). The Python functions stay the reference;
//! every function here returns exactly what its namesake there returns.

use std::collections::hash_map::Entry;
use std::os::raw::c_void;
use std::sync::OnceLock;

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::string::PyStringData;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple, PyType};
use rustc_hash::FxHashMap;

mod clause;
mod layout;
mod reader;
mod segment;
mod span;
mod tables;

use tables::{DIGIT, SPACE, STRIP, UPPER, WORD};

/// The flags of every code point of the Basic Multilingual Plane, built once from the runs.
fn bmp() -> &'static [u8] {
    static BMP: OnceLock<Vec<u8>> = OnceLock::new();
    BMP.get_or_init(|| (0..0x10000).map(flags_of_run).collect())
}

fn flags_of_run(code: u32) -> u8 {
    let at = tables::RUNS.partition_point(|&(first, _)| first <= code);
    tables::RUNS[at - 1].1
}

/// The character classes (`tables::WORD` …) of one code point.
#[inline]
pub(crate) fn flags(code: u32) -> u8 {
    match bmp().get(code as usize) {
        Some(&found) => found,
        None => flags_of_run(code),
    }
}

#[inline]
pub(crate) fn is(code: u32, class: u8) -> bool {
    flags(code) & class != 0
}

/// The code points of a Python string.
pub(crate) fn code_points(text: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    code_points_in(text, 0, usize::MAX)
}

/// The code points of `text[start:end]` (clamped as slicing clamps).
fn code_points_in(text: &Bound<'_, PyString>, start: usize, end: usize) -> PyResult<Vec<u32>> {
    fn cut<T: Copy + Into<u32>>(s: &[T], start: usize, end: usize) -> Vec<u32> {
        let end = end.min(s.len());
        s[start.min(end)..end].iter().map(|&c| c.into()).collect()
    }
    // SAFETY: the data is read at once, while `text` is borrowed and so alive.
    let data = unsafe { text.data()? };
    Ok(match data {
        PyStringData::Ucs1(s) => cut(s, start, end),
        PyStringData::Ucs2(s) => cut(s, start, end),
        PyStringData::Ucs4(s) => cut(s, start, end),
    })
}

/// A Python string of code points (lone surrogates included, as Python allows them).
pub(crate) fn new_string<'py>(py: Python<'py>, chars: &[u32]) -> PyResult<Bound<'py, PyAny>> {
    let size = ffi::Py_ssize_t::try_from(chars.len())
        .map_err(|_| PyValueError::new_err("text too long"))?;
    // SAFETY: the buffer holds `size` UCS-4 code points; CPython copies them.
    unsafe {
        let made = ffi::PyUnicode_FromKindAndData(
            ffi::PyUnicode_4BYTE_KIND as _,
            chars.as_ptr() as *const c_void,
            size,
        );
        Bound::from_owned_ptr_or_err(py, made)
    }
}

/// Offsets packed as `tokenize.words` packs them (an `array('I')`, read as one buffer), or
/// any sequence of ints.
fn offsets(values: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    match PyBuffer::<u32>::get(values) {
        Ok(packed) => Ok(packed
            .to_vec(values.py())?
            .into_iter()
            .map(|v| v as usize)
            .collect()),
        Err(_) => values.extract(),
    }
}

fn pairs<'py>(py: Python<'py>, spans: &[(usize, usize)]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, spans.iter().map(|&(start, end)| (start, end)))
}

/// `tokenize.words`: each run of word characters as (the words, where each starts, each
/// distinct word with the offsets where it starts); a word that recurs is one string object,
/// and the offsets are `array('I')`s (no int object per offset: they held 15 MB of a 5 MB
/// document).
#[pyfunction]
fn words<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let chars = code_points(text)?;
    if u32::try_from(chars.len()).is_err() {
        return Err(PyValueError::new_err("text too long"));
    }
    let mut seen: FxHashMap<&[u32], (Bound<'py, PyAny>, Vec<u32>)> = FxHashMap::default();
    let mut order: Vec<&[u32]> = Vec::new(); // the distinct words, in the order first met
    let mut texts: Vec<Bound<'py, PyAny>> = Vec::new();
    let mut starts: Vec<u32> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if !is(chars[at], WORD) {
            at += 1;
            continue;
        }
        let start = at;
        while at < chars.len() && is(chars[at], WORD) {
            at += 1;
        }
        let key = &chars[start..at];
        let entry = match seen.entry(key) {
            Entry::Occupied(found) => found.into_mut(),
            Entry::Vacant(new) => {
                order.push(key);
                new.insert((new_string(py, key)?, Vec::new()))
            }
        };
        entry.1.push(start as u32);
        texts.push(entry.0.clone());
        starts.push(start as u32);
    }
    let array = py
        .import(intern!(py, "array"))?
        .getattr(intern!(py, "array"))?;
    let offsets = |values: &[u32]| {
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_ne_bytes()).collect();
        array.call1((intern!(py, "I"), PyBytes::new(py, &bytes)))
    };
    let index = PyDict::new(py);
    for key in order {
        let (word, found) = &seen[key];
        index.set_item(word, offsets(found)?)?;
    }
    Ok((PyList::new(py, texts)?, offsets(&starts)?, index))
}

/// `tokenize.paragraphs`: (start, end) of the blocks between blank lines.
#[pyfunction]
fn paragraphs<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
    pairs(py, &segment::paragraphs(&code_points(text)?))
}

/// `tokenize.sentences`: (start, end) of each sentence, within `blocks` (the paragraphs when
/// they are not given).
#[pyfunction]
#[pyo3(signature = (text, blocks=None))]
fn sentences<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    blocks: Option<Vec<(usize, usize)>>,
) -> PyResult<Bound<'py, PyList>> {
    let chars = code_points(text)?;
    let blocks = blocks.unwrap_or_else(|| segment::paragraphs(&chars));
    if blocks
        .iter()
        .any(|&(start, end)| start > end || end > chars.len())
    {
        return Err(PyValueError::new_err("a block lies outside the text"));
    }
    pairs(py, &segment::sentences(&chars, &blocks))
}

/// `tokenize.span_tokens`: the tokens of `view[start:end]`, each a `record` (a tuple type) of
/// kind ("word", "number" or "other"), text, `spelling(text)`, start and end.
#[pyfunction]
fn span_tokens<'py>(
    py: Python<'py>,
    view: &Bound<'py, PyString>,
    start: usize,
    end: usize,
    record: &Bound<'py, PyType>,
    spelling: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    if !record.is_subclass_of::<PyTuple>()? {
        return Err(PyTypeError::new_err("record must be a tuple type"));
    }
    let chars = code_points_in(view, start, end)?;
    let kinds = [
        intern!(py, "word"),
        intern!(py, "number"),
        intern!(py, "other"),
    ];
    let mut found = Vec::new();
    for (kind, begin, finish) in span::tokens(&chars) {
        let text = new_string(py, &chars[begin..finish])?;
        let spelt = spelling.call1((&text,))?;
        let fields = [
            kinds[usize::from(kind)].clone().into_any(),
            text,
            spelt,
            (start + begin).into_pyobject(py)?.into_any(),
            (start + finish).into_pyobject(py)?.into_any(),
        ];
        found.push(new_record(py, record, fields)?);
    }
    PyList::new(py, found)
}

/// `slots.MAX_COMPOUND`: a longer run of joined words is no compound; its words stay apart.
const MAX_COMPOUND: usize = 16;

/// `slots.python_layout`: each slot's word (None for a break) and each word's slot, for the
/// words `words` of `view` (in order, each starting at its offset of `starts`); a word as
/// `respelt` spells it if it has it there, a compound as the view writes it from the word on.
#[pyfunction]
fn slot_layout<'py>(
    py: Python<'py>,
    view: &Bound<'py, PyString>,
    words: &Bound<'py, PyList>,
    starts: &Bound<'py, PyAny>,
    respelt: &Bound<'py, PyDict>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
    let starts = offsets(starts)?;
    if starts.len() != words.len() {
        return Err(PyValueError::new_err("a start for every word"));
    }
    let chars = code_points(view)?;
    let mut texts = Vec::with_capacity(words.len());
    let mut bounds = Vec::with_capacity(words.len());
    for (text, start) in words.iter().zip(starts) {
        bounds.push((start, start + text.len()?));
        texts.push(text);
    }
    if bounds.iter().any(|&(_, end)| end > chars.len()) {
        return Err(PyValueError::new_err("a word lies outside the view"));
    }
    let links = layout::links(&chars, &bounds);
    let mut normals = Vec::with_capacity(texts.len());
    for text in texts {
        normals.push(if respelt.is_empty() {
            text
        } else {
            respelt.get_item(&text)?.unwrap_or(text)
        });
    }
    let mut k = 0;
    while k < normals.len() {
        if links[k] != layout::JOINED {
            k += 1;
            continue;
        }
        let last = k + links[k..]
            .iter()
            .take_while(|&&l| l == layout::JOINED)
            .count();
        if last - k < MAX_COMPOUND {
            for j in k..last {
                let compound = new_string(py, &chars[bounds[j].0..bounds[last].1])?;
                normals[j + 1] = compound.clone();
                normals[j] = compound;
            }
        }
        k = last;
    }
    let none = py.None().into_bound(py);
    let mut words = Vec::with_capacity(normals.len() * 9 / 8 + 2);
    let mut slot_of = Vec::with_capacity(normals.len());
    words.push(none.clone());
    for (normal, link) in normals.into_iter().zip(links) {
        slot_of.push(words.len());
        words.push(normal);
        if link == layout::BREAK {
            words.push(none.clone());
        }
    }
    Ok((PyList::new(py, words)?, PyList::new(py, slot_of)?))
}

/// `clause_facts.python_word_facts`: a byte per word of `words` (in order), the first of
/// its two bytes in `facts`, without the bits `nouns` where the next word's second byte is
/// 1 and the next slot (of `slots`, each word's) holds it.
#[pyfunction]
fn word_facts<'py>(
    py: Python<'py>,
    words: &Bound<'py, PyList>,
    facts: &Bound<'py, PyDict>,
    slots: Vec<usize>,
    nouns: u8,
) -> PyResult<Bound<'py, PyBytes>> {
    if slots.len() != words.len() {
        return Err(PyValueError::new_err("a slot for every word"));
    }
    let mut low = Vec::with_capacity(words.len());
    let mut high = Vec::with_capacity(words.len());
    for word in words.iter() {
        let found = facts
            .get_item(&word)?
            .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(word.unbind()))?;
        let bytes = found.cast_into::<PyBytes>()?;
        let &[first, second] = bytes.as_bytes() else {
            return Err(PyValueError::new_err("two bytes of facts a word"));
        };
        low.push(first);
        high.push(second);
    }
    for k in 1..low.len() {
        if high[k] == 1 && slots[k].checked_sub(slots[k - 1]) == Some(1) {
            low[k - 1] &= !nouns;
        }
    }
    Ok(PyBytes::new(py, &low))
}

/// `clause_facts.python_kept_spans`: the numbers of the `spans` of `view` whose words'
/// `facts` (a byte per word, the words starting at `starts`) OR-ed together `accept`
/// has a nonzero byte for, or that hold a compound the word list splits (`_JOINER`: a
/// joiner before a Devanagari letter within the span, or the abbreviation sign).
#[pyfunction]
fn kept_spans<'py>(
    py: Python<'py>,
    view: &Bound<'py, PyString>,
    facts: &Bound<'py, PyBytes>,
    starts: &Bound<'py, PyAny>,
    spans: Vec<(usize, usize)>,
    accept: &Bound<'py, PyBytes>,
) -> PyResult<Bound<'py, PyList>> {
    let starts = offsets(starts)?;
    let (facts, accept) = (facts.as_bytes(), accept.as_bytes());
    if accept.len() != 256 || facts.len() < starts.len() {
        return Err(PyValueError::new_err(
            "a byte of facts a word and 256 answers",
        ));
    }
    let chars = code_points(view)?;
    let mut kept = Vec::new();
    for (number, &(start, end)) in spans.iter().enumerate() {
        let (first, last) = (
            starts.partition_point(|&at| at < start),
            starts.partition_point(|&at| at < end),
        );
        let bits = facts[first..last.max(first)]
            .iter()
            .fold(0, |all, &bits| all | bits);
        let span = chars.get(start..end.min(chars.len())).unwrap_or(&[]);
        if accept[usize::from(bits)] != 0 || layout::splits_compound(span) {
            kept.push(number);
        }
    }
    PyList::new(py, kept)
}

/// `tuple.__new__(record, fields)` without the call: what CPython's tuple_subtype_new does.
pub(crate) fn new_record<'py, const N: usize>(
    py: Python<'py>,
    record: &Bound<'py, PyType>,
    fields: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyAny>> {
    let size =
        ffi::Py_ssize_t::try_from(N).map_err(|_| PyValueError::new_err("too many fields"))?;
    // SAFETY: `record` is a subclass of tuple (checked by the caller), so its tp_alloc makes a
    // tuple of `size` empty items, each of which is then given one owned reference.
    unsafe {
        let kind = record.as_type_ptr();
        let alloc = (*kind).tp_alloc.unwrap_or(ffi::PyType_GenericAlloc);
        let made = Bound::from_owned_ptr_or_err(py, alloc(kind, size))?;
        for (at, field) in (0..).zip(fields) {
            ffi::PyTuple_SET_ITEM(made.as_ptr(), at, field.into_ptr());
        }
        Ok(made)
    }
}

/// The classes of each character of `text` (bits `WORD`, `DIGIT` …), for the tests that
/// compare the table with the Python side's.
#[pyfunction]
fn char_classes<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyBytes>> {
    let classes: Vec<u8> = code_points(text)?.into_iter().map(flags).collect();
    Ok(PyBytes::new(py, &classes))
}

#[pymodule]
fn qa_core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(words, module)?)?;
    module.add_function(wrap_pyfunction!(paragraphs, module)?)?;
    module.add_function(wrap_pyfunction!(sentences, module)?)?;
    module.add_function(wrap_pyfunction!(span_tokens, module)?)?;
    module.add_function(wrap_pyfunction!(slot_layout, module)?)?;
    module.add_function(wrap_pyfunction!(word_facts, module)?)?;
    module.add_function(wrap_pyfunction!(kept_spans, module)?)?;
    module.add_class::<reader::ClauseReader>()?;
    module.add_class::<reader::TokenTable>()?;
    module.add_class::<reader::SentenceTokens>()?;
    module.add_function(wrap_pyfunction!(char_classes, module)?)?;
    module.add_function(wrap_pyfunction!(clause::verb_starts, module)?)?;
    let classes = PyDict::new(module.py());
    for (name, bit) in clause::WORD_CLASSES {
        classes.set_item(name, bit)?;
    }
    module.add("WORD_CLASSES", classes)?;
    for (name, class) in [
        ("WORD", WORD),
        ("DIGIT", DIGIT),
        ("SPACE", SPACE),
        ("STRIP", STRIP),
        ("UPPER", UPPER),
    ] {
        module.add(name, class)?;
    }
    Ok(())
}
