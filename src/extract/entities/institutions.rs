//! Institutions named after people. "the Peter G. Peterson Foundation", "the Kennedy
//! Center", "Rutgers University": the recogniser, seeing a person's name, may take the whole
//! for a person. A capitalised noun of institutions at the end says otherwise. Only nouns
//! that are no one's surname: "Frank Church" and "Jonathan Bank" stay people.

use crate::extract::doc::{Doc, Mention};
use crate::record::EntityType;

/// Capitalised nouns that end institutions' names and never people's.
const INSTITUTION_ENDS: &[&str] = &[
    "Academy",
    "Association",
    "Center",
    "Centre",
    "College",
    "Corporation",
    "Foundation",
    "Fund",
    "Hospital",
    "Institute",
    "Institution",
    "Library",
    "Museum",
    "Society",
    "University",
];

/// Retypes as organisations the person mentions of two or more words that end in a noun of
/// institutions, as the module says.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Person || m.tokens.len() < 2 {
            continue;
        }
        let last = doc.layer(m.field).token_text(m.tokens.end - 1);
        if INSTITUTION_ENDS.contains(&last) {
            m.kind = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Organization as O, Person as P};

    #[test]
    fn a_persons_name_ending_in_foundation_is_an_institution_and_a_surname_church_is_not() {
        let got = retyped_by(
            retype,
            "The Peter G. Peterson Foundation paid. Frank Church and Foundation agreed.",
            &[
                ("Peter G. Peterson Foundation", P),
                ("Frank Church", P),
                ("Foundation", P),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Peter G. Peterson Foundation".to_string(), O),
                ("Frank Church".to_string(), P),
                ("Foundation".to_string(), P),
            ]
        );
    }
}
