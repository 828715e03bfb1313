//! Names after a person's title. The recogniser learnt its names from 1996 news, so a name
//! it never saw, such as "Obama", may come out an organisation or a place even in "President
//! Obama". A capitalised title or form of address right before a name ("President",
//! "Sen.", "Gov.", "Mr.") says it is a person, and so does a lowercase "administration" or
//! "presidency" right after it ("the Obama administration"; not "the Kabul administration",
//! a city's). So is every other mention of that same name in the article ("believe Obama
//! was born"), and a longer name that ends with it ("Barack Obama's original request").

use rustc_hash::FxHashSet;

use super::companies;
use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
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

/// Lowercase nouns that, right after a name, make it a head of government's.
const TERMS_OF_OFFICE: &[&str] = &["administration", "presidency"];

/// A title as written before a name: capitalised, not in capitals ("TO COACH NICE" is a
/// headline's verb and a club).
fn is_title(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
        && word.chars().any(char::is_lowercase)
        && (lexicon::is_head(word) || lexicon::is_honorific(word))
        && !AMBIGUOUS.contains(&word.to_lowercase().as_str())
}

/// Retypes as people the mentions after a person's title or before a term of office, and
/// the other mentions of their names, as the module says. Listed companies are left as they
/// are ("Chairman Ford" may be the company's). Known places are not after a title: "Obama"
/// and "Warren" are towns in the gazetteer, which is why the recogniser called them places;
/// before a term of office only countries, states, regions and big cities are left, and
/// adjectives.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let mut names: FxHashSet<&str> = FxHashSet::default();
    // Mentions typed as people count too: "President Barack Obama" makes the headline's
    // "Barack Obama's Endorsement", typed an organisation, the same man.
    for m in mentions.iter() {
        if m.tokens.len() > MAX_WORDS {
            continue;
        }
        let layer = doc.layer(m.field);
        let titled = m.tokens.start > 0 && is_title(layer.token_text(m.tokens.start - 1));
        // A MISC word before the term is an adjective: "the Colombian presidency", "a
        // Republican administration".
        let in_office = !matches!(m.kind, EntityType::Misc | EntityType::Person)
            && m.tokens.end < layer.tokens.len()
            && TERMS_OF_OFFICE.contains(&layer.token_text(m.tokens.end))
            && !places::is_major_place(text_of(m));
        if !titled && !in_office {
            continue;
        }
        let name = text_of(m);
        if words_are_names(doc, m) && !companies::is_company(name) {
            names.insert(name);
        }
    }
    if names.is_empty() {
        return;
    }
    let names: FxHashSet<String> = names.into_iter().map(str::to_owned).collect();
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person {
            continue;
        }
        let layer = doc.layer(m.field);
        let longer = m.tokens.len() > 1
            && m.tokens.len() <= MAX_WORDS
            && names.contains(layer.token_text(m.tokens.end - 1))
            && words_are_names(doc, m);
        if longer || names.contains(text_of(m)) {
            m.kind = EntityType::Person;
        }
    }
}

/// Whether every word of `m` is capitalised and none names an institution or a title
/// ("Justice Department", "Obama Foundation" stay what they are).
fn words_are_names(doc: &Doc<'_>, m: &Mention) -> bool {
    let layer = doc.layer(m.field);
    m.tokens.clone().all(|i| {
        let w = layer.token_text(i);
        w.starts_with(|c: char| c.is_uppercase())
            && !lexicon::is_institution(w)
            && !lexicon::is_head(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    #[test]
    fn a_name_after_a_persons_title_is_a_person_throughout_the_article() {
        let got = retyped_by(
            retype,
            "President Obama spoke. Polls say Obama leads. Sen. Bernie Sanders agreed. \
             Pres. Biden and Amb. Tai came.",
            &[
                ("Obama", O),
                ("Bernie Sanders", L),
                ("Biden", O),
                ("Tai", L),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Obama".to_string(), P),
                ("Obama".to_string(), P),
                ("Bernie Sanders".to_string(), P),
                ("Biden".to_string(), P),
                ("Tai".to_string(), P)
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

    #[test]
    fn a_person_after_a_title_makes_the_same_name_elsewhere_a_person() {
        let text = "Barack Obama's Endorsement Comes. President Barack Obama endorsed her.";
        let doc = Doc::new(None, text, None);
        let mut mentions = crate::extract::entities::mentions_of(&doc, &[("Barack Obama", O)]);
        // The recogniser typed the titled one right and the headline's wrong.
        mentions[1].kind = P;
        retype(&doc, &mut mentions);
        assert_eq!(mentions[0].kind, P);
    }

    #[test]
    fn a_name_before_administration_is_a_person_and_so_is_his_full_name() {
        let got = retyped_by(
            retype,
            "The Obama administration said so. It fell short of Barack Obama's request, \
             Obama said. The Kabul administration, the Obama Foundation and a Republican \
             administration disagreed.",
            &[
                ("Obama", L),
                ("Barack Obama", O),
                ("Kabul", L),
                ("Obama Foundation", O),
                ("Republican", M),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Obama".to_string(), P),
                ("Barack Obama".to_string(), P),
                ("Obama".to_string(), P),
                ("Kabul".to_string(), L),
                ("Obama Foundation".to_string(), O),
                ("Republican".to_string(), M),
            ]
        );
        // A capitalised "Administration" is part of an agency's name.
        let got = retyped_by(
            retype,
            "The Food and Drug Administration and Obama agreed.",
            &[("Food and Drug Administration", O), ("Obama", L)],
        );
        assert!(got.iter().all(|(_, k)| *k != P), "{got:?}");
    }
}
