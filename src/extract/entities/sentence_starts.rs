//! Ordinary words that open a sentence. "Automakers petitioned the agency", "Green flags
//! and banners", "Little did I know": a capital at the start of a sentence says nothing, and
//! the recogniser sometimes takes such a word for a name. The article itself tells: a word
//! it writes in lowercase inside its sentences, and never capitalises there, is no name.

use rustc_hash::FxHashMap;

use crate::extract::doc::{Doc, Mention};
use crate::extract::text::TextLayer;
use crate::record::Field;

/// Whether token `i` opens its sentence (only punctuation, such as a quotation mark,
/// before it).
fn opens_sentence(layer: &TextLayer<'_>, i: usize) -> bool {
    let k = layer.sentences.partition_point(|s| s.tokens.end <= i);
    let Some(s) = layer.sentences.get(k) else {
        return false;
    };
    (s.tokens.start..i).all(|j| !layer.token_text(j).chars().any(char::is_alphanumeric))
}

/// Drops the one-word body mentions that open a sentence and that the body writes in
/// lowercase elsewhere and never capitalises inside a sentence, as the module says. Words
/// in capitals are left alone (a headline's), and so are words another mention of the
/// article contains ("Young" with "Steve Young").
pub fn drop_common_words(doc: &Doc<'_>, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let body = &doc.body;
    let candidate = |m: &Mention| {
        if m.field != Field::Body || m.tokens.len() != 1 {
            return None;
        }
        let w = body.token_text(m.tokens.start);
        let capitalised = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase);
        (capitalised && opens_sentence(body, m.tokens.start)).then_some(w)
    };
    // Each distinct word once, and the body read once for all of them: an article may open
    // thousands of sentences with the same word.
    let mut words: FxHashMap<&str, Seen> = mentions
        .iter()
        .filter_map(candidate)
        .map(|w| (w, Seen::default()))
        .collect();
    if words.is_empty() {
        return mentions;
    }
    for m in mentions.iter().filter(|m| m.tokens.len() > 1) {
        let layer = doc.layer(m.field);
        for i in m.tokens.clone() {
            if let Some(seen) = words.get_mut(layer.token_text(i)) {
                seen.in_longer = true;
            }
        }
    }
    let lowers: FxHashMap<String, &str> = words.keys().map(|w| (w.to_lowercase(), *w)).collect();
    // The first letters of the words, so that most tokens are passed over without a lookup.
    let mut initials = [false; 128];
    let mut other_initials = false;
    for w in words.keys() {
        match w.bytes().next() {
            Some(b) if b.is_ascii() => initials[usize::from(b.to_ascii_lowercase())] = true,
            _ => other_initials = true,
        }
    }
    let may_be_one = |t: &str| match t.bytes().next() {
        Some(b) if b.is_ascii() => initials[usize::from(b.to_ascii_lowercase())],
        _ => other_initials,
    };
    for s in &body.sentences {
        let mut opening = true;
        for i in s.tokens.clone() {
            let t = body.token_text(i);
            if !may_be_one(t) {
                opening &= !t.chars().any(char::is_alphanumeric);
                continue;
            }
            if let Some(w) = lowers.get(t) {
                if let Some(seen) = words.get_mut(w) {
                    seen.as_lower = true;
                }
            } else if !opening {
                if let Some(seen) = words.get_mut(t) {
                    seen.as_name = true;
                }
            }
            opening &= !t.chars().any(char::is_alphanumeric);
        }
    }
    let common = |w: &str| {
        words
            .get(w)
            .is_some_and(|s| s.as_lower && !s.as_name && !s.in_longer)
    };
    if !words.keys().any(|w| common(w)) {
        return mentions;
    }
    mentions.retain(|m| candidate(m).is_none_or(|w| !common(w)));
    mentions
}

/// What the body shows of one sentence-opening word.
#[derive(Debug, Default, Clone, Copy)]
struct Seen {
    /// Written in lowercase somewhere.
    as_lower: bool,
    /// Capitalised inside a sentence.
    as_name: bool,
    /// A word of a mention of several words ("Young" of "Steve Young").
    in_longer: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::mentions_of;
    use crate::record::EntityType::{self, Organization as O, Person as P};

    fn kept(text: &str, names: &[(&str, EntityType)]) -> Vec<String> {
        let doc = Doc::new(None, text, None);
        let mentions = drop_common_words(&doc, mentions_of(&doc, names));
        mentions
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn a_sentence_opening_word_the_article_writes_in_lowercase_is_no_name() {
        let got = kept(
            "Automakers petitioned the agency. Other automakers agreed.",
            &[("Automakers", O)],
        );
        assert!(got.is_empty(), "{got:?}");
        // After a quotation mark too.
        let got = kept(
            "\"Little did I know,\" he said. It was little.",
            &[("Little", P)],
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn names_the_article_capitalises_inside_a_sentence_or_in_full_stay() {
        // "Green" is capitalised mid-sentence: a name here.
        let got = kept(
            "Green scored. The green shirts cheered for Green.",
            &[("Green", P)],
        );
        assert_eq!(got, vec!["Green", "Green"]);
        // "Young" is part of "Steve Young".
        let got = kept(
            "Young threw twice. Steve Young is not young.",
            &[("Steve Young", P), ("Young", P)],
        );
        assert_eq!(got, vec!["Young", "Steve Young"]);
        // Never written in lowercase: kept.
        let got = kept("Mercury rose. Shares of Mercury fell.", &[("Mercury", O)]);
        assert_eq!(got.len(), 2);
    }
}
