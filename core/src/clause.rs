//! `clauses.Clause.verb_start`: a clause read from its start up to its verb group, the
//! subject taken on the way. The Python method stays the reference; this one reads the
//! same tokens to the same end. What it asks of a word alone comes as the bits of its
//! class (`clauses.word_class`, by the names of `WORD_CLASSES`), each test asked once per
//! spelling and process, when the reading first needs it, and kept with the token's entry
//! in the reader's table (a look-up in the classes' dict and a 128-bit int's conversion
//! per token otherwise); what depends on the document or the genders table (a noun's gender, a dated
//! genitive, whether the counts know a word) it asks the clause, as the Python does.

use std::sync::atomic::{AtomicU64, Ordering};

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::span::{NUMBER, OTHER, WORD};

/// The bits of a word's class, by the name `clauses.word_class` gives each test.
pub const WORD_CLASSES: [(&str, u64); 42] = [
    ("plain", PLAIN),
    ("marked", MARKED),
    ("dative", DATIVE),
    ("ergative", ERGATIVE),
    ("ne_ko", NE_KO),
    ("stops", STOPS),
    ("demonstrative", DEMONSTRATIVE),
    ("modifier", MODIFIER),
    ("agreeing", AGREEING),
    ("genitive", GENITIVE),
    ("hua", HUA),
    ("era", ERA),
    ("wala", WALA),
    ("postposition", POSTPOSITION),
    ("postposition_noun", POSTPOSITION_NOUN),
    ("before_postposition_noun", BEFORE_POSTPOSITION_NOUN),
    ("adverb", ADVERB),
    ("predicate", PREDICATE),
    ("time_noun", TIME_NOUN),
    ("verb", VERB),
    ("may_be_root", MAY_BE_ROOT),
    ("after_bare_root", AFTER_BARE_ROOT),
    ("copula", COPULA),
    ("infinitive", INFINITIVE),
    ("candidate", CANDIDATE),
    ("before_verb", BEFORE_VERB),
    ("after_verb", AFTER_VERB),
    ("direct_form", DIRECT_FORM),
    ("day", DAY),
    ("time_of_day", TIME_OF_DAY),
    ("genitive_adverb", GENITIVE_ADVERB),
    ("noun_follows", NOUN_FOLLOWS),
    ("this_that", THIS_THAT),
    ("ka", KA),
    ("ki", KI),
    ("conjunctive", CONJUNCTIVE),
    ("number_word", NUMBER_WORD),
    ("complement", COMPLEMENT),
    ("manner", MANNER),
    ("se", SE),
    ("participle", PARTICIPLE),
    ("wala_form", WALA_FORM),
];

const PLAIN: u64 = 1;
const MARKED: u64 = 1 << 1;
const DATIVE: u64 = 1 << 2;
const ERGATIVE: u64 = 1 << 3;
const NE_KO: u64 = 1 << 4;
const STOPS: u64 = 1 << 5;
const DEMONSTRATIVE: u64 = 1 << 6;
const MODIFIER: u64 = 1 << 7;
const AGREEING: u64 = 1 << 8;
const GENITIVE: u64 = 1 << 9;
const HUA: u64 = 1 << 10;
const ERA: u64 = 1 << 11;
const WALA: u64 = 1 << 12;
const POSTPOSITION: u64 = 1 << 13;
const POSTPOSITION_NOUN: u64 = 1 << 14;
const BEFORE_POSTPOSITION_NOUN: u64 = 1 << 15;
const ADVERB: u64 = 1 << 16;
const PREDICATE: u64 = 1 << 17;
const TIME_NOUN: u64 = 1 << 18;
const VERB: u64 = 1 << 19;
const MAY_BE_ROOT: u64 = 1 << 20;
const AFTER_BARE_ROOT: u64 = 1 << 21;
const COPULA: u64 = 1 << 22;
const INFINITIVE: u64 = 1 << 23;
const CANDIDATE: u64 = 1 << 24;
const BEFORE_VERB: u64 = 1 << 25;
const AFTER_VERB: u64 = 1 << 26;
const DIRECT_FORM: u64 = 1 << 27;
const DAY: u64 = 1 << 28;
const TIME_OF_DAY: u64 = 1 << 29;
const GENITIVE_ADVERB: u64 = 1 << 30;
const NOUN_FOLLOWS: u64 = 1 << 31;
const THIS_THAT: u64 = 1 << 32;
const KA: u64 = 1 << 33;
const KI: u64 = 1 << 34;
const CONJUNCTIVE: u64 = 1 << 35;
const NUMBER_WORD: u64 = 1 << 36;
const COMPLEMENT: u64 = 1 << 37;
const MANNER: u64 = 1 << 38;
const SE: u64 = 1 << 39;
const PARTICIPLE: u64 = 1 << 40;
const WALA_FORM: u64 = 1 << 41;

