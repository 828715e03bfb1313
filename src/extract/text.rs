//! The text layer: tokens, sentences and paragraphs of one article field, with byte offsets
//! into the original text (never a rewritten copy), so every later stage can point back at
//! exactly what the article says. [`TextLayer::span`] turns byte offsets into the char
//! offsets of the output record.

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
    pub fn new(field: Field, text: &'a str) -> Self {
        let tokens = tokenize(text);
        let mut sentences = Vec::new();
        let mut paragraphs = Vec::new();
        let mut t = 0;
        for (pstart, pend) in lines(text) {
            let first_sentence = sentences.len();
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

/// Splits text into words, numbers and punctuation marks. (Placeholder rules; the NER issue
/// brings the full tokenizer.)
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        if ch.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            tokens.push(Token { start: s, end: i });
        }
        if !ch.is_whitespace() {
            tokens.push(Token {
                start: i,
                end: i + ch.len_utf8(),
            });
        }
    }
    if let Some(s) = word_start {
        tokens.push(Token {
            start: s,
            end: text.len(),
        });
    }
    tokens
}

fn split_sentences(text: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let mut s = range.start;
    for i in range.clone() {
        let t = &text[tokens[i].start..tokens[i].end];
        if matches!(t, "." | "!" | "?") || i + 1 == range.end {
            out.push(Sentence {
                start: tokens[s].start,
                end: tokens[i].end,
                tokens: s..i + 1,
            });
            s = i + 1;
        }
    }
}
