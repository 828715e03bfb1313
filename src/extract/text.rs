//! The text layer: tokens, sentences and paragraphs of one article field, with byte offsets
//! into the original text (never a rewritten copy), so every later stage can point back at
//! exactly what the article says. [`TextLayer::span`] turns byte offsets into the char
//! offsets of the output record.
//!
//! Tokenization follows the conventions of news corpora (CoNLL-2003, Penn Treebank) closely
//! enough that a model trained on them sees the same units at run time:
//! - words, numbers and punctuation marks; runs like `...` and `--` stay one token;
//! - hyphenated words (`German-born`), `24/7`, `1,000`, `3.5`, `10:30`, `AT&T` stay whole;
//! - abbreviations and initials keep their period: `U.S.`, `Mr.`, `Jan.`, `J.`;
//! - the clitics `'s`, `’s`, `'re`, `'ve`, `'ll`, `'d`, `'m` are split off as their own token;
//! - curly and straight quotes and apostrophes are tokens of their own.
//!
//! Sentences end at `.`, `!`, `?` (and at an abbreviation that ends a sentence), carrying
//! along closing quotes and brackets, and only when what follows can start a sentence.
//! Paragraphs are the non-blank lines.

use std::borrow::Cow;
use std::ops::Range;

use crate::record::{Field, Span};

/// One token: a word, number or punctuation mark, as a byte range of the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// A sentence: a run of tokens and the byte range they cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
}

/// A paragraph: the text between newlines, as a run of sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub sentences: Range<usize>,
}

/// One analysed field of an article.
#[derive(Debug, Clone)]
pub struct TextLayer<'a> {
    pub field: Field,
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// Char offset of every byte offset that starts a char; `None` when the text is ASCII and
    /// the two agree, which is the common case and costs nothing.
    char_of_byte: Option<Vec<u32>>,
}

impl<'a> TextLayer<'a> {
    /// Tokenizes `text` and splits it into sentences and paragraphs.
    pub fn new(field: Field, text: &'a str) -> Self {
        let tokens = tokenize(text);
        let mut sentences = Vec::new();
        let mut paragraphs = Vec::new();
        let mut t = 0;
        for (pstart, pend) in lines(text) {
            let first_sentence = sentences.len();
            while t < tokens.len() && tokens[t].start < pstart {
                t += 1;
            }
            let tok_start = t;
            while t < tokens.len() && tokens[t].end <= pend {
                t += 1;
            }
            split_sentences(text, &tokens, tok_start..t, &mut sentences);
            paragraphs.push(Paragraph {
                start: pstart,
                end: pend,
                sentences: first_sentence..sentences.len(),
            });
        }
        let char_of_byte = if text.is_ascii() {
            None
        } else {
            let mut map = vec![0u32; text.len() + 1];
            let mut c = 0u32;
            for (b, ch) in text.char_indices() {
                for slot in &mut map[b..b + ch.len_utf8()] {
                    *slot = c;
                }
                c += 1;
            }
            map[text.len()] = c;
            Some(map)
        };
        TextLayer {
            field,
            text,
            tokens,
            sentences,
            paragraphs,
            char_of_byte,
        }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Token `i` with typographic variants folded to ASCII (curly quotes and apostrophes to
    /// straight ones, dashes to `-`), so matching code need not know every variant. Borrowed
    /// when nothing changes; offsets always refer to [`TextLayer::token_text`].
    pub fn normalized(&self, i: usize) -> Cow<'a, str> {
        normalize(self.token_text(i))
    }

    /// Char offset of a byte offset (which must lie on a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.char_of_byte {
            None => byte,
            Some(map) => map[byte] as usize,
        }
    }

    /// The record span for a byte range of this field.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span {
            field: self.field,
            start: self.char_offset(start),
            end: self.char_offset(end),
            text: self.text[start..end].to_string(),
        }
    }

    /// Number of word tokens (tokens with at least one alphanumeric char).
    pub fn word_count(&self) -> usize {
        (0..self.tokens.len())
            .filter(|&i| self.token_text(i).chars().any(char::is_alphanumeric))
            .count()
    }
}

/// Folds typographic quotes, apostrophes and dashes to their ASCII forms.
pub fn normalize(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let folded = |c: char| match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => Some('-'),
        _ => None,
    };
    if !s.chars().any(|c| folded(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| folded(c).unwrap_or(c)).collect())
}

