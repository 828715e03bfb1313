//! Places named by the word that introduces them: "the village of Mahala", "the town of
//! Tavildara", "the Bosnian city of Tuzla". The recogniser knows few villages, and a name it
//! never saw may come out a person (a name list knows "Mahala" as a given name). After
//! "village of" a name is a place, and so is every other mention of it in the article that
//! the recogniser called a person. So is a known place's name before a comma and a US state
//! ("Ferguson, Missouri,"), which a surname can also be. And a big place's name after "in"
//! or "at" ("the convention in Cleveland"), which the recogniser, trained on sports pages
//! where a city's name is often its team, may call an organisation: in CoNLL-2003's
//! training text, a known place after "in" is a place 492 times and an organisation 5.
//! That mention alone: the city's team elsewhere stays a team.
//!
//! And a name that looks like a person's but stands after "at" or "in" and begins a longer
//! place or organisation name of the article: "killed at Sandy Hook" beside "Sandy Hook
//! Elementary School" (a given name and a surname to the recogniser) is the place, there
//! and wherever else the recogniser called it a person.

use rustc_hash::FxHashSet;

use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
use crate::extract::roles::lexicon;
use crate::extract::text::TextLayer;
use crate::record::EntityType;

/// Lowercase nouns that, with "of", introduce a place's name.
const KINDS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "cities",
    "hamlet",
    "province",
    "district",
    "region",
    "island",
    "islands",
    "county",
    "port",
    "suburb",
    "enclave",
    "municipality",
];

/// Most words such a name has: "Ras al-Khaimah", "San Juan de la Maguana".
const MAX_WORDS: usize = 4;

/// Most words of a mention whose parts are compared with a place-like name: "Marjory
/// Stoneman Douglas High School" has five.
const MAX_NAME_TOKENS: usize = 8;

/// "Ferguson, Missouri," and "Newtown, Conn.": a known place's name with a US state after
/// its comma is that place, whatever the recogniser made of the name ("Ferguson" is a
/// surname too).
fn before_state(layer: &TextLayer<'_>, m: &Mention) -> bool {
    let n = layer.tokens.len();
    let at = |i: usize| (i < n).then(|| layer.token_text(i));
    if at(m.tokens.end) != Some(",") {
        return false;
    }
    let one = at(m.tokens.end + 1);
    let two = (m.tokens.end + 2 < n).then(|| {
        &layer.text[layer.tokens[m.tokens.end + 1].start..layer.tokens[m.tokens.end + 2].end]
    });
    let state = |s: Option<&str>| {
        s.is_some_and(|s| {
            s.starts_with(|c: char| c.is_uppercase()) && places::us_state(s).is_some()
        })
    };
    (state(one) || state(two)) && places::is_place_name(&layer.text[m.start..m.end])
}

/// "the convention in Cleveland", "talks at Geneva": a country, a US state, a region or a city
/// of 300,000 people or more after a locative preposition, not owning anything after it ("in
/// Essex's history" is the club's).
fn after_locative(layer: &TextLayer<'_>, m: &Mention) -> bool {
    let n = layer.tokens.len();
    let at = |i: usize| (i < n).then(|| layer.token_text(i));
    let locative = m.tokens.start >= 1
        && matches!(
            at(m.tokens.start - 1),
            Some("in" | "In" | "at" | "At" | "near" | "Near" | "outside" | "Outside")
        );
    let owns = matches!(at(m.tokens.end), Some("'s" | "’s" | "'" | "’"));
    locative
        && !owns
        && matches!(m.kind, EntityType::Organization | EntityType::Person)
        && places::is_major_place(&layer.text[m.start..m.end])
}

