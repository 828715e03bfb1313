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
/// town.
pub fn places_in_lists(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let loc = |m: &Mention| m.kind == EntityType::Location;
    if mentions.iter().filter(|m| loc(m)).count() < 2 {
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
    for run in runs.iter().filter(|r| r.len() >= 3) {
        if run.iter().filter(|&&i| loc(&mentions[i])).count() < 2 {
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
