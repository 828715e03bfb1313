//! A small word scanner over raw text, shared by the roles and quotes stages.
//!
//! Those stages read short phrases ("President Donald Trump’s son-in-law", "U.S. envoy")
//! where the words that matter keep their inner hyphens, dots and apostrophes. They scan the
//! raw text themselves instead of reading the text layer's tokens, so they do not change
//! behaviour when the tokenizer's rules change (curly quotes, split-off possessives).

use std::cell::OnceCell;

use crate::extract::text::TextLayer;

/// One word (or one punctuation mark) as a byte range of the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    /// The word's text in `text` (the same text it was scanned from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Abbreviations whose final dot belongs to the word, so "Sen. Ted Cruz" reads as one title
/// word followed by a name rather than a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm", "Maj",
    "Cmdr", "Prof", "Rev", "Hon", "Atty", "Supt", "Pres", "Sec", "Jr", "Sr", "St", "Gens", "Reps",
    "Sens", "Lt.Gen", "Brig", "Cpl", "Pvt", "Insp", "Det", "Mt", "Ft", "Inc", "Corp", "Co", "Ltd",
    "No", "Vol", "vs", "Messrs", "Amb",
];

/// True when `word` is an abbreviation that keeps its dot ("Sen", "Dr"), or a run of single
/// letters with dots ("U.S", "U.N").
pub fn is_abbreviation(word: &str) -> bool {
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut letters = 0;
    for part in word.split('.') {
        if part.chars().count() != 1 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        letters += 1;
    }
    letters >= 1 && word.chars().next().is_some_and(char::is_uppercase)
}

fn joins(ch: char) -> bool {
    matches!(ch, '-' | '.' | '\'' | '’' | '&' | '\u{2011}')
}

/// The char at byte `i` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// Scans `text[start..end]` into words: runs of alphanumerics joined by inner hyphens, dots,
/// apostrophes and ampersands ("son-in-law", "U.S.", "Trump’s", "AT&T"); every other
/// non-space char is a word of its own. An abbreviation keeps its final dot.
///
/// # Panics
/// If `start` or `end` is not on a char boundary of `text`.
pub fn scan(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut out = Vec::with_capacity((end - start) / 5 + 1);
    scan_into(text, start, end, &mut out);
    out
}

/// [`scan`] into a buffer the caller reuses (cleared first): no allocation per call once the
/// buffer has grown.
pub fn scan_into(text: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    out.clear();
    let bytes = text.as_bytes();
    let alnum_at = |i: usize| {
        i < end
            && match bytes[i] {
                b if b < 0x80 => b.is_ascii_alphanumeric(),
                _ => char_at(text, i).is_some_and(|(c, _)| c.is_alphanumeric()),
            }
    };
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // ASCII outside words: one byte at a time, no decoding.
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            if !b.is_ascii_whitespace() {
                out.push(Word {
                    start: i,
                    end: i + 1,
                });
            }
            i += 1;
            continue;
        }
        let Some((ch, len)) = char_at(text, i) else {
            break;
        };
        if !ch.is_alphanumeric() {
            if !ch.is_whitespace() {
                out.push(Word {
                    start: i,
                    end: i + len,
                });
            }
            i += len;
            continue;
        }
        let s = i;
        let mut j = i + len;
        while j < end {
            let c = bytes[j];
            if c.is_ascii_alphanumeric() {
                j += 1;
            } else if c < 0x80 {
                if joins(c as char) && alnum_at(j + 1) {
                    j += 1;
                } else {
                    break;
                }
            } else {
                let Some((c, l)) = char_at(text, j) else {
                    break;
                };
                if c.is_alphanumeric() || (joins(c) && alnum_at(j + l)) {
                    j += l;
                } else {
                    break;
                }
            }
        }
        // A word ending in a dot-joined abbreviation ("U.S") or a title ("Sen") keeps its dot.
        if j < end && bytes[j] == b'.' && is_abbreviation(&text[s..j]) {
            j += 1;
        } else if bytes[j - 1] == b's' {
            // "Democrats’" — a plural possessive keeps its apostrophe.
            if let Some((c, l)) = char_at(text, j).filter(|_| j < end)
                && (c == '\'' || c == '’')
                && !alnum_at(j + l)
            {
                j += l;
            }
        }
        out.push(Word { start: s, end: j });
        i = j;
    }
}

