//! Names followed by the kind of publication they name: "Zycie Warszawy daily", "Britain's
//! Sun newspaper", "the Novaya Gazeta weekly". A paper's name the recogniser never saw
//! reads as a person's ("Zycie Warszawy") or as MISC ("Sun"); the noun after it says it is
//! an organisation, and so is every other mention of the same name typed so ("Zycie
//! Warszawy said"). A nationality before the noun stays one ("the Israeli newspaper").

use rustc_hash::FxHashSet;

use crate::extract::doc::{Doc, Mention};
use crate::extract::roles::lexicon;
use crate::record::EntityType;

/// Lowercase nouns that, right after a name, make it a publication's.
const NOUNS: &[&str] = &[
    "daily",
    "dailies",
    "magazine",
    "newspaper",
    "newspapers",
    "tabloid",
    "weekly",
];

/// Whether a mention of this kind can be a paper's name misread.
fn misread(doc: &Doc<'_>, m: &Mention) -> bool {
    let text = &doc.layer(m.field).text[m.start..m.end];
    match m.kind {
        EntityType::Person => true,
        EntityType::Misc => lexicon::demonym(text).is_none(),
        _ => false,
    }
}

/// Retypes as organisations the mentions right before a publication noun, and the other
/// mentions of their names typed as people or MISC, as the module says.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let mut names: FxHashSet<&str> = FxHashSet::default();
    for m in mentions.iter() {
        let layer = doc.layer(m.field);
        let before_noun =
            m.tokens.end < layer.tokens.len() && NOUNS.contains(&layer.token_text(m.tokens.end));
        if before_noun {
            names.insert(&layer.text[m.start..m.end]);
        }
    }
    if names.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let text = &doc.layer(m.field).text[m.start..m.end];
        if names.contains(text) && misread(doc, m) {
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
    fn a_name_before_a_publication_noun_is_the_paper_everywhere() {
        let got = retyped_by(
            retype,
            "Zycie Warszawy daily said on Saturday. Zycie Warszawy said its publisher agreed.",
            &[("Zycie Warszawy", P)],
        );
        assert_eq!(
            got,
            vec![
                ("Zycie Warszawy".to_string(), O),
                ("Zycie Warszawy".to_string(), O)
            ]
        );
        let got = retyped_by(
            retype,
            "Britain's Sun newspaper reported it, and Bruno told the Sun so.",
            &[("Sun", M), ("Britain", L), ("Bruno", P)],
        );
        assert_eq!(
            got,
            vec![
                ("Britain".to_string(), L),
                ("Sun".to_string(), O),
                ("Bruno".to_string(), P),
                ("Sun".to_string(), O),
            ]
        );
    }

    #[test]
    fn a_nationality_or_a_place_before_the_noun_stays() {
        let got = retyped_by(
            retype,
            "the Israeli newspaper Haaretz and a Moscow daily said so.",
            &[("Israeli", M), ("Haaretz", O), ("Moscow", L)],
        );
        assert_eq!(
            got,
            vec![
                ("Israeli".to_string(), M),
                ("Haaretz".to_string(), O),
                ("Moscow".to_string(), L),
            ]
        );
    }
}