/// Byte ranges of the non-blank lines of `text`, trimmed.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    text.split('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len() + 1;
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        (trimmed_end > trimmed_start).then_some((trimmed_start, trimmed_end))
    })
}

/// Abbreviations that keep their period (lowercase, without the period). Titles, months and
/// company suffixes: the forms news text uses.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cpl",
    "maj", "adm", "cmdr", "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "messrs", "mme",
    "mlle", "inc", "corp", "co", "ltd", "plc", "bros", "llc", "cos", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "vs", "etc", "no", "nos", "vol", "approx", "dept", "est",
    "fig", "ave", "blvd", "rd", "mt", "ft", "ste", "univ", "assn", "gen", "div", "cf", "sec",
    "amb",
];

/// Abbreviations after which a sentence never ends: a name or a date always follows.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cpl",
    "maj", "adm", "cmdr", "st", "rev", "hon", "pres", "supt", "insp", "messrs", "mme", "mlle",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs",
    "no", "nos", "vol", "fig", "mt", "ft", "cf",
];

/// Words that start sentences: after an abbreviation such as `U.S.` or `Inc.`, one of these
/// capitalised means a new sentence, any other capitalised word more likely continues a name.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "for",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "however",
    "meanwhile",
    "also",
    "yet",
    "still",
    "then",
    "now",
    "last",
    "earlier",
    "later",
    "some",
    "many",
    "most",
    "no",
    "not",
];

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The char starting at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Length in bytes of a clitic (`'s`, `'re`, `'ve`, `'ll`, `'d`, `'m`) starting at `i`, when
/// the apostrophe at `i` starts one that ends the word.
fn clitic_len(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let mut chars = rest.char_indices();
    let (_, a) = chars.next()?;
    if !is_apostrophe(a) {
        return None;
    }
    let letters_start = a.len_utf8();
    let letters_end = rest[letters_start..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(k, _)| letters_start + k);
    let letters = &rest[letters_start..letters_end];
    ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(letters))
        .then_some(letters_end)
}

/// Splits text into words, numbers and punctuation marks (see the module docs for the
/// rules). Byte offsets into `text`; whitespace is never part of a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i = word_end(text, i);
        } else if let Some(end) = clitic_len(text, i).map(|n| i + n).filter(|_| {
            // A clitic only after a word: `'s` in `Ukraine's`, not a quoted `'s` after a space.
            tokens.last().is_some_and(|t: &Token| {
                t.end == start && text[..start].ends_with(char::is_alphanumeric)
            })
        }) {
            i = end;
        } else if (c == '@' || c == '#')
            && char_at(text, i + 1).is_some_and(|n| n.is_alphanumeric() || n == '_')
        {
            // Handles and hashtags stay whole.
            i = word_end(text, i + 1);
        } else if c == '.' || c == '-' || c == '\u{2026}' || c == '!' || c == '?' {
            // Runs of the same mark (`...`, `--`, `?!`) are one token.
            i += c.len_utf8();
            while let Some(n) = char_at(text, i) {
                if n == c || (matches!(c, '!' | '?') && matches!(n, '!' | '?')) {
                    i += n.len_utf8();
                } else {
                    break;
                }
            }
        } else {
            i += c.len_utf8();
        }
        tokens.push(Token { start, end: i });
    }
    tokens
}

/// End of the word or number starting at `start` (an alphanumeric char).
fn word_end(text: &str, start: usize) -> usize {
    let mut i = start;
    let mut has_inner_dot = false;
    let mut last_segment_start = start;
    loop {
        // A run of alphanumerics (and marks that combine with them).
        while let Some(c) = char_at(text, i) {
            if c.is_alphanumeric() || (i > start && is_combining(c)) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        let Some(j) = char_at(text, i) else { break };
        let next = char_at(text, i + j.len_utf8());
        let prev = text[..i].chars().next_back();
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        let joins = match j {
            '-' | '/' | '\u{2010}' | '\u{2011}' => next_alnum,
            '.' => next_alnum,
            ',' | ':' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            '&' => prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase),
            '\'' | '\u{2019}' => next_alnum && clitic_len(text, i).is_none(),
            _ => false,
        };
        if !joins {
            break;
        }
        if j == '.' {
            has_inner_dot = true;
        }
        i += j.len_utf8();
        last_segment_start = i;
    }
    // A trailing period belongs to initials (`J.`, `U.S.`) and known abbreviations (`Mr.`).
    if char_at(text, i) == Some('.') {
        let word = &text[start..i];
        let last = &text[last_segment_start..i];
        let single_letter = |s: &str| {
            let mut cs = s.chars();
            cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
        };
        let initials = single_letter(last) && (has_inner_dot || single_letter(word));
        // `..` after a word is an ellipsis, not an abbreviation's period.
        let ellipsis = text[i..].starts_with("..");
        if !ellipsis && (initials || is_abbreviation(word)) {
            i += 1;
        }
    }
    i
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200D}')
}