/// The words of `all` (a [`scan`] of the whole text) that lie within `start..end`: stages
/// scan a field once and slice it, instead of rescanning around every mention.
pub fn within(all: &[Word], start: usize, end: usize) -> &[Word] {
    let a = all.partition_point(|w| w.start < start);
    let b = all.partition_point(|w| w.end <= end).max(a);
    &all[a..b]
}

/// The words of a field, scanned paragraph by paragraph on first use: quotes and titles sit
/// in a few paragraphs, so most of an article is never scanned.
pub struct LazyWords<'l, 'a> {
    layer: &'l TextLayer<'a>,
    cells: Vec<OnceCell<Vec<Word>>>,
}

impl<'l, 'a> LazyWords<'l, 'a> {
    /// Nothing is scanned yet: each paragraph is scanned by the first `within` that needs it.
    pub fn new(layer: &'l TextLayer<'a>) -> Self {
        LazyWords {
            layer,
            cells: vec![OnceCell::new(); layer.paragraphs.len()],
        }
    }

    /// The words within `start..end`, a range inside one paragraph (a range that runs past
    /// its paragraph is cut at the paragraph's end).
    pub fn within(&self, start: usize, end: usize) -> &[Word] {
        let paras = &self.layer.paragraphs;
        let pi = paras.partition_point(|p| p.end < start);
        match (paras.get(pi), self.cells.get(pi)) {
            (Some(p), Some(cell)) => {
                let all = cell.get_or_init(|| scan(self.layer.text, p.start, p.end));
                within(all, start, end)
            }
            _ => &[],
        }
    }
}

/// Splits a possessive off a word: "Trump’s" → ("Trump", true), "Democrats’" → ("Democrats",
/// true), "Trump" → ("Trump", false).
pub fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(base) = word.strip_suffix(suffix)
            && !base.is_empty()
        {
            return (base, true);
        }
    }
    for suffix in ["s'", "s’"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            let cut = word.len() - suffix.len() + 1;
            return (&word[..cut], true);
        }
    }
    (word, false)
}

/// The whitespace-separated word right before byte `start` of `text` ("the" in "the
/// Amazon"), if any.
pub fn word_before(text: &str, start: usize) -> Option<&str> {
    text[..start].split_whitespace().next_back()
}

/// True when a word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when a word has a letter or digit (is not punctuation).
pub fn is_wordlike(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        scan(s, 0, s.len()).iter().map(|w| w.text(s)).collect()
    }

    #[test]
    fn keeps_hyphenated_possessive_and_dotted_words_whole() {
        assert_eq!(
            texts("President Donald Trump’s son-in-law, U.S. envoy Sen. Cruz."),
            [
                "President",
                "Donald",
                "Trump’s",
                "son-in-law",
                ",",
                "U.S.",
                "envoy",
                "Sen.",
                "Cruz",
                "."
            ]
        );
    }

    #[test]
    fn plural_possessive_keeps_its_apostrophe_but_a_closing_quote_does_not_join() {
        assert_eq!(
            texts("the Democrats' plan 'good'"),
            ["the", "Democrats'", "plan", "'", "good", "'"]
        );
    }

    #[test]
    fn strips_possessives() {
        assert_eq!(strip_possessive("Trump’s"), ("Trump", true));
        assert_eq!(strip_possessive("Democrats'"), ("Democrats", true));
        assert_eq!(strip_possessive("Cruz"), ("Cruz", false));
    }
}
