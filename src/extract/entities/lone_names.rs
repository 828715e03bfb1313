//! One sense per discourse for a one-word "person" the article never names in full. News
//! introduces a person by full name; a single capitalised word the recogniser calls a person
//! with no full name around it is often an organisation, a group or a place that the
//! article also tags as such ("According to ProPublica," a person, and "ProPublica obtained
//! a video", an organisation; "Latinos" a person twice and MISC eight times). Such a word
//! takes the type the article gives it at least as often elsewhere, on its own.
//!
//! Not a word that starts or ends a longer person's name in the article ("Clinton" after
//! "Hillary Clinton", "Ted" after "Ted Cruz"): there the bare word is that person, and the
//! clustering joins it.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::doc::{Doc, Mention};
use crate::record::EntityType;

/// Retypes one-word person mentions as the module says. Mentions keep their order.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let lower = |m: &Mention, i: usize| doc.layer(m.field).token_text(i).to_lowercase();
    // Words that begin or end a person's name of two or more words.
    let mut in_full_names: FxHashSet<String> = FxHashSet::default();
    // How often each one-word form is tagged as each type: PER, ORG, LOC, MISC.
    let mut counts: FxHashMap<String, [u32; 4]> = FxHashMap::default();
    for m in mentions.iter() {
        if m.tokens.len() >= 2 && m.kind == EntityType::Person {
            in_full_names.insert(lower(m, m.tokens.start));
            in_full_names.insert(lower(m, m.tokens.end - 1));
        } else if m.tokens.len() == 1 {
            counts.entry(lower(m, m.tokens.start)).or_default()[slot(m.kind)] += 1;
        }
    }
    let mut retyped: FxHashMap<String, EntityType> = FxHashMap::default();
    for (word, c) in &counts {
        if c[0] == 0 || in_full_names.contains(word) {
            continue;
        }
        // The commonest other type, if it is at least as common as the person reading; of
        // two as common, the first of ORG, LOC, MISC.
        let best = (1..4).fold(1, |b, k| if c[k] > c[b] { k } else { b });
        if c[best] >= c[0] {
            retyped.insert(word.clone(), KINDS[best]);
        }
    }
    if retyped.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person
            && m.tokens.len() == 1
            && let Some(&kind) = retyped.get(&lower(m, m.tokens.start))
        {
            m.kind = kind;
        }
    }
}

const KINDS: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
    EntityType::Misc,
];

fn slot(kind: EntityType) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::mentions_of;
    use EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    /// The mentions of `names` in `text`, typed in text order by `kinds`, after the rule.
    fn run(text: &str, names: &[&str], kinds: &[EntityType]) -> Vec<(String, EntityType)> {
        let doc = Doc::new(None, text, None);
        let named: Vec<(&str, EntityType)> = names.iter().map(|n| (*n, P)).collect();
        let mut mentions = mentions_of(&doc, &named);
        assert_eq!(mentions.len(), kinds.len(), "one type per mention");
        for (m, &k) in mentions.iter_mut().zip(kinds) {
            m.kind = k;
        }
        retype(&doc, &mut mentions);
        mentions
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_lone_person_word_takes_the_type_the_article_gives_it_as_often() {
        let got = run(
            "According to ProPublica, she spoke. ProPublica obtained a video. Latinos voted; \
             Latinos and Latinos marched.",
            &["ProPublica", "Latinos"],
            &[P, O, P, M, M],
        );
        let kinds: Vec<EntityType> = got.iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec![O, O, M, M, M]);
    }

    #[test]
    fn a_word_of_a_full_name_or_a_person_more_often_stays_a_person() {
        // "Clinton" ends "Hillary Clinton" and "Ted" starts "Ted Cruz": the bare words are
        // them, whatever else the article calls those words.
        let got = run(
            "Hillary Clinton and Ted Cruz spoke. Clinton left the Clinton stage; Ted went to \
             Ted Bar. Ford said, and Ford agreed, that Ford builds cars.",
            &["Hillary Clinton", "Ted Cruz", "Clinton", "Ted", "Ford"],
            &[P, P, P, O, P, L, P, P, O],
        );
        let kinds: Vec<EntityType> = got.iter().map(|g| g.1).collect();
        assert_eq!(kinds, vec![P, P, P, O, P, L, P, P, O]);
        // A lone person as often as a place, and no full name: the place.
        let got = run("Nice went to Nice.", &["Nice"], &[P, L]);
        assert_eq!(got[0].1, L);
    }
}
