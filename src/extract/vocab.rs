//! The article's vocabulary: every word token's lowercase form, interned once per article.
//! Key phrases, the summary and tone all count words by their lowercase form; each used to
//! re-scan the text char by char, lowercase every word and hash it into its own table.
//! Doing it once, at the token level, lets them index plain arrays by word id instead, and
//! keeps one definition of "word" (the tokenizer's) across the record.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::lexicon::{self, Entry};
use super::text::TextLayer;
use crate::record::Field;

/// The id of a token that is not a word: punctuation, or a clitic such as `'s` (a
/// possessive is a boundary between words, not a word of its own).
pub const NOT_A_WORD: u32 = u32::MAX;

/// Lowercase word forms of one article and the form of every token of its fields.
#[derive(Debug, Default)]
pub struct Vocab<'a> {
    /// Lowercase form of every id, curly apostrophes folded to straight ones ("didn’t" is
    /// "didn't").
    forms: Vec<Cow<'a, str>>,
    /// What the word lists say about every form, by id.
    entries: Vec<Entry>,
    /// Word id of each title token ([`NOT_A_WORD`] for the others).
    title: Vec<u32>,
    /// Word id of each body token.
    body: Vec<u32>,
    /// Every distinct token string as written (punctuation included), title first, in order
    /// of first occurrence.
    surfaces: Vec<&'a str>,
    /// Surface id (index into `surfaces`) of each title token, and of each body token.
    title_surface: Vec<u32>,
    body_surface: Vec<u32>,
}

impl<'a> Vocab<'a> {
    /// Interns the words of the article's fields, title first.
    pub fn new(title: Option<&TextLayer<'a>>, body: &TextLayer<'a>) -> Self {
        let tokens = title.map_or(0, |t| t.tokens.len()) + body.tokens.len();
        let mut b = Builder {
            // Short news texts repeat about every other token; room for that many forms
            // avoids growing the tables while interning.
            surface: FxHashMap::with_capacity_and_hasher(tokens / 2 + 8, Default::default()),
            surfaces: Vec::with_capacity(tokens / 2 + 8),
            surface_word: Vec::with_capacity(tokens / 2 + 8),
            lower: FxHashMap::with_capacity_and_hasher(tokens / 2 + 8, Default::default()),
            forms: Vec::with_capacity(tokens / 2 + 8),
            entries: Vec::with_capacity(tokens / 2 + 8),
        };
        let (title, title_surface) = title.map(|l| b.layer(l)).unwrap_or_default();
        let (body, body_surface) = b.layer(body);
        Vocab {
            forms: b.forms,
            entries: b.entries,
            title,
            body,
            surfaces: b.surfaces,
            title_surface,
            body_surface,
        }
    }

    /// Every distinct token string of the article as written, by surface id: the entity
    /// tagger analyses each once.
    pub fn surfaces(&self) -> &[&'a str] {
        &self.surfaces
    }

    /// Surface id of every token of `field` (see [`Vocab::surfaces`]).
    pub fn surface_ids(&self, field: Field) -> &[u32] {
        match field {
            Field::Title => &self.title_surface,
            Field::Body => &self.body_surface,
        }
    }

    /// Word id of every token of `field` ([`NOT_A_WORD`] for punctuation and clitics).
    pub fn ids(&self, field: Field) -> &[u32] {
        match field {
            Field::Title => &self.title,
            Field::Body => &self.body,
        }
    }

    /// The lowercase form of word `id`.
    pub fn form(&self, id: u32) -> &str {
        &self.forms[id as usize]
    }

    /// What the stop word, verb and sentiment lists say about word `id`.
    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// Number of distinct lowercase forms: word ids are `0..len()`.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True for an article without words.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

struct Builder<'a> {
    /// Token text as written to surface id: most tokens repeat an earlier one exactly, and
    /// need no lowercasing.
    surface: FxHashMap<&'a str, u32>,
    surfaces: Vec<&'a str>,
    /// Word id of every surface id.
    surface_word: Vec<u32>,
    lower: FxHashMap<Cow<'a, str>, u32>,
    forms: Vec<Cow<'a, str>>,
    entries: Vec<Entry>,
}

impl<'a> Builder<'a> {
    /// Word ids and surface ids of every token of `layer`.
    fn layer(&mut self, layer: &TextLayer<'a>) -> (Vec<u32>, Vec<u32>) {
        let mut words = Vec::with_capacity(layer.tokens.len());
        let mut surfaces = Vec::with_capacity(layer.tokens.len());
        for t in &layer.tokens {
            let s = self.intern(&layer.text[t.start..t.end]);
            surfaces.push(s);
            words.push(self.surface_word[s as usize]);
        }
        (words, surfaces)
    }

    /// The surface id of `token`, interning its word form on its first occurrence.
    fn intern(&mut self, token: &'a str) -> u32 {
        if let Some(&s) = self.surface.get(token) {
            return s;
        }
        let id = if is_word(token) {
            let lower = lowercase(token);
            match self.lower.get(lower.as_ref()) {
                Some(&id) => id,
                None => {
                    // Fewer forms than tokens, and token counts fit u32 (inputs are capped
                    // far below 4 GB).
                    let id = self.forms.len() as u32;
                    self.entries.push(lexicon::entry(&lower));
                    self.forms.push(lower.clone());
                    self.lower.insert(lower, id);
                    id
                }
            }
        } else {
            NOT_A_WORD
        };
        // Fewer surfaces than tokens.
        let s = self.surfaces.len() as u32;
        self.surfaces.push(token);
        self.surface_word.push(id);
        self.surface.insert(token, s);
        s
    }
}

/// A word has a letter or digit and is not a clitic split off by the tokenizer ("'s",
/// "’re").
fn is_word(token: &str) -> bool {
    !token.starts_with(['\'', '’']) && token.chars().any(char::is_alphanumeric)
}

/// Lowercase with "’" as "'"; borrowed when the token already is (most words of prose).
fn lowercase(token: &str) -> Cow<'_, str> {
    if token
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(token);
    }
    Cow::Owned(
        token
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::doc::Doc;

    fn forms(doc: &Doc<'_>, field: Field) -> Vec<Option<String>> {
        doc.vocab
            .ids(field)
            .iter()
            .map(|&id| (id != NOT_A_WORD).then(|| doc.vocab.form(id).to_string()))
            .collect()
    }

    #[test]
    fn words_are_lowercased_and_shared_across_fields() {
        let doc = Doc::new(
            Some("Peace TALKS resume"),
            "Talks on peace didn’t stop, Kyiv’s envoy said.",
            None,
        );
        let w = |s: &str| Some(s.to_string());
        assert_eq!(
            forms(&doc, Field::Title),
            [w("peace"), w("talks"), w("resume")]
        );
        assert_eq!(
            forms(&doc, Field::Body),
            [
                w("talks"),
                w("on"),
                w("peace"),
                w("didn't"),
                w("stop"),
                None,
                w("kyiv"),
                None,
                w("envoy"),
                w("said"),
                None
            ]
        );
        let title = doc.vocab.ids(Field::Title);
        let body = doc.vocab.ids(Field::Body);
        assert_eq!(title[0], body[2], "one id per lowercase form");
        assert_eq!(title[1], body[0]);
        assert_eq!(doc.vocab.len(), 9);
    }

    #[test]
    fn an_article_without_words_has_an_empty_vocabulary() {
        let doc = Doc::new(None, "... -- !", None);
        assert!(doc.vocab.is_empty());
        assert!(doc.vocab.ids(Field::Body).iter().all(|&i| i == NOT_A_WORD));
    }
}
