//! A small word scanner over raw text, shared by the roles and quotes stages.
//!
//! Those stages read short phrases ("President Donald Trump’s son-in-law", "U.S. envoy")
//! where the words that matter keep their inner hyphens, dots and apostrophes. They scan the
//! raw text themselves instead of reading the text layer's tokens, so they do not change
//! behaviour when the tokenizer's rules change (curly quotes, split-off possessives).

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
    "No", "Vol", "vs", "Messrs",
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

/// Scans `text[start..end]` into words: runs of alphanumerics joined by inner hyphens, dots,
/// apostrophes and ampersands ("son-in-law", "U.S.", "Trump’s", "AT&T"); every other
/// non-space char is a word of its own. An abbreviation keeps its final dot.
pub fn scan(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let slice = &text[start..end];
    let mut chars = slice.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if ch.is_whitespace() {
            continue;
        }
        if !ch.is_alphanumeric() {
            out.push(Word {
                start: start + i,
                end: start + i + ch.len_utf8(),
            });
            continue;
        }
        let mut j = i + ch.len_utf8();
        loop {
            let rest = &slice[j..];
            let mut it = rest.chars();
            match (it.next(), it.next()) {
                (Some(c), _) if c.is_alphanumeric() => j += c.len_utf8(),
                (Some(c), Some(d)) if joins(c) && d.is_alphanumeric() => {
                    j += c.len_utf8();
                }
                _ => break,
            }
        }
        // A word ending in a dot-joined abbreviation ("U.S") or a title ("Sen") keeps its dot.
        if slice[j..].starts_with('.') && is_abbreviation(&slice[i..j]) {
            j += 1;
        }
        // "Democrats’" — a plural possessive keeps its apostrophe.
        for apostrophe in ['\'', '’'] {
            if slice[i..j].ends_with('s')
                && slice[j..].starts_with(apostrophe)
                && slice[j + apostrophe.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                j += apostrophe.len_utf8();
            }
        }
        while chars.peek().is_some_and(|&(k, _)| k < j) {
            chars.next();
        }
        out.push(Word {
            start: start + i,
            end: start + j,
        });
    }
    out
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