/// The texts of person mentions of two words or more that stand after "at" or "in" somewhere
/// and begin a longer mention of another type, while no longer person's name holds them:
/// "Sandy Hook" of "Sandy Hook Elementary School". Linear: the leading words of every other
/// mention and the inner words of every longer person's name go into sets first.
fn places_named_like_people(doc: &Doc<'_>, mentions: &[Mention]) -> Vec<String> {
    // The text of tokens `a..b` of a mention's field.
    let span = |m: &Mention, a: usize, b: usize| {
        let layer = doc.layer(m.field);
        &layer.text[layer.tokens[a].start..layer.tokens[b - 1].end]
    };
    let mut leading: FxHashSet<&str> = FxHashSet::default();
    let mut inside_people: FxHashSet<&str> = FxHashSet::default();
    for m in mentions
        .iter()
        .filter(|m| m.tokens.len() <= MAX_NAME_TOKENS)
    {
        let (a, b) = (m.tokens.start, m.tokens.end);
        if m.kind == EntityType::Person {
            for x in a..b {
                for y in x + 2..=b {
                    if y - x < b - a {
                        inside_people.insert(span(m, x, y));
                    }
                }
            }
        } else {
            for y in a + 2..b {
                leading.insert(span(m, a, y));
            }
        }
    }
    let mut found: FxHashSet<&str> = FxHashSet::default();
    for m in mentions {
        let layer = doc.layer(m.field);
        // One word ("at Trump", beside "Trump Tower") is never among the leading words,
        // which are two or more.
        if m.kind != EntityType::Person
            || m.tokens.start == 0
            || !matches!(layer.token_text(m.tokens.start - 1), "at" | "in")
        {
            continue;
        }
        let name = &layer.text[m.start..m.end];
        if leading.contains(name) && !inside_people.contains(name) {
            found.insert(name);
        }
    }
    found.into_iter().map(str::to_string).collect()
}

