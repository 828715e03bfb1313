//! "Ohio-based", "a London-based group", "St. Louis-based Mercantile": a name joined to
//! "-based" is one miscellaneous name, as the recogniser's training data writes it (CoNLL-2003
//! tags 24 of 26 such words so). The recogniser mostly does that, but misses some at the
//! start of a sentence or after a comma, and splits "St. Louis-based" into an organisation
//! and a person. Only "-based": "-born", "-led" and "-controlled" are tagged either way.

use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
use crate::record::EntityType;

const SUFFIX: &str = "-based";

/// Adds a miscellaneous mention for every capitalised word ending in "-based" that no
/// mention covers, taking in the word before when the two name a place ("St. Louis-based").
/// Mentions inside it go; one that reaches beyond it leaves the word as tagged.
pub fn compounds(doc: &Doc<'_>, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let mut added = false;
    for layer in doc.layers() {
        for (i, tok) in layer.tokens.iter().enumerate() {
            let t = layer.token_text(i);
            let Some(stem) = t.strip_suffix(SUFFIX) else {
                continue;
            };
            if !stem.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let stem_end = tok.end - SUFFIX.len();
            let first = match i.checked_sub(1) {
                Some(p)
                    if layer.token_text(p).starts_with(|c: char| c.is_uppercase())
                        && places::is_place_name(&layer.text[layer.tokens[p].start..stem_end]) =>
                {
                    p
                }
                _ => i,
            };
            let start = layer.tokens[first].start;
            let overlaps =
                |m: &Mention| m.field == layer.field && m.start < tok.end && start < m.end;
            let within = |m: &Mention| m.start >= start && m.end <= tok.end;
            if mentions.iter().any(|m| overlaps(m) && !within(m))
                || mentions
                    .iter()
                    .any(|m| overlaps(m) && m.kind == EntityType::Misc && m.start == start)
            {
                continue;
            }
            mentions.retain(|m| !overlaps(m));
            mentions.push(Mention {
                field: layer.field,
                start,
                end: tok.end,
                tokens: first..i + 1,
                kind: EntityType::Misc,
            });
            added = true;
        }
    }
    if added {
        mentions.sort_by_key(|m| (m.field as u8, m.start));
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::mentions_of;
    use EntityType::{Misc as M, Organization as O, Person as P};

    fn run(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let doc = Doc::new(None, text, None);
        compounds(&doc, mentions_of(&doc, names))
            .iter()
            .map(|m| (doc.body.text[m.start..m.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_name_based_somewhere_is_one_misc_name() {
        let got = run("Tripoli-based diplomats said so.", &[]);
        assert_eq!(got, vec![("Tripoli-based".to_string(), M)]);
        let got = run(
            "St. Louis-based Mercantile Bancorp Inc. agreed.",
            &[("St.", O), ("Louis", P), ("Mercantile Bancorp Inc.", O)],
        );
        assert_eq!(
            got,
            vec![
                ("St. Louis-based".to_string(), M),
                ("Mercantile Bancorp Inc.".to_string(), O)
            ]
        );
    }

    #[test]
    fn other_compounds_and_lowercase_words_stay_as_tagged() {
        assert_eq!(run("KDP-controlled areas and web-based tools", &[]), vec![]);
        let names = [("London-based", M)];
        assert_eq!(
            run("a London-based group", &names),
            vec![("London-based".to_string(), M)]
        );
    }
}
