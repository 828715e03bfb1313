//! Ships. "the aircraft carrier USS Gerald R. Ford", "the destroyer USS Carney", "the
//! carriers Vinson and Enterprise", "the warship Moskva": a ship bears a person's or a
//! company's name, and the recogniser types it so (a person, "Gerald R. Ford", who could
//! then be given a quote). A ship's prefix ("USS", "HMS") before a name joins it, and a
//! name with one, or right after a noun for ships, is MISC, as CoNLL-2003 types ships. A
//! plural noun ("carriers") makes every name of the list after it a ship.

use super::lists::runs;
use crate::extract::doc::{Doc, Mention};
use crate::extract::text::TextLayer;
use crate::record::EntityType;

/// Prefixes navies and shipping registers write before a ship's name.
const PREFIXES: &[&str] = &[
    "USS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "USNS", "MV", "RV",
];

/// Lowercase nouns that, right before a name, make it a ship's ("carrier" only after
/// "aircraft": an airline is a carrier too).
const NOUNS: &[&str] = &[
    "battleship",
    "carrier",
    "corvette",
    "destroyer",
    "freighter",
    "frigate",
    "icebreaker",
    "submarine",
    "tanker",
    "warship",
];

/// Whether the token before token `i` of `layer` names ships: `Some(true)` for a plural.
fn noun_before(layer: &TextLayer<'_>, i: usize) -> Option<bool> {
    let w = layer.token_text(i.checked_sub(1)?);
    let (singular, plural) = match w.strip_suffix('s') {
        Some(s) if NOUNS.contains(&s) => (s, true),
        _ => (w, false),
    };
    if !NOUNS.contains(&singular) {
        return None;
    }
    if singular == "carrier" && (i < 2 || layer.token_text(i - 2) != "aircraft") {
        return None;
    }
    Some(plural)
}

/// Joins ships' prefixes to their names and types ships MISC, as the module says. Mentions
/// must come sorted by field and start, as the recogniser gives them; they stay so.
pub fn join(doc: &Doc<'_>, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        let layer = doc.layer(m.field);
        if m.tokens.is_empty() {
            out.push(m);
            continue;
        }
        let prefixed = PREFIXES.contains(&layer.token_text(m.tokens.start));
        let prefix_before =
            m.tokens.start > 0 && PREFIXES.contains(&layer.token_text(m.tokens.start - 1));
        if prefix_before {
            // The prefix, tagged a name of its own ("USS" an organisation), goes into the ship's.
            if out.last().is_some_and(|p| {
                p.field == m.field && p.tokens == (m.tokens.start - 1..m.tokens.start)
            }) {
                out.pop();
            }
            m.tokens.start -= 1;
            m.start = layer.tokens[m.tokens.start].start;
        }
        if prefixed || prefix_before {
            m.kind = EntityType::Misc;
        }
        out.push(m);
    }
    // Lists are built only when some name follows a noun for ships: most articles have none.
    let after_noun = |m: &Mention| noun_before(doc.layer(m.field), m.tokens.start).is_some();
    if !out.iter().any(|m| !m.tokens.is_empty() && after_noun(m)) {
        return out;
    }
    for run in runs(doc, &out) {
        let first = &out[run[0]];
        let layer = doc.layer(first.field);
        let named = match noun_before(layer, first.tokens.start) {
            Some(true) => &run[..],
            Some(false) => &run[..1],
            None => continue,
        };
        for &i in named {
            out[i].kind = EntityType::Misc;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::joined_by;
    use EntityType::{Misc as M, Organization as O, Person as P};

    fn joined(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        joined_by(join, text, names)
    }

    #[test]
    fn a_ships_prefix_joins_its_name_and_makes_it_a_ship() {
        let got = joined(
            "The aircraft carrier USS Gerald R. Ford sailed with USS Carney and HMS Kent.",
            &[
                ("USS", O),
                ("Gerald R. Ford", P),
                ("USS Carney", O),
                ("Kent", P),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("USS Gerald R. Ford".to_string(), M),
                ("USS Carney".to_string(), M),
                ("HMS Kent".to_string(), M),
            ]
        );
    }

    #[test]
    fn names_after_a_noun_for_ships_are_ships_and_a_plural_takes_the_list() {
        let got = joined(
            "The warship Moskva sank; the aircraft carriers Vinson and Enterprise sailed.",
            &[("Moskva", O), ("Vinson", P), ("Enterprise", O)],
        );
        assert!(got.iter().all(|(_, k)| *k == M), "{got:?}");
        // A singular noun names the one ship after it, not the list.
        let got = joined(
            "the tanker Exxon Valdez and BP",
            &[("Exxon Valdez", O), ("BP", O)],
        );
        assert_eq!(
            got,
            vec![("Exxon Valdez".to_string(), M), ("BP".to_string(), O)]
        );
    }

    #[test]
    fn an_airline_carrier_and_other_words_stay() {
        let got = joined(
            "the national carrier Lufthansa and the carrier's owner Tom Hale",
            &[("Lufthansa", O), ("Tom Hale", P)],
        );
        assert_eq!(
            got,
            vec![("Lufthansa".to_string(), O), ("Tom Hale".to_string(), P)]
        );
    }
}
