//! One sense per discourse for people: a name the recogniser tagged as a person somewhere in
//! the article is a person wherever else it stands on its own, even where the tagger's local
//! evidence was too weak ("“We are going to build a wall,” Trump added.", after "Donald
//! Trump" was tagged in the lead). Missing those mentions costs entity recall and, worse,
//! leaves quotes without their speaker. The same holds for places the gazetteer knows
//! ("talks with US envoy Witkoff" after "the US" was tagged a place), by their full names.
//!
//! Conservative on purpose: only names no other entity shares a word with, only exact
//! (case-sensitive) whole-token matches, and never where a capitalised word stands right
//! before or after (so "Trump Tower" and "Melania Trump" are left to the tagger).

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::doc::{Doc, EntityDraft, Mention};
use crate::extract::places;
use crate::extract::text::TextLayer;
use crate::record::EntityType;

/// Shortest name worth propagating, in bytes: two-letter "names" are initials or acronyms.
const MIN_NAME_BYTES: usize = 3;

/// Adds to each person entity a mention for every untagged whole-token occurrence of its
/// name (a full form it was mentioned by or, for forms of two or more tokens, their last
/// token) when no other entity of the article is named by the same words; and the same to
/// each place the gazetteer knows, by its full forms only ("talks with US envoy Witkoff",
/// left untagged where "the US" was tagged a place; "York" alone is not "New York").
/// Mentions stay sorted by field and offset.
pub fn propagate(doc: &Doc<'_>, drafts: &mut [EntityDraft]) {
    let words_of_mention = |m: &Mention| -> Vec<&str> {
        let layer = doc.layer(m.field);
        m.tokens
            .clone()
            .filter_map(|t| layer.tokens.get(t))
            .map(|t| &layer.text[t.start..t.end])
            .collect()
    };
    // Which entities each word names, anywhere in the article.
    let mut owners: FxHashMap<&str, FxHashSet<usize>> = FxHashMap::default();
    // Names: sequences of token texts, and the entity they name.
    let mut names: FxHashMap<Vec<&str>, usize> = FxHashMap::default();
    for (e, d) in drafts.iter().enumerate() {
        for m in &d.mentions {
            let words = words_of_mention(m);
            for w in &words {
                owners.entry(w).or_default().insert(e);
            }
            match d.kind {
                EntityType::Person => {
                    if !words.iter().all(|w| is_name_word(w)) {
                        continue;
                    }
                    if let Some(last) = words.last()
                        && words.len() >= 2
                    {
                        names.insert(vec![*last], e);
                    }
                }
                EntityType::Location if is_place_form(doc.layer(m.field).text, m) => {}
                _ => continue,
            }
            // One capitalised word that opens a sentence is capitalised for its place, not
            // because it is a name ("“Obviously, we cannot...” tagged once as a person):
            // alone, it is no evidence to spread.
            if words.len() >= 2 || !opens_sentence(doc.layer(m.field), m.tokens.start) {
                names.insert(words, e);
            }
        }
    }
    names.retain(|n, _| {
        n.iter()
            .all(|w| owners.get(w).is_some_and(|o| o.len() == 1))
    });
    if names.is_empty() {
        return;
    }
    let longest = names.keys().map(Vec::len).max().unwrap_or(1);
    // Most tokens start no name: one set lookup rules them out without building a key.
    let first_words: FxHashSet<&str> = names.keys().filter_map(|n| n.first().copied()).collect();
    // In an all-caps headline every word is capitalised, so neighbours say nothing; the
    // name is matched in capitals ("TRUMP SAYS DEAL CLOSE"). Built at the first such
    // sentence: most articles have none.
    let upper: OnceCell<UpperNames> = OnceCell::new();
    let upper_names = || {
        upper.get_or_init(|| {
            let names: FxHashMap<Vec<String>, usize> = names
                .iter()
                .map(|(n, &e)| (n.iter().map(|w| w.to_uppercase()).collect(), e))
                .collect();
            let first = names.keys().filter_map(|n| n.first().cloned()).collect();
            UpperNames { names, first }
        })
    };
    let mut added: Vec<(usize, Mention)> = Vec::new();
    for layer in doc.layers() {
        let mut taken = vec![false; layer.tokens.len()];
        for m in drafts
            .iter()
            .flat_map(|d| &d.mentions)
            .filter(|m| m.field == layer.field)
        {
            for t in m.tokens.clone() {
                if let Some(slot) = taken.get_mut(t) {
                    *slot = true;
                }
            }
        }
        for sent in &layer.sentences {
            let caps = all_caps(layer, sent.tokens.clone());
            let mut i = sent.tokens.start;
            while i < sent.tokens.end {
                let tok = &layer.tokens[i];
                let word = &layer.text[tok.start..tok.end];
                let starts = if caps {
                    upper_names().first.contains(word)
                } else {
                    first_words.contains(word)
                };
                if taken[i] || !starts {
                    i += 1;
                    continue;
                }
                let found = (1..=longest.min(sent.tokens.end - i))
                    .rev()
                    .find_map(|len| {
                        let span = i..i + len;
                        if taken[span.clone()].iter().any(|&t| t) {
                            return None;
                        }
                        if caps {
                            let key: Vec<String> = words_of(layer, span)
                                .iter()
                                .map(|w| w.to_string())
                                .collect();
                            return upper_names().names.get(&key).map(|&e| (len, e));
                        }
                        if capitalised_neighbour(layer, sent.tokens.clone(), span.clone()) {
                            return None;
                        }
                        names.get(&words_of(layer, span)).map(|&e| (len, e))
                    });
                match found {
                    Some((len, e)) => {
                        let (start, end) = (layer.tokens[i].start, layer.tokens[i + len - 1].end);
                        added.push((
                            e,
                            Mention {
                                field: layer.field,
                                start,
                                end,
                                tokens: i..i + len,
                                kind: drafts[e].kind,
                            },
                        ));
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
    }
    for (e, m) in added {
        drafts[e].mentions.push(m);
    }
    for d in drafts.iter_mut() {
        d.mentions.sort_by_key(|m| (m.field, m.start));
    }
}

/// Whether mention `m` names a place as the gazetteer knows it, written with a capital:
/// "US", "Ukraine", "New York"; not "Washington" of "the Washington Post" (not a place
/// mention) nor a word the recogniser made a place that no list knows.
fn is_place_form(text: &str, m: &Mention) -> bool {
    let name = &text[m.start..m.end];
    name.len() >= 2
        && name.chars().next().is_some_and(char::is_uppercase)
        && places::is_place_name(name)
}

/// The article's names in capitals, for all-caps sentences.
struct UpperNames {
    names: FxHashMap<Vec<String>, usize>,
    /// Their first words: most tokens start no name.
    first: FxHashSet<String>,
}

/// A capitalised word made of letters (with inner hyphens or apostrophes): "Zelenskyy",
/// "O'Leary", "Jean-Luc"; not "US", "the", "2024" or "Mr.".
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    w.len() >= MIN_NAME_BYTES
        && chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Whether the sentence `tokens` is written in capitals: at least two words of letters, and
/// no lowercase letter in any of them.
fn all_caps(layer: &TextLayer<'_>, tokens: std::ops::Range<usize>) -> bool {
    let mut words = 0;
    for t in &layer.tokens[tokens] {
        let w = &layer.text[t.start..t.end];
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        words += usize::from(w.chars().any(char::is_alphabetic));
    }
    words >= 2
}

/// Whether token `i` is the first word of its sentence (only quote marks or brackets
/// before it).
fn opens_sentence(layer: &TextLayer<'_>, i: usize) -> bool {
    let si = layer.sentences.partition_point(|s| s.tokens.end <= i);
    layer.sentences.get(si).is_some_and(|s| {
        layer.tokens[s.tokens.start..i.max(s.tokens.start)]
            .iter()
            .all(|t| !layer.text[t.start..t.end].contains(char::is_alphanumeric))
    })
}

fn words_of<'a>(layer: &TextLayer<'a>, span: std::ops::Range<usize>) -> Vec<&'a str> {
    layer.tokens[span]
        .iter()
        .map(|t| &layer.text[t.start..t.end])
        .collect()
}

/// Whether a capitalised word stands right before or after `span` within its sentence: the
/// name is then part of a longer name the tagger should decide on.
fn capitalised_neighbour(
    layer: &TextLayer<'_>,
    sentence: std::ops::Range<usize>,
    span: std::ops::Range<usize>,
) -> bool {
    let capitalised = |t: usize| {
        let tok = &layer.tokens[t];
        layer.text[tok.start..tok.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    (span.start > sentence.start && capitalised(span.start - 1))
        || (span.end < sentence.end && capitalised(span.end))
}

#[cfg(test)]
mod tests {
    use crate::extract::doc::Doc;
    use crate::extract::entities::{cluster, mentions_of};
    use crate::record::EntityType::{self, Organization as O, Person as P};

    /// (name, kind, mention texts) of every entity, clustered from the given tagged names.
    fn entities(body: &str, tagged: &[(&str, EntityType)]) -> Vec<(String, EntityType, usize)> {
        let doc = Doc::new(None, body, None);
        cluster(&doc, mentions_of(&doc, tagged))
            .into_iter()
            .map(|d| (d.name, d.kind, d.mentions.len()))
            .collect()
    }

    #[test]
    fn a_tagged_name_is_found_in_an_all_caps_headline() {
        let body = "TRUMP SAYS UKRAINE DEAL CLOSE\nDonald Trump said on Friday a deal was close.";
        assert_eq!(
            entities(body, &[("Donald Trump", P)]),
            [("Donald Trump".to_string(), P, 2)]
        );
        // In ordinary case a capitalised neighbour still leaves the name to the tagger.
        let body = "Trump Tower stood empty.\nDonald Trump said on Friday a deal was close.";
        assert_eq!(
            entities(body, &[("Donald Trump", P)]),
            [("Donald Trump".to_string(), P, 1)]
        );
    }

    #[test]
    fn a_known_place_tagged_once_is_a_place_wherever_it_stands_alone() {
        use crate::record::EntityType::Location as L;
        let body = "Talks between Ukraine and the US went on. Later the US envoy met Kyiv's team. \
                    Kyiv said Yorkshire and York would host it; New York did not.";
        // As if the tagger had found the first "US", "Kyiv's" Kyiv, "Yorkshire" and "New
        // York", and "York" nowhere.
        let doc = Doc::new(None, body, None);
        let mut mentions = mentions_of(
            &doc,
            &[("US", L), ("Kyiv", L), ("Yorkshire", L), ("New York", L)],
        );
        let second_us = body.rfind("US").unwrap_or(0);
        let second_kyiv = body.rfind("Kyiv").unwrap_or(0);
        mentions.retain(|m| m.start != second_us && m.start != second_kyiv);
        let found: Vec<(String, usize)> = cluster(&doc, mentions)
            .into_iter()
            .map(|d| (d.name, d.mentions.len()))
            .collect();
        // Both "US" and both "Kyiv"; "York" alone is not "New York".
        assert!(
            found.contains(&("United States".to_string(), 2))
                || found.contains(&("US".to_string(), 2)),
            "{found:?}"
        );
        assert!(found.contains(&("Kyiv".to_string(), 2)), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "York"), "{found:?}");
    }

    #[test]
    fn a_tagged_surname_is_a_person_wherever_it_stands_alone() {
        let body = "Donald Trump spoke in Austin.\n“We will build it,” Trump added. \
                    Trump’s aides agreed.";
        // As if the tagger had found only the full name.
        assert_eq!(
            entities(body, &[("Donald Trump", P)]),
            [("Donald Trump".to_string(), P, 3)]
        );
    }

    #[test]
    fn a_word_tagged_only_where_it_opens_a_sentence_is_not_spread() {
        let body = "“Obviously, we cannot win,” he said.\nHe said it was obviously over. \
                    Later Obviously was not repeated; Smith said Obviously twice.";
        // As if the tagger had called the first "Obviously" a person, and "Smith" one too.
        let doc = Doc::new(None, body, None);
        let mut mentions = mentions_of(&doc, &[("Obviously", P), ("Smith", P)]);
        mentions.retain(|m| m.start < 20 || &body[m.start..m.end] == "Smith");
        let found: Vec<(String, usize)> = cluster(&doc, mentions)
            .into_iter()
            .map(|d| (d.name, d.mentions.len()))
            .collect();
        assert!(found.contains(&("Obviously".to_string(), 1)), "{found:?}");
    }

    #[test]
    fn longer_names_and_names_of_other_entities_are_left_alone() {
        let body = "Donald Trump spoke. Melania Trump listened at Trump Tower. \
                    Henry Ford was born in 1863. Ford shares fell; Ford said little.";
        let found = entities(
            body,
            &[("Donald Trump", P), ("Henry Ford", P), ("Ford shares", O)],
        );
        // "Melania Trump" and "Trump Tower" have capitalised neighbours; "Ford" also names
        // the company in this article.
        assert!(
            found.contains(&("Donald Trump".to_string(), P, 1)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Henry Ford".to_string(), P, 1)),
            "{found:?}"
        );
    }
}
