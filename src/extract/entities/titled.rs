//! Names after a person's title. The recogniser learnt its names from 1996 news, so a name
//! it never saw, such as "Obama", may come out an organisation or a place even in "President
//! Obama". A capitalised title or form of address right before a name ("President",
//! "Sen.", "Gov.", "Mr.") says it is a person, and so is every other mention of that same
//! name in the article ("believe Obama was born", "the Obama administration").

use rustc_hash::FxHashSet;

use super::companies;
use crate::extract::doc::{Doc, Mention};
use crate::extract::roles::lexicon;
use crate::record::EntityType;

/// Title words that also start or stand in names of things ("General Motors", "Chief
/// Executive Office", "Justice Department", "Head Office"): no evidence of a person.
const AMBIGUOUS: &[&str] = &[
    "chief",
    "executive",
    "expert",
    "general",
    "head",
    "justice",
    "leader",
    "official",
    "officer",
    "owner",
];

/// Most words a titled name may have: "Bernie Sanders", "Bill de Blasio".
const MAX_WORDS: usize = 4;

/// A title as written before a name: capitalised, not in capitals ("TO COACH NICE" is a
/// headline's verb and a club).
fn is_title(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
        && word.chars().any(char::is_lowercase)
        && (lexicon::is_head(word) || lexicon::is_honorific(word))
        && !AMBIGUOUS.contains(&word.to_lowercase().as_str())
}

/// Retypes as people the mentions after a person's title, and the other mentions of their
/// names, as the module says. Listed companies are left as they are ("Chairman Ford" may be
/// the company's). Known places are not: "Obama" and "Warren" are towns in the gazetteer,
/// which is why the recogniser called them places.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let mut names: FxHashSet<&str> = FxHashSet::default();
    for m in mentions.iter() {
        if m.kind == EntityType::Person || m.tokens.start == 0 || m.tokens.len() > MAX_WORDS {
            continue;
        }
        let layer = doc.layer(m.field);
        if !is_title(layer.token_text(m.tokens.start - 1)) {
            continue;
        }
        let words_are_names = m.tokens.clone().all(|i| {
            let w = layer.token_text(i);
            w.starts_with(|c: char| c.is_uppercase())
                && !lexicon::is_institution(w)
                && !lexicon::is_head(w)
        });
        let name = text_of(m);
        if words_are_names && !companies::is_company(name) {
            names.insert(name);
        }
    }
    if names.is_empty() {
        return;
    }
    let names: FxHashSet<String> = names.into_iter().map(str::to_owned).collect();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Person && names.contains(text_of(m)) {
            m.kind = EntityType::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Location as L, Organization as O, Person as P};

    #[test]
    fn a_name_after_a_persons_title_is_a_person_throughout_the_article() {
        let got = retyped_by(
            retype,
            "President Obama spoke. Polls say Obama leads. Sen. Bernie Sanders agreed.",
            &[("Obama", O), ("Bernie Sanders", L)],
        );
        assert_eq!(
            got,
            vec![
                ("Obama".to_string(), P),
                ("Obama".to_string(), P),
                ("Bernie Sanders".to_string(), P)
            ]
        );
    }

    #[test]
    fn companies_institutions_and_ambiguous_titles_stay() {
        // A listed company after a title is left alone, and so is a place with none.
        let got = retyped_by(
            retype,
            "In Paris, Chairman Microsoft said so.",
            &[("Paris", L), ("Microsoft", O)],
        );
        assert_eq!(
            got,
            vec![("Paris".to_string(), L), ("Microsoft".to_string(), O)]
        );
        // "General" and "Justice" start names of things; "Ministry" is an institution.
        let got = retyped_by(
            retype,
            "Attorney General Motors and the Justice Department and President Ministry.",
            &[("Motors", O), ("Department", O), ("Ministry", O)],
        );
        assert!(got.iter().all(|(_, k)| *k == O), "{got:?}");
        // An all-caps headline's word is no title.
        let got = retyped_by(retype, "BARATELLI TO COACH NICE", &[("NICE", O)]);
        assert_eq!(got, vec![("NICE".to_string(), O)]);
        // No title before it: as tagged.
        let got = retyped_by(retype, "Polls say Obama leads.", &[("Obama", O)]);
        assert_eq!(got, vec![("Obama".to_string(), O)]);
    }
}
