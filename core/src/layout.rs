//! A document's words laid out in slots: `slots.python_layout`. What separates each word
//! from the next (`slots.link`), read gap by gap as `slots.links` reads the gaps its scan
//! reaches: those with a character other than a space and a Devanagari letter or sign.

use crate::is;
use crate::span::{letter, ABBREVIATION_SIGN};
use crate::tables::STRIP;

/// Spaces only: the two words stand in neighbouring slots.
pub const SPACED: u8 = 0;
/// One word with the next (a compound: कविता-संग्रह, एम॰ए॰).
pub const JOINED: u8 = 1;
/// An empty slot between the word and the next.
pub const BREAK: u8 = 2;

/// `slots.JOINERS`: a gap of one of these joins its words.
const JOINERS: [u32; 5] = ['-' as u32, 0x2010, 0x2011, 0x2013, '.' as u32];
const LF: u32 = '\n' as u32;

/// `slots.link`, for a gap the scan reaches.
fn link(gap: &[u32]) -> u8 {
    if matches!(gap, [one] if JOINERS.contains(one)) || gap.first() == Some(&ABBREVIATION_SIGN) {
        JOINED
    } else if !gap.is_empty() && gap.iter().all(|&c| is(c, STRIP)) && !gap.contains(&LF) {
        SPACED
    } else {
        BREAK
    }
}

/// What follows each word of `spans` ((start, end) in `text`, in order): the last word a break.
pub fn links(text: &[u32], spans: &[(usize, usize)]) -> Vec<u8> {
    let mut found: Vec<u8> = spans
        .windows(2)
        .map(|pair| {
            let gap = text.get(pair[0].1..pair[1].0).unwrap_or(&[]);
            if gap.iter().any(|&c| c != ' ' as u32 && !letter(c)) {
                link(gap)
            } else {
                SPACED
            }
        })
        .collect();
    if !spans.is_empty() {
        found.push(BREAK);
    }
    found
}

/// `clause_facts._JOINER` found in `span`: a joiner (`[-‐‑–.॰]`) right before a Devanagari
/// letter or sign, or the abbreviation sign anywhere.
pub fn splits_compound(span: &[u32]) -> bool {
    span.iter().enumerate().any(|(at, &c)| {
        c == ABBREVIATION_SIGN
            || (JOINERS.contains(&c) && span.get(at + 1).is_some_and(|&next| letter(next)))
    })
}
