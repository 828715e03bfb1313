//! Viruses named after places: "Zika", "Ebola", "West Nile". The recogniser knows the
//! names as places (the Zika Forest, the Ebola River), but an article that writes "the Zika
//! virus" means the disease by every "Zika" in it ("Zika funding", "the fight against
//! Zika"). Diseases are miscellaneous names, as CoNLL-2003 tags "AIDS" and "HIV".

use rustc_hash::FxHashSet;

use crate::extract::doc::{Doc, Mention};
use crate::record::EntityType;

/// Retypes as miscellaneous every mention of a name that the article once writes directly
/// before "virus" or "viruses".
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let viruses: FxHashSet<&str> = mentions
        .iter()
        .filter(|m| {
            let layer = doc.layer(m.field);
            m.tokens.end < layer.tokens.len()
                && matches!(layer.token_text(m.tokens.end), "virus" | "viruses")
        })
        .map(text_of)
        .collect();
    if viruses.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if viruses.contains(text_of(m)) {
            m.kind = EntityType::Misc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Location as L, Misc as M};

    #[test]
    fn a_name_written_before_virus_is_the_disease_everywhere_in_the_article() {
        let got = retyped_by(
            retype,
            "Congress cut Zika funding. The Zika virus spread from Brazil.",
            &[("Zika", L), ("Brazil", L)],
        );
        assert_eq!(
            got,
            vec![
                ("Zika".to_string(), M),
                ("Zika".to_string(), M),
                ("Brazil".to_string(), L),
            ]
        );
        // Without "virus", the place stays a place.
        let got = retyped_by(retype, "Zika is a forest in Uganda.", &[("Zika", L)]);
        assert_eq!(got, vec![("Zika".to_string(), L)]);
    }
}