/// A kind that is none of the tokeniser's three.
const STRANGE: u8 = 3;

/// Why a reading stopped short: the clause is not one the rule can read (`clauses.Abort`),
/// or Python raised.
enum Stop {
    Abort,
    Raised(PyErr),
}

impl From<PyErr> for Stop {
    fn from(err: PyErr) -> Self {
        Stop::Raised(err)
    }
}

type Step<T> = Result<T, Stop>;

/// What the clause asks its Python side (`clauses._questions`): each spelling's class
/// kept so far, the function that completes one (`classify(word, wanted)`), a subject's
/// noun (`subject_noun(text, word)`), a dated genitive (`dated_genitive(before, word,
/// after)`) and a word's noun in the genders table (`noun(word)`).
#[derive(FromPyObject)]
pub struct Asks<'py> {
    #[pyo3(item(0))]
    classes: Bound<'py, PyDict>,
    #[pyo3(item(1))]
    classify: Bound<'py, PyAny>,
    #[pyo3(item(2))]
    subject_noun: Bound<'py, PyAny>,
    #[pyo3(item(3))]
    dated_genitive: Bound<'py, PyAny>,
    #[pyo3(item(4))]
    noun: Bound<'py, PyAny>,
}

/// How a clause reads (`clauses._how`): the class bit of the words it reads as markers
/// (`marked`: ने, को …; `dative`: को …), whether it reads ने and को as postpositions
/// (`marked`), and whether है alone ends the reading (`copula`).
pub type How = (u64, bool, bool);

/// The tokens of a sentence as the reading sees them: each one's kind, text and spelling,
/// and where the reader's table keeps their spellings' classes, the cell of each.
pub struct Tokens<'py, 'a> {
    pub kinds: Vec<u8>,
    pub texts: Vec<Bound<'py, PyAny>>,
    pub normals: Vec<Bound<'py, PyAny>>,
    pub cells: Vec<&'a Class>,
}

/// A spelling's class (`clauses.word_class`) as far as it was asked: the bits of the
/// tests asked and of those that hold. Both only gain bits, and the bits that hold are
/// stored first: whoever sees a test asked sees its verdict.
#[derive(Default)]
pub struct Class {
    asked: AtomicU64,
    said: AtomicU64,
}

impl Class {
    /// The tests asked and what they said, if any were.
    fn get(&self) -> Option<(u64, u64)> {
        let asked = self.asked.load(Ordering::Acquire);
        (asked != 0).then(|| (asked, self.said.load(Ordering::Acquire)))
    }

    fn put(&self, (asked, said): (u64, u64)) {
        self.said.fetch_or(said, Ordering::Release);
        self.asked.fetch_or(asked, Ordering::Release);
    }
}

