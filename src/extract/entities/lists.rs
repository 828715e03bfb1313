//! Names in lists whose other names say what they are. Places the recogniser typed as
//! organisations: "flights at Paris, Marseille and Nice airports" with Marseille an
//! organisation. A name that the place gazetteer knows, in a list whose other names are
//! mostly typed as places, is a place too; and so is every other mention of that name in the
//! article. A list of clubs ("Liverpool, Arsenal and Chelsea") has no places in it and stays
//! as tagged. And people: a team sheet or a leaderboard ("Given, Breen, Staunton, Irwin,
//! McAteer") where the recogniser took one surname for a club or a town.

use rustc_hash::FxHashSet;

use super::companies::is_company;
use super::short_names::is_legal_form;
use super::words;
use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
use crate::extract::roles::lexicon;
use crate::record::EntityType;

/// Runs of mentions joined by commas and "and" ("Paris, Marseille and Nice"), as indices
/// into `mentions`, in text order. `mentions` must not be empty.
pub(crate) fn runs(doc: &Doc<'_>, mentions: &[Mention]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].field as u8, mentions[i].start));
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
    runs
}

/// Retypes as people the organisation and place mentions of one or two words that stand in
/// a list of four or more names of which at least two thirds are people. Only those
/// mentions change: a surname on a team sheet says nothing of a club of that name elsewhere.
/// Known companies, countries and US states, names with a word of institutions or a legal
/// form ("Apple Inc"), and acronyms in a list written in lowercase stay as tagged
/// ("Clinton, Dole, Perot and NBC").
pub fn people_in_lists(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let person = |m: &Mention| m.kind == EntityType::Person;
    if mentions.iter().filter(|m| person(m)).count() < 3 {
        return;
    }
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let caps = |t: &str| !t.chars().any(char::is_lowercase);
    for run in runs(doc, mentions) {
        let people = run.iter().filter(|&&i| person(&mentions[i])).count();
        if run.len() < 4 || people * 3 < run.len() * 2 {
            continue;
        }
        let list_in_caps = run
            .iter()
            .filter(|&&i| person(&mentions[i]))
            .all(|&i| caps(text_of(&mentions[i])));
        for &i in &run {
            let m = &mentions[i];
            let name = text_of(m);
            let stays = !matches!(m.kind, EntityType::Organization | EntityType::Location)
                || name.split_whitespace().count() > 2
                || name
                    .split_whitespace()
                    .any(|w| lexicon::is_institution(w) || is_legal_form(w))
                || (caps(name) && !list_in_caps)
                || is_company(name)
                || places::country_named(name).is_some()
                || places::us_state(name).is_some();
            if !stays {
                mentions[i].kind = EntityType::Person;
            }
        }
    }
}

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
    let runs = runs(doc, mentions);
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
    words::word_before(text, start)
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
        crate::extract::entities::retyped_by(places_in_lists, text, names)
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

    #[test]
    fn a_surname_on_a_team_sheet_is_a_person_and_other_lists_stay() {
        use EntityType::{Location as L, Organization as O, Person as P};
        let team = "The team is: Given, Breen, Staunton, Irwin, McAteer and Harte.";
        let names = [
            ("Given", P),
            ("Breen", P),
            ("Staunton", O),
            ("Irwin", P),
            ("McAteer", L),
            ("Harte", P),
        ];
        let got = crate::extract::entities::retyped_by(people_in_lists, team, &names);
        assert!(got.iter().all(|(_, k)| *k == P), "{got:?}");
        // Three people in five is no team sheet (neither other name is a listed company).
        let got = crate::extract::entities::retyped_by(
            people_in_lists,
            "Staff from Acmeco, Globexa, Breen, Irwin and Kemp met.",
            &[
                ("Acmeco", O),
                ("Globexa", O),
                ("Breen", P),
                ("Irwin", P),
                ("Kemp", P),
            ],
        );
        assert!(got.contains(&("Acmeco".to_string(), O)), "{got:?}");
        // Only the mention in the list changes.
        let got = crate::extract::entities::retyped_by(
            people_in_lists,
            "Clinton, Dole, Perot, Kemp and Staunton. Staunton rallied.",
            &[
                ("Clinton", P),
                ("Dole", P),
                ("Perot", P),
                ("Kemp", P),
                ("Staunton", O),
            ],
        );
        assert_eq!(got[4], ("Staunton".to_string(), P));
        assert_eq!(got[5], ("Staunton".to_string(), O));
        // A country, a state, a known company, an institution, a legal form, an acronym and
        // a long name keep their types even among people.
        for (name, kind) in [
            ("France", L),
            ("Texas", L),
            ("Apple", O),
            ("Mercury Bank", O),
            ("Acme Inc", O),
            ("NBC", O),
            ("Costa Azul Veloso", O),
        ] {
            let text = format!("Clinton, Dole, Perot, Kemp and {name}.");
            let got = crate::extract::entities::retyped_by(
                people_in_lists,
                &text,
                &[
                    ("Clinton", P),
                    ("Dole", P),
                    ("Perot", P),
                    ("Kemp", P),
                    (name, kind),
                ],
            );
            assert_eq!(got[4], (name.to_string(), kind), "{got:?}");
        }
    }
}
