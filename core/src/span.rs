//! The tokens of a span, as `tokenize._SPAN_TOKEN` (a stdlib `re` pattern) reads them: a
//! Devanagari word (joined by - ‐ ‑ – . ॰ into one, with a closing ॰), a number in either
//! script, a run of Latin letters, or any other character; white space before each.

use crate::is;
use crate::tables::STRIP;

pub const WORD: u8 = 0;
pub const NUMBER: u8 = 1;
pub const OTHER: u8 = 2;

pub(crate) const ABBREVIATION_SIGN: u32 = 0x0970;
/// `[-‐‑–.॰]`: what joins two Devanagari words into one token.
const JOINERS: [u32; 6] = [
    '-' as u32,
    0x2010,
    0x2011,
    0x2013,
    '.' as u32,
    ABBREVIATION_SIGN,
];
/// `[.,:/-]`: what joins two runs of digits into one number.
const NUMBER_JOINERS: [u32; 5] = ['.' as u32, ',' as u32, ':' as u32, '/' as u32, '-' as u32];

/// `akshara.WORD_LETTERS`: Devanagari letters and signs, no digits or dandas, ZWNJ and ZWJ.
pub(crate) fn letter(code: u32) -> bool {
    matches!(code, 0x0900..=0x0963 | 0x0971..=0x097F | 0x200C | 0x200D)
}

/// `[0-9०-९]`
fn digit(code: u32) -> bool {
    matches!(code, 0x30..=0x39 | 0x0966..=0x096F)
}

fn latin(code: u32) -> bool {
    matches!(code, 0x41..=0x5A | 0x61..=0x7A)
}

/// The end of `first+(?:[joiners]first+)*` from `at`, where `text[at]` is a `first`.
fn joined_runs(text: &[u32], mut at: usize, first: fn(u32) -> bool, joiners: &[u32]) -> usize {
    loop {
        while at < text.len() && first(text[at]) {
            at += 1;
        }
        match text.get(at..at + 2) {
            Some(&[joiner, next]) if joiners.contains(&joiner) && first(next) => at += 1,
            _ => return at,
        }
    }
}

/// (kind, start, end) of each token of `text` (a span, already cut at its end).
pub fn tokens(text: &[u32]) -> Vec<(u8, usize, usize)> {
    // room for a token of every four characters (a word and its space are more): no regrowth
    let mut found = Vec::with_capacity(text.len() / 4 + 1);
    let mut at = 0;
    loop {
        while at < text.len() && is(text[at], STRIP) {
            at += 1;
        }
        let Some(&first) = text.get(at) else {
            return found;
        };
        let (kind, end) = if letter(first) {
            let end = joined_runs(text, at, letter, &JOINERS);
            (
                WORD,
                if text.get(end) == Some(&ABBREVIATION_SIGN) {
                    end + 1
                } else {
                    end
                },
            )
        } else if digit(first) {
            (NUMBER, joined_runs(text, at, digit, &NUMBER_JOINERS))
        } else if latin(first) {
            (OTHER, joined_runs(text, at, latin, &[]))
        } else {
            (OTHER, at + 1)
        };
        found.push((kind, at, end));
        at = end;
    }
}