impl<'py> Tokens<'py, '_> {
    /// The tokens of a list of `clauses.Token`s (their classes kept by `clauses` alone).
    fn of(tokens: &Bound<'py, PyList>) -> PyResult<Self> {
        let py = tokens.py();
        let (word, number, other) = (
            intern!(py, "word"),
            intern!(py, "number"),
            intern!(py, "other"),
        );
        let mut found = Tokens {
            kinds: Vec::with_capacity(tokens.len()),
            texts: Vec::with_capacity(tokens.len()),
            normals: Vec::with_capacity(tokens.len()),
            cells: Vec::new(),
        };
        for token in tokens.iter() {
            let token = token.cast_into::<PyTuple>()?;
            let kind = token.get_item(0)?;
            let named = |name: &Bound<'py, PyString>| -> PyResult<bool> {
                Ok(kind.is(name) || kind.eq(name)?)
            };
            found.kinds.push(if named(word)? {
                WORD
            } else if named(number)? {
                NUMBER
            } else if named(other)? {
                OTHER
            } else {
                STRANGE
            });
            found.texts.push(token.get_item(1)?);
            found.normals.push(token.get_item(2)?);
        }
        Ok(found)
    }
}

/// `clauses.Clause` while it reads: its flags and what it has read so far.
struct Reading<'a, 'py> {
    tokens: &'a Tokens<'py, 'a>,
    size: usize,
    /// each token's tests of its class asked and what they said, once looked up
    seen: Vec<Option<(u64, u64)>>,
    asks: Asks<'py>,
    marked: bool,
    copula: bool,
    markers: u64,
    ergative: bool,
    marked_object: bool,
    /// the subject's token, what `_subject_noun` said of it, and the first token of the
    /// compound it heads
    subject: Option<Subject<'py>>,
    /// two bare nouns or more stood before ने (`Clause.fronted`)
    fronted: bool,
    nouns: Vec<usize>,
    genitive: bool,
}

