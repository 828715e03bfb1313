//! "Ohio-based", "a London-based group", "St. Louis-based Mercantile": a name joined to
//! "-based" is one miscellaneous name, as the recogniser's training data writes it (CoNLL-2003
//! tags 24 of 26 such words so). The recogniser mostly does that, but misses some at the
//! start of a sentence or after a comma, and splits "St. Louis-based" into an organisation
//! and a person. Only "-based": "-born", "-led" and "-controlled" are tagged either way.

use std::ops::Range;

use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
use crate::extract::text::TextLayer;
use crate::record::{EntityType, Field};

const SUFFIX: &str = "-based";

/// A "-based" word's span: its field, first and last token, and bytes.
struct Span {
    field: Field,
    tokens: Range<usize>,
    start: usize,
    end: usize,
}

/// Adds a miscellaneous mention for every capitalised word ending in "-based" that no
/// mention covers, taking in the word before when the two name a place ("St. Louis-based").
/// Mentions inside it go; one that reaches beyond it leaves the word as tagged.
pub fn compounds(doc: &Doc<'_>, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let spans: Vec<Span> = doc.layers().flat_map(spans).collect();
    if spans.is_empty() {
        return mentions;
    }
    // Mentions by position, so each word finds the ones it overlaps by binary search: an
    // article of many such words stays linear. Mentions do not overlap one another, so
    // those overlapping a span are the last ones starting before its end whose ends reach
    // into it.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| (mentions[k].field as u8, mentions[k].start));
    let mut dropped = vec![false; mentions.len()];
    let mut added = Vec::new();
    for span in spans {
        let key = (span.field as u8, span.end);
        let before_end =
            order.partition_point(|&k| (mentions[k].field as u8, mentions[k].start) < key);
        let overlapping: Vec<usize> = order[..before_end]
            .iter()
            .rev()
            .take_while(|&&k| mentions[k].field == span.field && mentions[k].end > span.start)
            .copied()
            .collect();
        let within = |k: &usize| mentions[*k].start >= span.start && mentions[*k].end <= span.end;
        if !overlapping.iter().all(within) {
            continue;
        }
        for k in overlapping {
            dropped[k] = true;
        }
        added.push(Mention {
            field: span.field,
            start: span.start,
            end: span.end,
            tokens: span.tokens,
            kind: EntityType::Misc,
        });
    }
    if added.is_empty() {
        return mentions;
    }
    let mut keep = dropped.iter().map(|d| !d);
    mentions.retain(|_| keep.next().unwrap_or(true));
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.field as u8, m.start));
    mentions
}

/// The capitalised "-based" words of a layer, with the word before when the two name a
/// place.
fn spans(layer: &TextLayer<'_>) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, tok) in layer.tokens.iter().enumerate() {
        let Some(stem) = layer.token_text(i).strip_suffix(SUFFIX) else {
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
        out.push(Span {
            field: layer.field,
            tokens: first..i + 1,
            start: layer.tokens[first].start,
            end: tok.end,
        });
    }
    out
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
        // A mention reaching beyond the word leaves it as tagged.
        let names = [("Ohio-based KeyCorp", O)];
        assert_eq!(
            run("Ohio-based KeyCorp rose.", &names),
            vec![("Ohio-based KeyCorp".to_string(), O)]
        );
        let names = [("London-based", M)];
        assert_eq!(
            run("a London-based group", &names),
            vec![("London-based".to_string(), M)]
        );
    }
}
