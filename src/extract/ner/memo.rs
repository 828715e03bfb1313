//! What the tagger worked out about each word type in the earlier articles one thread
//! tagged: the token's analysis ([`Lex`]) and the weights its own features and the features
//! it lends its neighbours sum to. All three are functions of the token string and the
//! model alone, so reusing them changes no score; they are most of the per-type work of
//! tagging, and news vocabulary repeats from one article to the next, so a long-running
//! worker computes them once per word instead of once per article (the way spaCy keeps
//! lexemes in its vocabulary).
//!
//! Memory is bounded: once [`CAPACITY`] types are held, the memo starts again empty at the
//! next document.

use std::fmt;

use rustc_hash::FxHashMap;

use super::emissions::{Acc, Lent};
use super::lexicon::Lex;

/// Types held before the memo starts again: about 550 bytes each, so at most some 18 MB a
/// thread, and room for the vocabulary that makes up nearly all running news text.
pub const CAPACITY: usize = 1 << 15;

/// No sums computed yet.
const NONE: u32 = u32::MAX;

/// One word type.
#[derive(Clone, Copy)]
struct Word {
    lex: Lex,
    /// [`super::outside::is_plain`].
    plain: bool,
    /// Per casing reliability (index 1 in unreliably cased sentences): index into
    /// [`Memo::own`], or [`NONE`].
    own: [u32; 2],
    /// The same for [`Memo::lent`].
    lent: [u32; 2],
}

/// Per-thread memo of word types (see the module documentation).
#[derive(Default)]
pub struct Memo {
    index: FxHashMap<Box<str>, u32>,
    words: Vec<Word>,
    /// A type's own features without the document-level ones, with the bias.
    own: Vec<Acc>,
    /// What a type lends its neighbours.
    lent: Vec<Lent>,
}

impl fmt::Debug for Memo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Memo")
            .field("types", &self.words.len())
            .finish()
    }
}

impl Memo {
    /// Called before each document: forgets everything once the memo is full, so slots
    /// stay valid for the whole of a document and memory stays bounded.
    pub fn start_document(&mut self) {
        if self.words.len() >= CAPACITY {
            self.index.clear();
            self.words.clear();
            self.own.clear();
            self.lent.clear();
        }
    }

    /// Number of word types held.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word type is held.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The slot of `token`, analysing it when it is new.
    pub fn slot(&mut self, token: &str) -> u32 {
        if let Some(&s) = self.index.get(token) {
            return s;
        }
        let lex = Lex::of(token);
        let plain = super::outside::is_plain(token, &lex);
        // CAPACITY plus one document's types fit u32 like token indices.
        let s = self.words.len() as u32;
        self.words.push(Word {
            lex,
            plain,
            own: [NONE; 2],
            lent: [NONE; 2],
        });
        self.index.insert(token.into(), s);
        s
    }

    /// The analysis of the type in `slot` and whether it is a plain lowercase word.
    pub fn lex(&self, slot: u32) -> (&Lex, bool) {
        let w = &self.words[slot as usize];
        (&w.lex, w.plain)
    }

    /// The type's own sums in sentences of reliability `unrel`, from `compute` the first
    /// time.
    pub(crate) fn own(
        &mut self,
        slot: u32,
        unrel: bool,
        compute: impl FnOnce(&Lex) -> Acc,
    ) -> &Acc {
        let w = &mut self.words[slot as usize];
        let at = &mut w.own[usize::from(unrel)];
        if *at == NONE {
            *at = self.own.len() as u32;
            self.own.push(compute(&w.lex));
        }
        &self.own[*at as usize]
    }

    /// What the type lends its neighbours in sentences of reliability `unrel`, from
    /// `compute` the first time.
    pub(crate) fn lent(
        &mut self,
        slot: u32,
        unrel: bool,
        compute: impl FnOnce(&Lex) -> Lent,
    ) -> &Lent {
        let w = &mut self.words[slot as usize];
        let at = &mut w.lent[usize::from(unrel)];
        if *at == NONE {
            *at = self.lent.len() as u32;
            self.lent.push(compute(&w.lex));
        }
        &self.lent[*at as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_is_analysed_once_and_a_full_memo_starts_again() {
        let mut memo = Memo::default();
        let a = memo.slot("Kyiv");
        assert_eq!(memo.slot("Kyiv"), a);
        assert_ne!(memo.slot("kyiv"), a);
        assert_eq!(memo.lex(a).0.chars, 4);
        let mut calls = 0;
        for _ in 0..2 {
            memo.lent(a, false, |_| {
                calls += 1;
                [[1; super::super::weights::ROW]; 4]
            });
        }
        assert_eq!(calls, 1, "sums are computed once per type");
        for i in 0..CAPACITY {
            memo.slot(&format!("w{i}"));
        }
        assert!(memo.len() > CAPACITY);
        memo.start_document();
        assert!(memo.is_empty());
    }
}