impl<'py> Reading<'_, 'py> {
    fn normal(&self, k: usize) -> &Bound<'py, PyAny> {
        &self.tokens.normals[k]
    }

    /// The tests of the class of the token at `k` asked so far and what they said.
    fn class(&mut self, k: usize) -> PyResult<(u64, u64)> {
        if let Some(found) = self.seen[k] {
            return Ok(found);
        }
        let cell = self.tokens.cells.get(k);
        let found = match cell.and_then(|cell| cell.get()) {
            Some(found) => found,
            None => {
                let class: u128 = match self.asks.classes.get_item(self.normal(k))? {
                    Some(class) => class.extract()?,
                    None => 0,
                };
                let found = ((class >> 64) as u64, class as u64);
                if let Some(cell) = cell {
                    cell.put(found);
                }
                found
            }
        };
        self.seen[k] = Some(found);
        Ok(found)
    }

    fn kind(&mut self, k: usize) -> PyResult<u8> {
        Ok(self.tokens.kinds[k])
    }

    /// The token at `k` is there and its class has one of `bits` (the tests not asked yet
    /// are asked now).
    fn has(&mut self, k: usize, bits: u64) -> PyResult<bool> {
        if k >= self.size {
            return Ok(false);
        }
        let (mut asked, mut said) = self.class(k)?;
        if asked & bits != bits {
            let class: u128 = self
                .asks
                .classify
                .call1((self.normal(k), bits & !asked))?
                .extract()?;
            (asked, said) = ((class >> 64) as u64, class as u64);
            self.seen[k] = Some((asked, said));
            if let Some(cell) = self.tokens.cells.get(k) {
                cell.put((asked, said));
            }
        }
        Ok(said & bits != 0)
    }

    fn subject_noun(&self, j: usize) -> PyResult<Option<Bound<'py, PyAny>>> {
        let found = self
            .asks
            .subject_noun
            .call1((&self.tokens.texts[j], self.normal(j)))?;
        Ok((!found.is_none()).then_some(found))
    }

    /// `Clause._verb` of the token at `k` and the one after it.
    fn verb(&mut self, k: usize) -> PyResult<bool> {
        Ok(self.has(k, VERB)?
            || (self.has(k + 1, AFTER_BARE_ROOT)? && self.has(k, MAY_BE_ROOT)?)
            || (self.copula && self.has(k, COPULA)?))
    }

    /// `Clause.close`; with `compound`, bare nouns make one compound headed by the last
    /// (after ने with `object_compound` too, the object's).
    fn close(&mut self, compound: bool, object_compound: bool) -> Step<()> {
        if !self.nouns.is_empty() {
            if self.nouns.len() > 1
                && self.subject.is_none()
                && !self.marked
                && self.subject_first()?
            {
                self.nouns.clear();
                self.genitive = false;
                return Ok(());
            }
            let mut compound_first = None;
            let after_ne = object_compound && self.ergative;
            if compound
                && self.nouns.len() > 1
                && self.subject.is_none()
                && (after_ne || !self.marked)
            {
                let head = self.nouns[self.nouns.len() - 1];
                if !self.has(head, DAY)? {
                    compound_first = Some(self.nouns[0]);
                    self.nouns = vec![head];
                }
            }
            if self.subject.is_some() || self.nouns.len() > 1 {
                return Err(Stop::Abort);
            }
            let first = self.nouns[0];
            let found = if self.has(first, TIME_NOUN)? {
                None
            } else {
                self.subject_noun(first)?
            };
            match found {
                Some(found) => self.subject = Some((first, found, compound_first)),
                None => return Err(Stop::Abort),
            }
        }
        self.nouns.clear();
        self.genitive = false;
        Ok(())
    }

    fn postposition(&mut self) -> Step<()> {
        if self.subject.is_none()
            && self.nouns.len() > 1
            && !self.marked
            && !self.subject_first()?
        {
            return Err(Stop::Abort);
        }
        self.nouns.clear();
        self.genitive = false;
        Ok(())
    }

    fn plural_first(&mut self) -> PyResult<bool> {
        let first = self.nouns[0];
        if let Some(found) = self.subject_noun(first)? {
            if found.get_item(1)?.is_truthy()? {
                self.subject = Some((first, found, None));
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn subject_first(&mut self) -> PyResult<bool> {
        let k = self.nouns[0];
        let py = self.normal(k).py();
        let Some(found) = self.subject_noun(k)? else {
            return Ok(false);
        };
        let headed = found.get_item(1)?.is_truthy()?
            || (found
                .get_item(0)?
                .getattr(intern!(py, "gender"))?
                .eq(intern!(py, "m"))?
                && k > 0
                && self.has(k - 1, DIRECT_FORM)?)
            || (!self.has(k, DAY)? && self.all_times_of_day()?);
        if headed {
            self.subject = Some((k, found, None));
            return Ok(true);
        }
        self.determined_first()
    }

    /// `Clause._determined_first`: the first noun after का or की and यह or वह, the
    /// genitive agreeing with it, is the subject.
    fn determined_first(&mut self) -> PyResult<bool> {
        let k = self.nouns[0];
        let py = self.normal(k).py();
        let Some(found) = self.subject_noun(k)? else {
            return Ok(false);
        };
        if k < 2 || !self.has(k - 1, THIS_THAT)? {
            return Ok(false);
        }
        let feminine = found
            .get_item(0)?
            .getattr(intern!(py, "gender"))?
            .eq(intern!(py, "f"))?;
        let determined = self.has(k - 2, if feminine { KI } else { KA })?;
        if determined {
            self.subject = Some((k, found, None));
        }
        Ok(determined)
    }

    fn all_times_of_day(&mut self) -> PyResult<bool> {
        for at in 1..self.nouns.len() {
            if !self.has(self.nouns[at], TIME_OF_DAY)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn dated_genitive(&mut self, j: usize) -> PyResult<bool> {
        if j == 0 || !self.has(j - 1, GENITIVE_ADVERB)? {
            return Ok(false);
        }
        let after = self.tokens.normals.get(j + 1);
        self.asks
            .dated_genitive
            .call1((self.normal(j - 1), self.normal(j), after))?
            .is_truthy()
    }

    fn predicative(&mut self, mut k: usize) -> PyResult<bool> {
        while self.has(k, BEFORE_VERB)? {
            k += 1;
        }
        Ok(k < self.size && self.verb(k)?)
    }

    fn counted(&mut self, j: usize) -> PyResult<bool> {
        Ok(j > 0 && (self.kind(j - 1)? == NUMBER || self.has(j - 1, MODIFIER | AGREEING)?))
    }

    /// `Clause._amount`: a number or a number word at `k`.
    fn amount(&mut self, k: usize) -> PyResult<bool> {
        Ok(k < self.size && (self.kind(k)? == NUMBER || self.has(k, NUMBER_WORD)?))
    }

    fn noun_follows(&mut self, k: usize) -> PyResult<bool> {
        Ok(k < self.size && (self.kind(k)? == NUMBER || self.has(k, NOUN_FOLLOWS)?))
    }

    fn finite_hua(&mut self, j: usize) -> PyResult<bool> {
        if !self.has(j, HUA)? {
            return Ok(false);
        }
        Ok(j + 1 == self.size || self.kind(j + 1)? != WORD || self.has(j + 1, AFTER_VERB)?)
    }

    /// `Clause._attributive`: a perfective participle between a postposition and a noun.
    fn attributive(&mut self, j: usize) -> PyResult<bool> {
        Ok(j > 0
            && self.has(j - 1, POSTPOSITION)? // a look-up, before the participle's test in Python
            && self.has(j, PARTICIPLE)?
            && j + 1 < self.size
            && self.kind(j + 1)? == WORD
            && self.has(j + 1, CANDIDATE)?
            && !self.has(j + 1, DAY | TIME_NOUN)?
            && !self.verb(j + 1)?)
    }

    /// `Clause.verb_start`.
    fn verb_start(&mut self, mut j: usize) -> Step<Option<usize>> {
        let start = j;
        while j < self.size {
            let kind = self.kind(j)?;
            if self.has(j, MANNER)? && self.has(j + 1, SE)? {
                self.close(false, false)?;
                j += 2;
                continue;
            }
            if kind == WORD && self.has(j, PLAIN)? {
                self.nouns.push(j);
                self.genitive = false;
                j += 1;
                continue;
            }
            if kind == OTHER {
                return Ok(None);
            }
            if self.has(j, self.markers)? {
                self.ergative = self.ergative || self.has(j, ERGATIVE)?;
                self.marked_object = self.marked_object || self.has(j, DATIVE)?;
                if self.has(j, NE_KO)? {
                    if self.nouns.len() > 1 && self.marked {
                        if !self.has(j, ERGATIVE)? || self.subject.is_some() {
                            return Err(Stop::Abort);
                        }
                        self.fronted = true;
                        self.nouns.clear();
                    }
                    if self.nouns.len() > 1 && (self.subject.is_some() || !self.subject_first()?) {
                        self.nouns.clear();
                    }
                    self.postposition()?;
                } else {
                    self.close(false, false)?;
                }
                j += 1;
                continue;
            }
            if self.has(j, STOPS)? {
                return Ok(None);
            }
            if self.has(j, DEMONSTRATIVE)? && !self.noun_follows(j + 1)? {
                return Err(Stop::Abort);
            }
            if kind == NUMBER
                || self.has(j, MODIFIER)?
                || (self.has(j, AGREEING)? && !self.has(j, GENITIVE)? && !self.finite_hua(j)?)
                || self.attributive(j)?
            {
                if kind == NUMBER {
                    if let Some(&last) = self.nouns.last() {
                        if self.has(last, ERA)? {
                            self.nouns.pop();
                        }
                    }
                }
                if !self.nouns.is_empty() && self.has(j, WALA)? {
                    self.nouns.clear();
                } else if !self.nouns.is_empty() && !self.genitive {
                    self.close(false, false)?;
                }
            } else if self.has(j, GENITIVE)?
                && (!self.nouns.is_empty() || self.genitive || self.dated_genitive(j)?)
            {
                if self.nouns.len() > 1
                    && self.subject.is_none()
                    && !(self.marked
                        && self.ergative
                        && self.has(
                            self.nouns[0] - 1,
                            self.markers | POSTPOSITION | POSTPOSITION_NOUN,
                        )?)
                    && (self.marked || !(self.plural_first()? || self.determined_first()?))
                {
                    return Err(Stop::Abort);
                }
                self.nouns.clear();
                self.genitive = true;
            } else if self.has(j, POSTPOSITION)? {
                self.postposition()?;
            } else if j > start
                && self.has(j, POSTPOSITION_NOUN)?
                && self.has(j - 1, BEFORE_POSTPOSITION_NOUN)?
            {
                self.nouns.clear();
                self.genitive = false;
            } else if self.has(j, ADVERB)?
                || (self.has(j, TIME_NOUN)?
                    && !self.has(j + 1, POSTPOSITION | GENITIVE)?
                    && self.counted(j)?)
            {
                self.close(false, false)?;
            } else if (self.has(j, PREDICATE)?
                && self.predicative(j + 1)?
                && self.asks.noun.call1((self.normal(j),))?.is_none())
                || (self.has(j, CONJUNCTIVE)? && self.amount(j + 1)?)
            {
                let complement = self.has(j, COMPLEMENT)?;
                self.close(true, !complement)?;
            } else if self.verb(j)? {
                self.close(false, false)?;
                if self.fronted && self.subject.is_none() {
                    return Err(Stop::Abort);
                }
                return Ok(Some(j));
            } else if self.has(j, INFINITIVE)? && self.has(j + 1, WALA_FORM)? {
                // मरने वालों की संख्या: the infinitive and -वाला make one word
            } else if self.has(j, INFINITIVE)? && self.has(j + 1, POSTPOSITION | GENITIVE)? {
                self.subject = None;
                self.nouns = vec![j];
                self.genitive = false;
            } else if self.has(j, CANDIDATE)? && !self.has(j, POSTPOSITION_NOUN)? {
                self.nouns.push(j);
                self.genitive = false;
            } else {
                return Ok(None);
            }
            j += 1;
        }
        Ok(None)
    }
}

/// What `verb_start` found: whether the reading was aborted, the verb group's first token,
/// the subject (its token, what `subject_noun` said of it and its compound's first token),
/// and whether the clause has ने and a को object.
pub type Read<'py> = (bool, Option<usize>, Option<Subject<'py>>, bool, bool);

/// The subject's token, what `subject_noun` said of it, and the first token of the
/// compound it heads, if it heads one.
pub type Subject<'py> = (usize, Bound<'py, PyAny>, Option<usize>);

/// `Clause.verb_start` of a fresh clause over `tokens` (`clauses.Token`s) from each of
/// `starts`, in order (the tokens' kinds and classes looked up once for all of them),
/// reading as `how` says and asking `asks`.
#[pyfunction]
pub fn verb_starts<'py>(
    tokens: &Bound<'py, PyList>,
    starts: Vec<usize>,
    how: How,
    asks: Asks<'py>,
) -> PyResult<Vec<Read<'py>>> {
    read_all(&Tokens::of(tokens)?, &starts, how, asks)
}

