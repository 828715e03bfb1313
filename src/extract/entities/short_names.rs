//! Companies by their short names. An article that has named "Mercantile Bancorp Inc." or
//! "Ruch SA" calls the company "Mercantile" and "Ruch" from then on, and the recogniser,
//! which never saw either word, may type that short name a person or a thing
//! ("Ruch newsstand chain"). A one-word mention that is the first word of a company named in
//! the body by that word and legal forms alone is the company.

use rustc_hash::FxHashSet;

use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
use crate::record::{EntityType, Field};

/// Lowercase words of legal forms and holding-company names, without a final full stop.
const LEGAL_FORMS: &[&str] = &[
    "ab",
    "ag",
    "asa",
    "bancorp",
    "bancorporation",
    "bancshares",
    "bhd",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "cos",
    "gmbh",
    "group",
    "holding",
    "holdings",
    "inc",
    "incorporated",
    "kk",
    "limited",
    "llc",
    "lp",
    "ltd",
    "nv",
    "oyj",
    "plc",
    "pte",
    "sa",
    "sarl",
    "spa",
];

/// Whether `word` is a legal form ("Inc.", "SA", "Bancorp").
pub fn is_legal_form(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    LEGAL_FORMS.contains(&w.as_str())
}

/// The short name of a company named as a word and legal forms ("Ruch" of "Ruch SA"), if
/// `words` are such a name.
pub fn short_name<'w>(words: &[&'w str]) -> Option<&'w str> {
    let (&first, rest) = words.split_first()?;
    let named = !rest.is_empty()
        && rest.iter().all(|w| is_legal_form(w))
        && first.starts_with(|c: char| c.is_uppercase())
        && !is_legal_form(first);
    named.then_some(first)
}

/// Retypes as organisations the one-word mentions of a company's short name, as the module
/// says. Not a known place's name ("Chicago Bancorp Inc." leaves Chicago a city) nor a word
/// that ends a person's name in the article ("Dell Inc." and "Michael Dell").
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let words = |m: &Mention| -> Vec<&str> {
        let layer = doc.layer(m.field);
        m.tokens.clone().map(|i| layer.token_text(i)).collect()
    };
    let mut names: FxHashSet<&str> = FxHashSet::default();
    for m in mentions.iter() {
        if m.kind == EntityType::Organization && m.field == Field::Body {
            if let Some(w) = short_name(&words(m)) {
                names.insert(w);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for m in mentions.iter() {
        if m.kind == EntityType::Person && m.tokens.len() >= 2 {
            if let Some(last) = words(m).last() {
                names.remove(last);
            }
        }
    }
    names.retain(|w| !places::is_place_name(w));
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Organization
            && m.tokens.len() == 1
            && names.contains(doc.layer(m.field).token_text(m.tokens.start))
        {
            m.kind = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    #[test]
    fn the_first_word_of_a_company_named_with_its_legal_form_is_the_company() {
        let got = retyped_by(
            retype,
            "Mercantile Bancorp Inc. rose. Buyers want Mercantile. The Ruch SA deal: Ruch kiosks.",
            &[
                ("Mercantile Bancorp Inc.", O),
                ("Mercantile", P),
                ("Ruch SA", O),
                ("Ruch", M),
            ],
        );
        let kinds: Vec<EntityType> = got.iter().map(|(_, k)| *k).collect();
        assert_eq!(kinds, vec![O, O, O, O], "{got:?}");
    }

    #[test]
    fn places_people_and_names_with_other_words_stay() {
        // A city that names a bank is still the city.
        let got = retyped_by(
            retype,
            "Chicago Bancorp Inc. said Chicago grew.",
            &[("Chicago Bancorp Inc.", O), ("Chicago", L)],
        );
        assert_eq!(got[1], ("Chicago".to_string(), L));
        // The founder named in full keeps his surname.
        let got = retyped_by(
            retype,
            "Dell Inc. rose, Michael Dell said. Dell smiled.",
            &[("Dell Inc.", O), ("Michael Dell", P), ("Dell", P)],
        );
        assert_eq!(got[2], ("Dell".to_string(), P));
        // "Edward D. Jones & Co" is more than a word and legal forms.
        let got = retyped_by(
            retype,
            "Edward D. Jones & Co said so. Edward agreed.",
            &[("Edward D. Jones & Co", O), ("Edward", P)],
        );
        assert_eq!(got[1], ("Edward".to_string(), P));
    }
}