/// Retypes as places the mentions after "town of" and its kin or before a US state, as the
/// module says, and the mentions of the same names elsewhere that the recogniser typed as
/// people.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let mut names: FxHashSet<String> = FxHashSet::default();
    for m in mentions.iter_mut() {
        if m.tokens.len() > MAX_WORDS {
            continue;
        }
        let layer = doc.layer(m.field);
        if after_locative(layer, m) {
            m.kind = EntityType::Location;
            continue;
        }
        // A headline's first name has no "town of" before it, but may have a state after.
        let introduced = m.tokens.start >= 2
            && layer.token_text(m.tokens.start - 1) == "of"
            && KINDS.contains(&layer.token_text(m.tokens.start - 2));
        if !introduced && !before_state(layer, m) {
            continue;
        }
        let words_are_names = m.tokens.clone().all(|i| {
            let w = layer.token_text(i);
            !lexicon::is_institution(w) && !lexicon::is_head(w)
        }) && layer
            .token_text(m.tokens.start)
            .starts_with(|c: char| c.is_uppercase());
        if words_are_names {
            m.kind = EntityType::Location;
            names.insert(layer.text[m.start..m.end].to_string());
        }
    }
    names.extend(places_named_like_people(doc, mentions));
    if names.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person && names.contains(text_of(m)) {
            m.kind = EntityType::Location;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{mentions_of, retyped_by};
    use EntityType::{Location as L, Organization as O, Person as P};

    #[test]
    fn a_name_after_village_of_is_a_place_and_so_are_its_other_mentions_as_people() {
        let got = retyped_by(
            retype,
            "Men marched towards the village of Mahala. Police in Mahala said so.",
            &[("Mahala", P)],
        );
        assert_eq!(
            got,
            vec![("Mahala".to_string(), L), ("Mahala".to_string(), L)]
        );
        // Tagged a place after "town of" already, it still corrects its other mentions.
        let doc = Doc::new(None, "the town of Tavildara. Tavildara fell.", None);
        let mut mentions = mentions_of(&doc, &[("Tavildara", P)]);
        mentions[0].kind = L;
        retype(&doc, &mut mentions);
        assert!(mentions.iter().all(|m| m.kind == L), "{mentions:?}");
    }

    #[test]
    fn a_known_place_before_a_us_state_is_a_place_everywhere_a_person_was_meant() {
        let got = retyped_by(
            retype,
            "Ferguson Is Not Dangerous. Trump said Ferguson, Missouri, has more crime. \
             Alex Ferguson, the manager, and Ann Ford, Texas' envoy, disagreed.",
            &[
                ("Ferguson", P),
                ("Missouri", L),
                ("Alex Ferguson", P),
                ("Ann Ford", P),
                ("Texas", L),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Ferguson".to_string(), L),
                ("Ferguson".to_string(), L),
                ("Missouri".to_string(), L),
                ("Alex Ferguson".to_string(), P),
                ("Ann Ford".to_string(), P),
                ("Texas".to_string(), L),
            ]
        );
    }

    #[test]
    fn a_big_place_after_in_or_at_is_a_place_but_its_team_and_small_places_stay() {
        let got = retyped_by(
            retype,
            "Delegates met in Cleveland, and Cleveland beat Boston, a first in Cleveland's \
             history. He studied at Stanford and lives near Ohio.",
            &[
                ("Cleveland", O),
                ("Boston", O),
                ("Stanford", O),
                ("Ohio", P),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Cleveland".to_string(), L),
                ("Cleveland".to_string(), O),
                ("Boston".to_string(), O),
                ("Cleveland".to_string(), O),
                ("Stanford".to_string(), O),
                ("Ohio".to_string(), L),
            ]
        );
    }

    #[test]
    fn a_person_like_name_after_at_that_begins_a_place_name_is_that_place() {
        let doc = Doc::new(
            None,
            "The shooting at Sandy Hook Elementary School shocked Sandy Hook families. Ann \
             Ford lost her son at Sandy Hook. John Kennedy flew in from John Kennedy Airport; \
             Ann Lee Hall spoke in Lee Hall at the Lee Hall Center. Voters kept faith in \
             Tom Hale and took jabs at Trump by Trump Tower.",
            None,
        );
        let mut mentions = mentions_of(
            &doc,
            &[
                ("Sandy Hook Elementary School", O),
                ("Sandy Hook", P),
                ("Ann Ford", P),
                ("John Kennedy Airport", L),
                ("John Kennedy", P),
                ("Lee Hall Center", O),
                ("Ann Lee Hall", P),
                ("Lee Hall", P),
                ("Tom Hale", P),
                ("Trump Tower", L),
                ("Trump", P),
            ],
        );
        retype(&doc, &mut mentions);
        let kinds: Vec<(&str, EntityType)> = mentions
            .iter()
            .map(|m| (&doc.body.text[m.start..m.end], m.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("Sandy Hook Elementary School", O),
                ("Sandy Hook", L),
                ("Ann Ford", P),
                ("Sandy Hook", L),
                // Never after "at" or "in": the person.
                ("John Kennedy", P),
                ("John Kennedy Airport", L),
                // Inside a longer person's name: that person's.
                ("Ann Lee Hall", P),
                ("Lee Hall", P),
                ("Lee Hall Center", O),
                // No place or organisation begins with the name: the person.
                ("Tom Hale", P),
                // One word: a surname as often as a place's first word.
                ("Trump", P),
                ("Trump Tower", L),
            ]
        );
    }

    #[test]
    fn institutions_capitalised_kinds_and_other_types_elsewhere_stay() {
        // "City of London" is a name of its own; "University of" is no place word.
        let got = retyped_by(
            retype,
            "He works in the City of London and at the University of Tuzla.",
            &[("London", O), ("Tuzla", O)],
        );
        assert!(got.iter().all(|(_, k)| *k == O), "{got:?}");
        // After "city of", a ministry is still an institution.
        let got = retyped_by(
            retype,
            "the city of Interior Ministry",
            &[("Interior Ministry", O)],
        );
        assert_eq!(got[0].1, O);
        // The city's name is a place; its team elsewhere stays an organisation.
        let got = retyped_by(
            retype,
            "In the city of Seattle, fans cheered as Seattle won.",
            &[("Seattle", O)],
        );
        assert_eq!(
            got,
            vec![("Seattle".to_string(), L), ("Seattle".to_string(), O)]
        );
    }
}
