//! Places in a list of places that the recogniser typed as organisations: "flights at
//! Paris, Marseille and Nice airports" with Marseille an organisation. A name that the
//! place gazetteer knows, in a list whose other names are mostly typed as places, is a
//! place too; and so is every other mention of that name in the article. A list of clubs
//! ("Liverpool, Arsenal and Chelsea") has no places in it and stays as tagged.

use rustc_hash::FxHashSet;

use super::companies::is_company;
use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
use crate::record::EntityType;

/// Retypes as places the known place names among `mentions` that stand in a list of three
/// or more names of which at least two are typed as places. A pair ("Leeds and Surrey") says
/// too little: in sports news one of the two is as likely a club the recogniser took for a
/// town; unless a preposition of place comes before it ("between Cairns and Townsville").
pub fn places_in_lists(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let loc = |m: &Mention| m.kind == EntityType::Location;
    if !mentions.iter().any(loc) {
        return;
    }
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].field as u8, mentions[i].start));
    // Runs of mentions joined by commas and "and": "Paris, Marseille and Nice".
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut run = vec![order[0]];
    for w in order.windows(2) {
        let (ma, mb) = (&mentions[w[0]], &mentions[w[1]]);
        if ma.field == mb.field
            && ma.end <= mb.start
            && coordinated(&doc.layer(ma.field).text[ma.end..mb.start])
        {
            run.push(w[1]);
        } else {
            runs.push(std::mem::replace(&mut run, vec![w[1]]));
        }
    }
    runs.push(run);
    let mut places_named: FxHashSet<String> = FxHashSet::default();
    for run in &runs {
        let places_in_run = run.iter().filter(|&&i| loc(&mentions[i])).count();
        let list = run.len() >= 3 && places_in_run >= 2;
        // "between Cairns and Townsville": a pair after a preposition of place, one of
        // them typed a place, is two places. Clubs play "against" or "at home to" each
        // other, and a match "between Leeds and Chelsea" has no name typed a place.
        let pair = run.len() == 2
            && places_in_run == 1
            && after_place_preposition(
                doc.layer(mentions[run[0]].field).text,
                mentions[run[0]].start,
            );
        if !list && !pair {
            continue;
        }
        for &i in run {
            let name = text_of(&mentions[i]);
            if mentions[i].kind == EntityType::Organization
                && places::is_place_name(name)
                && !is_company(name)
            {
                places_named.insert(name.to_string());
            }
        }
    }
    if places_named.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Organization && places_named.contains(text_of(m)) {
            m.kind = EntityType::Location;
        }
    }
}

/// Prepositions of place that put the names after them in space: "between Cairns and
/// Townsville", "in Paris and Lyon".
const PLACE_PREPOSITIONS: &[&str] = &["between", "in", "near", "across", "around", "outside"];

/// Whether the word right before byte `start` of `text` is one of [`PLACE_PREPOSITIONS`].
fn after_place_preposition(text: &str, start: usize) -> bool {
    text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| PLACE_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w)))
}

/// The text between two names of one list: a comma, "and", "or", "&".
pub(crate) fn coordinated(gap: &str) -> bool {
    matches!(
        gap.trim(),
        "," | "and" | ", and" | "or" | ", or" | "&" | "and rival" | "and its rival"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        crate::extract::entities::retyped(text, names, places_in_lists)
    }

    #[test]
    fn a_known_place_listed_with_places_is_a_place_and_a_list_of_clubs_stays() {
        use EntityType::{Location as L, Organization as O, Person as P};
        let got = kinds(
            "Airlines cut flights at Paris, Marseille and Nice airports. Marseille was worst hit.",
            &[("Paris", L), ("Marseille", O), ("Nice", L)],
        );
        assert!(got.iter().all(|(_, k)| *k == L), "{got:?}");
        // A pair says too little: the club may be the name typed right.
        let got = kinds(
            "Leeds and Surrey drew in London.",
            &[("Leeds", O), ("Surrey", L), ("London", L)],
        );
        assert!(got.contains(&("Leeds".to_string(), O)), "{got:?}");
        // Unless a preposition of place puts the pair in space.
        let got = kinds(
            "The survey covered 124 reefs between Cairns and Townsville.",
            &[("Cairns", L), ("Townsville", O)],
        );
        assert!(got.iter().all(|(_, k)| *k == L), "{got:?}");
        let got = kinds(
            "The match between Leeds and Chelsea ended level.",
            &[("Leeds", O), ("Chelsea", O)],
        );
        assert!(got.iter().all(|(_, k)| *k == O), "{got:?}");
        // A person named like a town is not moved, nor an organisation the gazetteer
        // does not know as a place.
        let got = kinds(
            "Delegates from Chester, Ohio, Acme Widgets and Texas met.",
            &[
                ("Chester", P),
                ("Ohio", L),
                ("Acme Widgets", O),
                ("Texas", L),
            ],
        );
        assert!(got.contains(&("Chester".to_string(), P)), "{got:?}");
        assert!(got.contains(&("Acme Widgets".to_string(), O)), "{got:?}");
    }
}
