//! Names followed by the kind of place they name: "Charles de Gaulle airport", "Kosevo
//! stadium", "the al-Aqsa mosque", "the Pamir mountains", "Jakarta's Tanjung Priok port".
//! The recogniser types a name it never saw by its words ("Charles", a person; "al-Aqsa", a
//! group's name), but a lowercase noun of places right after it says what it names here.
//! Only that mention changes: "Kennedy airport" does not make Kennedy a place elsewhere.
//! A plural noun names every place of the list before it: "Paris, Marseille and Nice
//! airports".

use super::lists::runs;
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
    "lake",
    "mosque",
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

/// Plurals of [`PLACE_NOUNS`], which make every name of a list before them a place's; and
/// "mountains" and "islands", which a single name takes too ("the Pamir mountains").
const PLURAL_PLACE_NOUNS: &[&str] = &[
    "airports",
    "airbases",
    "avenues",
    "basins",
    "bays",
    "bridges",
    "canals",
    "cathedrals",
    "deserts",
    "glaciers",
    "harbours",
    "harbors",
    "highways",
    "islands",
    "lakes",
    "mosques",
    "mountains",
    "peninsulas",
    "ports",
    "provinces",
    "regions",
    "rivers",
    "squares",
    "stadiums",
    "straits",
    "valleys",
];

/// Retypes as places the person and organisation mentions right before a noun of places,
/// and those of a list before a plural one, as the module says.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    if mentions.is_empty() {
        return;
    }
    for run in runs(doc, mentions) {
        let last = &mentions[run[run.len() - 1]];
        let layer = doc.layer(last.field);
        if last.tokens.end >= layer.tokens.len() {
            continue;
        }
        let noun = layer.token_text(last.tokens.end);
        let named = if PLURAL_PLACE_NOUNS.contains(&noun) {
            &run[..]
        } else if PLACE_NOUNS.contains(&noun) {
            &run[run.len() - 1..]
        } else {
            continue;
        };
        for &i in named {
            // A MISC word before the noun is an adjective ("Arctic islands", "Republican
            // stadium"), not the place's name.
            let m = &mut mentions[i];
            if matches!(m.kind, EntityType::Person | EntityType::Organization) {
                m.kind = EntityType::Location;
            }
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

    #[test]
    fn a_plural_noun_makes_every_name_of_its_list_a_place() {
        let got = retyped_by(
            retype,
            "Airlines cut flights at Paris, Marseille and Nice airports. Nice won 2-0.",
            &[("Paris", L), ("Marseille", O), ("Nice", O)],
        );
        let kinds: Vec<EntityType> = got.iter().map(|(_, k)| *k).collect();
        assert_eq!(kinds, vec![L, L, L, O], "{got:?}");
        // A singular noun names only the name right before it.
        let got = retyped_by(
            retype,
            "Flights from Heathrow and Kennedy airport.",
            &[("Heathrow", O), ("Kennedy", P)],
        );
        assert_eq!(got[0].1, O, "{got:?}");
        assert_eq!(got[1].1, L, "{got:?}");
    }
}
