//! Court cases: "Roe v. Wade", "Brown v. Board of Education". The recogniser takes such a
//! name for a person's (two capitalised names), but a name with "v." or "vs." inside it is a
//! case, which is miscellaneous (CoNLL-2003 has no name with "v" inside; its "England v
//! Pakistan" fixtures are two names).

use crate::extract::doc::{Doc, Mention};
use crate::record::EntityType;

/// Retypes as miscellaneous the mentions with "v.", "v", "vs." or "vs" as a word inside.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Misc || m.tokens.len() < 3 {
            continue;
        }
        let layer = doc.layer(m.field);
        let versus = (m.tokens.start + 1..m.tokens.end - 1)
            .any(|i| matches!(layer.token_text(i), "v." | "v" | "vs." | "vs"));
        if versus {
            m.kind = EntityType::Misc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Location as L, Misc as M, Person as P};

    #[test]
    fn a_name_with_versus_inside_is_a_case_and_a_fixture_of_two_names_is_not() {
        let got = retyped_by(
            retype,
            "The ruling upheld Roe v. Wade. England v Pakistan starts today.",
            &[("Roe v. Wade", P), ("England", L), ("Pakistan", L)],
        );
        assert_eq!(
            got,
            vec![
                ("Roe v. Wade".to_string(), M),
                ("England".to_string(), L),
                ("Pakistan".to_string(), L),
            ]
        );
    }
}
