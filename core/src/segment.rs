//! Paragraphs and sentences: `tokenize.paragraphs` and `tokenize.sentences` without the regex
//! engine. Each rule below is one part of `_PARAGRAPH_BREAK` or `_SENTENCE_END` there.

use crate::is;
use crate::tables::{DIGIT, SPACE, STRIP, UPPER, WORD};

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;
const DOT: u32 = '.' as u32;
/// `[।॥?!]`
const TERMINATORS: [char; 4] = ['।', '॥', '?', '!'];
/// `["'”’)\]]`, closing quotes and brackets after a sentence end.
const CLOSERS: [char; 6] = ['"', '\'', '”', '’', ')', ']'];
/// `_ABBREVIATIONS`: a full stop after one of these does not end a sentence.
const ABBREVIATIONS: &str = "डॉ डा श्री श्रीमती सु कु प्रो पं मो ले जन कर्नल मेजर कैप्टन लेफ्टि सं ई पू \
    Dr Mr Mrs Ms Prof St Jr Sr No vs etc Rs Lt Col Gen Capt Hon approx Inc Ltd Co";
/// The spelled-out initials of `_INITIAL` (एम, आर, एक्स …).
const SPELLED_INITIALS: &str = "एम एस एन एल एफ आर एच एक्स डब्ल्यू वाई जेड";
/// `_SHORT_FINAL_WORDS`: one-letter words that end sentences rather than being initials.
const SHORT_FINAL_WORDS: &str = "है था थी थे हो दो लो";
const NUKTA: u32 = 0x093C;

fn one_of(code: u32, set: &[char]) -> bool {
    set.iter().any(|&c| c as u32 == code)
}

fn words(list: &str) -> Vec<Vec<u32>> {
    list.split_whitespace()
        .map(|w| w.chars().map(u32::from).collect())
        .collect()
}

/// `_strip`: the span without `str.isspace` characters at either end.
fn strip(text: &[u32], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is(text[start], STRIP) {
        start += 1;
    }
    while end > start && is(text[end - 1], STRIP) {
        end -= 1;
    }
    (start, end)
}

/// `text[start:end].strip()` is not empty.
fn has_text(text: &[u32], start: usize, end: usize) -> bool {
    text[start..end].iter().any(|&c| !is(c, STRIP))
}

fn skip_spaces(text: &[u32], mut at: usize) -> usize {
    while at < text.len() && is(text[at], SPACE) {
        at += 1;
    }
    at
}

/// The end of `(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*` matched at `at`, if it matches there.
/// A CR LF always matches (backtracking reads it as CR, then LF), as in the regex.
fn paragraph_break(text: &[u32], at: usize) -> Option<usize> {
    let first = text[at];
    if first == CR && text.get(at + 1) == Some(&LF) {
        return Some(skip_spaces(text, at + 2));
    }
    if first != CR && first != LF {
        return None;
    }
    let mut next = at + 1;
    while next < text.len() && (text[next] == ' ' as u32 || text[next] == '\t' as u32) {
        next += 1;
    }
    match text.get(next) {
        Some(&c) if c == CR || c == LF => Some(skip_spaces(text, next)),
        _ => None,
    }
}

pub fn paragraphs(text: &[u32]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < text.len() {
        match paragraph_break(text, at) {
            Some(end) => {
                if has_text(text, start, at) {
                    spans.push(strip(text, start, at));
                }
                (start, at) = (end, end);
            }
            None => at += 1,
        }
    }
    if has_text(text, start, text.len()) {
        spans.push(strip(text, start, text.len()));
    }
    spans
}

struct Abbreviations {
    listed: Vec<Vec<u32>>,
    spelled: Vec<Vec<u32>>,
    short: Vec<Vec<u32>>,
}

impl Abbreviations {
    fn new() -> Self {
        Self {
            listed: words(ABBREVIATIONS),
            spelled: words(SPELLED_INITIALS),
            short: words(SHORT_FINAL_WORDS),
        }
    }

    /// The lookbehind of `_SENTENCE_END`: an abbreviation or an initial, which starts a word,
    /// ends at `end`.
    fn before(&self, text: &[u32], end: usize) -> bool {
        let starts_word = |start: usize| start == 0 || !is(text[start - 1], WORD | DIGIT);
        let ends_here =
            |word: &Vec<u32>| end >= word.len() && text[end - word.len()..end] == word[..];
        let listed = |list: &Vec<Vec<u32>>| {
            list.iter()
                .any(|w| ends_here(w) && starts_word(end - w.len()))
        };
        if listed(&self.listed) || listed(&self.spelled) {
            return true;
        }
        initials(text, end).into_iter().flatten().any(|start| {
            starts_word(start) && !self.short.iter().any(|w| text[start..end] == w[..])
        })
    }
}

fn consonant(code: u32) -> bool {
    (0x0915..=0x0939).contains(&code) || (0x0958..=0x095F).contains(&code)
}

/// The starts of the one-letter initials of `_INITIAL` that end at `end`: a consonant with an
/// optional nukta and vowel sign, an independent vowel, or a capital letter.
fn initials(text: &[u32], end: usize) -> [Option<usize>; 4] {
    let at = |back: usize| {
        if end >= back {
            Some(text[end - back])
        } else {
            None
        }
    };
    let mut found = [None; 4];
    if let Some(last) = at(1) {
        if consonant(last) || (0x0905..=0x0914).contains(&last) || is(last, UPPER) {
            found[0] = Some(end - 1);
        }
        if last == NUKTA && at(2).is_some_and(consonant) {
            found[1] = Some(end - 2);
        }
        if (0x093E..=0x094C).contains(&last) {
            if at(2).is_some_and(consonant) {
                found[2] = Some(end - 2);
            }
            if at(2) == Some(NUKTA) && at(3).is_some_and(consonant) {
                found[3] = Some(end - 3);
            }
        }
    }
    found
}

/// The end of `_SENTENCE_END` matched at `at` in `text[..limit]`, if it matches there.
fn sentence_end(
    text: &[u32],
    at: usize,
    limit: usize,
    abbreviations: &Abbreviations,
) -> Option<usize> {
    let closers = |mut end: usize| {
        while end < limit && one_of(text[end], &CLOSERS) {
            end += 1;
        }
        end
    };
    let first = text[at];
    if one_of(first, &TERMINATORS) {
        let mut end = at;
        while end < limit && one_of(text[end], &TERMINATORS) {
            end += 1;
        }
        return Some(closers(end));
    }
    if first != DOT || (at > 0 && is(text[at - 1], DIGIT)) || abbreviations.before(text, at) {
        return None;
    }
    let mut end = at;
    while end < limit && text[end] == DOT {
        end += 1;
    }
    let end = closers(end);
    (end == limit || is(text[end], SPACE)).then_some(end)
}

pub fn sentences(text: &[u32], blocks: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let abbreviations = Abbreviations::new();
    let mut spans = Vec::new();
    for &(block_start, block_end) in blocks {
        let (mut start, mut at) = (block_start, block_start);
        while at < block_end {
            match sentence_end(text, at, block_end, &abbreviations) {
                Some(end) => {
                    spans.push(strip(text, start, end));
                    (start, at) = (end, end);
                }
                None => at += 1,
            }
        }
        if has_text(text, start, block_end) {
            spans.push(strip(text, start, block_end));
        }
    }
    spans
}