/// The reading of a fresh clause of `tokens` from each of `starts` (see `verb_starts`).
pub fn read_all<'py>(
    tokens: &Tokens<'py, '_>,
    starts: &[usize],
    (markers, marked, copula): How,
    asks: Asks<'py>,
) -> PyResult<Vec<Read<'py>>> {
    let mut reading = Reading {
        seen: vec![None; tokens.kinds.len()],
        size: tokens.kinds.len(),
        tokens,
        asks,
        marked,
        copula,
        markers,
        ergative: false,
        marked_object: false,
        subject: None,
        fronted: false,
        nouns: Vec::new(),
        genitive: false,
    };
    let mut found = Vec::with_capacity(starts.len());
    for &start in starts {
        (reading.ergative, reading.marked_object, reading.genitive) = (false, false, false);
        (reading.subject, reading.fronted) = (None, false);
        reading.nouns.clear();
        let (aborted, verb) = match reading.verb_start(start) {
            Ok(verb) => (false, verb),
            Err(Stop::Abort) => (true, None),
            Err(Stop::Raised(err)) => return Err(err),
        };
        let subject = reading.subject.take();
        found.push((
            aborted,
            verb,
            subject,
            reading.ergative,
            reading.marked_object,
        ));
    }
    Ok(found)
}