fn is_closing(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &text[tokens[k].start..tokens[k].end];
    match t {
        ")" | "]" | "}" | "\u{201D}" | "\u{2019}" | "\u{00BB}" => true,
        // A straight quote closes when it touches the mark before it and not the word after.
        "\"" | "'" => {
            tokens[k].start == tokens[k - 1].end
                && tokens.get(k + 1).is_none_or(|n| n.start > tokens[k].end)
        }
        _ => false,
    }
}

/// Splits the tokens `range` (one paragraph) into sentences appended to `out`.
fn split_sentences(text: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    if range.is_empty() {
        return;
    }
    let mut s = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = &text[tokens[i].start..tokens[i].end];
        let mut end = i;
        let boundary = if is_terminal(t) {
            true
        } else if t.len() > 1 && t.ends_with('.') {
            // An abbreviation or initials: ends a sentence only before a typical sentence start.
            let word = &t[..t.len() - 1];
            let never = NEVER_FINAL.iter().any(|a| a.eq_ignore_ascii_case(word))
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
            !never
                && tokens
                    .get(i + 1)
                    .filter(|_| i + 1 < range.end)
                    .is_some_and(|n| {
                        let nt = &text[n.start..n.end];
                        nt.starts_with(char::is_uppercase)
                            && SENTENCE_STARTERS.iter().any(|w| w.eq_ignore_ascii_case(nt))
                    })
        } else {
            false
        };
        if boundary {
            while end + 1 < range.end && is_closing(text, tokens, end + 1) {
                end += 1;
            }
            let starts_sentence = match tokens.get(end + 1).filter(|_| end + 1 < range.end) {
                None => true,
                Some(n) => {
                    let nt = &text[n.start..n.end];
                    let first = nt.chars().next();
                    first.is_some_and(|c| {
                        c.is_uppercase()
                            || c.is_numeric()
                            || matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '-')
                            || !c.is_alphabetic() && !matches!(c, ',' | ';' | ':' | ')')
                    })
                }
            };
            if starts_sentence {
                out.push(Sentence {
                    start: tokens[s].start,
                    end: tokens[end].end,
                    tokens: s..end + 1,
                });
                s = end + 1;
            }
        }
        i = end + 1;
    }
    if s < range.end {
        out.push(Sentence {
            start: tokens[s].start,
            end: tokens[range.end - 1].end,
            tokens: s..range.end,
        });
    }
}

