//! Tokens the tagger does not score: lowercase words outside the few that names contain.
//!
//! More than half the tokens of English news are lowercase words ("talks", "said", "the"),
//! and a name almost never contains one: in CoNLL-2003's training set, 439 of its 112,171
//! lowercase-initial tokens are inside an entity, mostly particles and connectives ("Bank
//! of England", "Ludwig van Beethoven", "Marks and Spencer"), which this rule leaves to the
//! model. Every other all-lowercase word is labelled `O` without its features being looked
//! up, and Viterbi passes through it with the single label `O`: the same labels wherever
//! the model would have said `O` anyway, at about half the cost per sentence.
//!
//! What this gives up was measured on CoNLL-2003 train and dev, and 200 PolNeAR articles,
//! against the tagger without it (see `models/ner/README.md`).

use std::sync::LazyLock;

use super::lexicon::{Case, Lex, lower_hash};
use crate::extract::text::TextLayer;

/// Lowercase words that occur inside names: particles of personal names in several
/// languages, and the connectives of organisation names. Every lowercase word seen inside
/// an entity at least twice in CoNLL-2003's training set is here or is a content word
/// ("ministry", "radio") that the model itself labels `O` in lowercase.
const NAME_WORDS: &[&str] = &[
    "of", "and", "the", "for", "in", "on", "at", "de", "du", "des", "del", "della", "dei", "di",
    "da", "das", "do", "dos", "van", "von", "der", "den", "ter", "ten", "het", "la", "le", "les",
    "el", "al", "bin", "ibn", "ben", "bint", "abu", "y", "e", "et", "und", "zu", "st", "mc", "mac",
    "serie", "l", "d", "o", "a", "an", "upon", "under", "am", "dello", "degli", "dal", "wa", "v",
    "v.", "vs", "vs.", "op",
];

/// Lowercase hashes of [`NAME_WORDS`], sorted.
static NAME_HASHES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut v: Vec<u64> = NAME_WORDS.iter().map(|w| lower_hash(w)).collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// Loads the word list (a few dozen hashes) ahead of the first article.
pub fn preload() {
    LazyLock::force(&NAME_HASHES);
}

/// True when `token` (analysed as `l`) is a word with no capital letter, not a clitic
/// ("'s"), and not one of the words names contain.
pub fn is_plain(token: &str, l: &Lex) -> bool {
    l.case == Case::Lower
        && l.alpha
        && !token.starts_with(['\'', '’'])
        && NAME_HASHES.binary_search(&l.lower).is_err()
}

/// Which tokens of `layer` the tagger labels `O` without scoring: plain words
/// ([`is_plain`]; `plain` by type, `ty` the type of every token) that stand apart from
/// their neighbours. A piece written against the token before or after it ("sponsored" of
/// "U.S.-sponsored") is part of a larger word, which may be a name; so may a word between
/// two capitalised ones ("the Palestinian self-rule Authority").
pub fn mark(layer: &TextLayer<'_>, ty: &[u32], plain: &[bool], lex: &[Lex]) -> Vec<bool> {
    let t = &layer.tokens;
    let capital = |j: usize| lex.get(j).is_some_and(|l| l.alpha && l.case != Case::Lower);
    (0..t.len())
        .map(|i| {
            plain[ty[i] as usize]
                && (i == 0 || t[i - 1].end < t[i].start)
                && t.get(i + 1).is_none_or(|n| t[i].end < n.start)
                && !(i > 0 && capital(i - 1) && capital(i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::Model;
    use crate::extract::ner::features::LayerInfo;
    use crate::record::Field;

    /// The tokens of `text` the tagger leaves unscored.
    fn unscored(text: &str) -> Vec<&str> {
        let layer = TextLayer::new(Field::Body, text);
        let info = LayerInfo::new(&layer, &Model::embedded_gazetteer());
        (0..layer.tokens.len())
            .filter(|&i| info.outside[i])
            .map(|i| &text[layer.tokens[i].start..layer.tokens[i].end])
            .collect()
    }

    #[test]
    fn pieces_of_larger_words_and_words_between_capitals_are_scored() {
        assert_eq!(
            unscored("the U.S.-sponsored talks of the Palestinian self-rule Authority ended"),
            ["talks", "ended"]
        );
        assert_eq!(
            unscored("Queen's Park fans said the Bank of England was right"),
            ["fans", "said", "was", "right"]
        );
    }

    #[test]
    fn plain_lowercase_words_are_plain_and_name_parts_are_not() {
        for w in ["talks", "said", "peace", "twenty-four", "didn't", "3rd"] {
            assert!(is_plain(w, &Lex::of(w)), "{w}");
        }
        for w in [
            "of", "van", "de", "and", "Kyiv", "NATO", "iPhone", ",", "1990", "al", "'s", "’s",
        ] {
            assert!(!is_plain(w, &Lex::of(w)), "{w}");
        }
    }
}
