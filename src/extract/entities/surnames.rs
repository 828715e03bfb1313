//! Surnames of more than one word. Once an article has named "Aung San Suu Kyi", it calls
//! her "Suu Kyi"; the recogniser, which never saw those words, may type that short form an
//! organisation or a place at every turn, and as two words it is no bare surname for the
//! clustering to join. A mention whose words end a longer person's name in the body is that
//! person ("Suu Kyi", "von der Leyen", "Lloyd Webber").

use rustc_hash::FxHashSet;

use super::companies;
use crate::extract::doc::{Doc, Mention};
use crate::extract::lexicon as words_lexicon;
use crate::extract::roles::lexicon;
use crate::record::{EntityType, Field};

/// Most words a person's name has here: a longer "name" is a run of capitalised words, and
/// its every end would be kept.
const MAX_WORDS: usize = 8;

/// Retypes as people the mentions of two or more words that end a longer name the body
/// types as a person, unless a word of theirs names an institution or a title ("White
/// House" after a run-on "Clinton White House") or they are a listed company.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let words = |m: &Mention| -> Vec<String> {
        let layer = doc.layer(m.field);
        m.tokens
            .clone()
            .map(|i| layer.token_text(i).to_lowercase())
            .collect()
    };
    // The longer name's own words must look like given names: not "Happy Cinco de Mayo", a
    // greeting the recogniser took for a person, whose end is a holiday.
    let given_names = |w: &[String]| {
        w.iter().all(|x| {
            let e = words_lexicon::entry(x);
            !(e.stop || e.verb || e.sentiment())
        })
    };
    // Every end of two or more words of each distinct long person's name, once: an article
    // may name thousands of people.
    let mut people: FxHashSet<Vec<String>> = FxHashSet::default();
    for m in mentions.iter() {
        let long = (3..=MAX_WORDS).contains(&m.tokens.len());
        if m.kind == EntityType::Person && m.field == Field::Body && long {
            people.insert(words(m));
        }
    }
    let ends: FxHashSet<&[String]> = people
        .iter()
        .flat_map(|p| (1..p.len() - 1).map(move |k| (p, k)))
        .filter(|&(p, k)| given_names(&p[..k]))
        .map(|(p, k)| &p[k..])
        .collect();
    if ends.is_empty() {
        return;
    }
    let mut tails: FxHashSet<Vec<String>> = FxHashSet::default();
    for m in mentions.iter() {
        if m.kind == EntityType::Person || m.tokens.len() < 2 {
            continue;
        }
        let w = words(m);
        if !ends.contains(w.as_slice()) {
            continue;
        }
        let layer = doc.layer(m.field);
        let plain = m.tokens.clone().all(|i| {
            let t = layer.token_text(i);
            !lexicon::is_institution(t) && !lexicon::is_head(t) && !lexicon::is_honorific(t)
        });
        let text = &layer.text[m.start..m.end];
        if plain && !companies::is_company(text) {
            tails.insert(w);
        }
    }
    if tails.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Person && m.tokens.len() >= 2 && tails.contains(&words(m)) {
            m.kind = EntityType::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{mentions_of, retyped_by};
    use EntityType::{Location as L, Organization as O, Person as P};

    #[test]
    fn the_end_of_a_longer_persons_name_is_that_person() {
        let got = retyped_by(
            retype,
            "Aung San Suu Kyi spoke. Suu Kyi said the NLD would meet. Later Suu Kyi left.",
            &[("Aung San Suu Kyi", P), ("Suu Kyi", O), ("NLD", O)],
        );
        let kinds: Vec<EntityType> = got.iter().map(|(_, k)| *k).collect();
        assert_eq!(kinds, vec![P, P, O, P], "{got:?}");
    }

    #[test]
    fn institutions_one_word_names_and_names_without_a_longer_person_stay() {
        // A run-on person name does not make the institution it ends a person.
        let got = retyped_by(
            retype,
            "Aides of Bill Clinton White House met. The White House said no.",
            &[("Bill Clinton White House", P), ("White House", O)],
        );
        assert_eq!(got[1], ("White House".to_string(), O));
        // A greeting the recogniser took for a person does not make a holiday one.
        let got = retyped_by(
            retype,
            "Happy Cinco de Mayo, he wrote. Tacos on Cinco de Mayo.",
            &[("Happy Cinco de Mayo", P), ("Cinco de Mayo", O)],
        );
        assert_eq!(got[1], ("Cinco de Mayo".to_string(), O));
        // One word is the clustering's business (a bare surname), not this rule's.
        let got = retyped_by(
            retype,
            "Aung San Suu Kyi spoke in Kyi.",
            &[("Aung San Suu Kyi", P), ("Kyi", L)],
        );
        assert_eq!(got[1], ("Kyi".to_string(), L));
        // A longer name only in the headline, where words run together, is no evidence.
        let doc = Doc::new(
            Some("Aung San Suu Kyi wins"),
            "Suu Kyi Holdings rose.",
            None,
        );
        let mut mentions = mentions_of(&doc, &[("Aung San Suu Kyi", P), ("Suu Kyi", O)]);
        retype(&doc, &mut mentions);
        let kinds: Vec<EntityType> = mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, vec![P, O]);
    }
}