fn is_terminal(t: &str) -> bool {
    t == "."
        || t == "\u{2026}"
        || t.chars().all(|c| c == '!' || c == '?')
        || (t.len() >= 3 && t.chars().all(|c| c == '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        let layer = TextLayer::new(Field::Body, text);
        layer
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn tokenizer_follows_news_conventions() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world.", &["Hello", ",", "world", "."]),
            ("Ukraine's army", &["Ukraine", "'s", "army"]),
            ("Ukraine\u{2019}s army", &["Ukraine", "\u{2019}s", "army"]),
            ("they're here", &["they", "'re", "here"]),
            ("O'Neill won", &["O'Neill", "won"]),
            ("don't go", &["don't", "go"]),
            ("the players' union", &["the", "players", "'", "union"]),
            (
                "a German-born 24/7 job",
                &["a", "German-born", "24/7", "job"],
            ),
            ("The U.S. and U.K.", &["The", "U.S.", "and", "U.K."]),
            (
                "Mr. Smith met Dr. Jones",
                &["Mr.", "Smith", "met", "Dr.", "Jones"],
            ),
            ("on Jan. 5", &["on", "Jan.", "5"]),
            ("J. K. Rowling", &["J.", "K.", "Rowling"]),
            ("Acme Inc. said", &["Acme", "Inc.", "said"]),
            ("$1,250.50 or 3.5%", &["$", "1,250.50", "or", "3.5", "%"]),
            (
                "at 10:30 on 1996-08-22",
                &["at", "10:30", "on", "1996-08-22"],
            ),
            ("AT&T and S&P", &["AT&T", "and", "S&P"]),
            ("won 2-1 .", &["won", "2-1", "."]),
            ("\"Good\" talks", &["\"", "Good", "\"", "talks"]),
            (
                "\u{201C}Good\u{201D} talks",
                &["\u{201C}", "Good", "\u{201D}", "talks"],
            ),
            ("wait... what?!", &["wait", "...", "what", "?!"]),
            ("end -- of", &["end", "--", "of"]),
            ("S.AFRICA beat", &["S.AFRICA", "beat"]),
            ("Zürich café", &["Zürich", "café"]),
            ("@user #tag", &["@user", "#tag"]),
            ("(Reuters)", &["(", "Reuters", ")"]),
            ("He said so.", &["He", "said", "so", "."]),
            ("said I.", &["said", "I."]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "tokenizing {text:?}");
        }
    }

    #[test]
    fn sentence_splitter_knows_abbreviations_and_quotes() {
        let cases: &[(&str, &[&str])] = &[
            ("He left. She stayed.", &["He left.", "She stayed."]),
            (
                "Mr. Smith went to Washington. He stayed.",
                &["Mr. Smith went to Washington.", "He stayed."],
            ),
            (
                "He said \"it is good.\" Then he left.",
                &["He said \"it is good.\"", "Then he left."],
            ),
            (
                "He said \u{201C}it is good.\u{201D} Then he left.",
                &["He said \u{201C}it is good.\u{201D}", "Then he left."],
            ),
            (
                "The U.S. President spoke. It was long.",
                &["The U.S. President spoke.", "It was long."],
            ),
            (
                "He moved to the U.S. The move was hard.",
                &["He moved to the U.S.", "The move was hard."],
            ),
            ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
            ("On Jan. 5 it rained.", &["On Jan. 5 it rained."]),
            ("\"Why?\" he asked.", &["\"Why?\" he asked."]),
            ("Really? Yes! Fine.", &["Really?", "Yes!", "Fine."]),
            ("It cost 3.5 million. Ok", &["It cost 3.5 million.", "Ok"]),
            ("No final stop", &["No final stop"]),
            ("(He left.) She stayed.", &["(He left.)", "She stayed."]),
            (
                "Amb. Katherine Tai met Sec. Blinken. It went well.",
                &["Amb. Katherine Tai met Sec. Blinken.", "It went well."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "splitting {text:?}");
        }
    }

    #[test]
    fn paragraphs_come_from_newlines_and_sentences_never_cross_them() {
        let text = "First line without stop\n\n  Second para. Two sentences.\n";
        let layer = TextLayer::new(Field::Body, text);
        assert_eq!(layer.paragraphs.len(), 2);
        assert_eq!(layer.sentences.len(), 3);
        assert_eq!(
            &text[layer.sentences[0].start..layer.sentences[0].end],
            "First line without stop"
        );
        assert_eq!(layer.paragraphs[1].sentences, 1..3);
    }

    #[test]
    fn offsets_point_into_the_original_and_spans_count_chars() {
        let text = "\u{201C}Zelenskyy\u{2019}s\u{201D} envoy";
        let layer = TextLayer::new(Field::Body, text);
        assert_eq!(layer.token_text(1), "Zelenskyy");
        assert_eq!(layer.normalized(2), "'s");
        assert_eq!(layer.normalized(0), "\"");
        let span = layer.span(layer.tokens[1].start, layer.tokens[1].end);
        assert_eq!((span.start, span.end), (1, 10));
        let envoy = layer.span(layer.tokens[4].start, layer.tokens[4].end);
        let chars: String = text
            .chars()
            .skip(envoy.start)
            .take(envoy.end - envoy.start)
            .collect();
        assert_eq!(chars, "envoy");
    }

    #[test]
    fn tokens_never_contain_whitespace_and_cover_all_visible_text() {
        let text = "A  b\tc\u{00A0}d\n\ne-f g.h. \u{2026} x";
        let tokens = tokenize(text);
        let mut covered: String = String::new();
        for t in &tokens {
            let s = &text[t.start..t.end];
            assert!(
                !s.is_empty() && !s.chars().any(char::is_whitespace),
                "{s:?}"
            );
            covered.push_str(s);
        }
        let visible: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(covered, visible);
    }

    #[test]
    fn word_count_ignores_punctuation() {
        let layer = TextLayer::new(Field::Body, "Hello , world ! 42 .");
        assert_eq!(layer.word_count(), 3);
    }
}
