//! Names followed by the kind of place they name: "Charles de Gaulle airport", "Kosevo
//! stadium", "the al-Aqsa mosque", "the Pamir mountains", "Jakarta's Tanjung Priok port".
//! The recogniser types a name it never saw by its words ("Charles", a person; "al-Aqsa", a
//! group's name), but a lowercase noun of places right after it says what it names here.
//! Only that mention changes: "Kennedy airport" does not make Kennedy a place elsewhere.

use crate::extract::doc::{Doc, Mention};
use crate::record::EntityType;

/// Lowercase nouns that, right after a name, make it a place's.
const PLACE_NOUNS: &[&str] = &[
    "airport",
    "airbase",
    "avenue",
    "basin",
    "bay",
    "bridge",
    "canal",
    "cathedral",
    "desert",
    "glacier",
    "harbour",
    "harbor",
    "highway",
    "island",
    "islands",
    "lake",
    "mosque",
    "mountains",
    "peninsula",
    "port",
    "province",
    "region",
    "river",
    "square",
    "stadium",
    "strait",
    "valley",
];

/// Retypes as places the person and organisation mentions right before a noun of places,
/// as the module says.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        // A MISC word before the noun is an adjective ("Arctic islands", "Republican
        // stadium"), not the place's name.
        if !matches!(m.kind, EntityType::Person | EntityType::Organization) {
            continue;
        }
        let layer = doc.layer(m.field);
        if m.tokens.end >= layer.tokens.len() {
            continue;
        }
        if PLACE_NOUNS.contains(&layer.token_text(m.tokens.end)) {
            m.kind = EntityType::Location;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    #[test]
    fn a_name_before_airport_or_mosque_is_a_place() {
        let got = retyped_by(
            retype,
            "Crowds at Charles de Gaulle airport and the al-Aqsa mosque.",
            &[("Charles de Gaulle", P), ("al-Aqsa", O)],
        );
        assert!(got.iter().all(|(_, k)| *k == L), "{got:?}");
    }

    #[test]
    fn other_mentions_capitalised_nouns_and_other_words_stay() {
        // Only the mention before the noun: the man stays a man.
        let got = retyped_by(
            retype,
            "Kennedy airport was shut. Kennedy spoke.",
            &[("Kennedy", P)],
        );
        assert_eq!(
            got,
            vec![("Kennedy".to_string(), L), ("Kennedy".to_string(), P)]
        );
        // "Airport" capitalised is part of a name the recogniser cut; a company's
        // "shares" says nothing of places.
        let got = retyped_by(
            retype,
            "Heathrow Airport Holdings and Apple shares rose.",
            &[("Heathrow", O), ("Apple", O)],
        );
        assert!(got.iter().all(|(_, k)| *k == O), "{got:?}");
        // An adjective before the noun stays what it is.
        let got = retyped_by(retype, "on Arctic islands", &[("Arctic", M)]);
        assert_eq!(got[0].1, M);
    }
}
