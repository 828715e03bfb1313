//! Direct quotes and their speakers: every stretch in double quotes (single quotes in a
//! headline, or in a body that quotes in single marks), with the person or organisation who said it, the reporting verb, and whether
//! it is a whole statement or a phrase woven into the writer's sentence.
//!
//! - [`marks`] finds the quoted stretches, including quotes over paragraph breaks;
//! - [`attribution`] finds their speakers;
//! - [`cues`] holds the reporting verbs, pronouns and speaker nouns both read;
//! - [`gender`] tells whom "he" and "she" can stand for.

pub mod attribution;
pub mod cues;
pub mod gender;
pub mod marks;

use super::doc::{Doc, EntityDraft};
use super::entities::index::MentionIndex;
use crate::record::{Field, Quote, Speaker};

/// Quotes with the index of their speaker's entity draft, if any. Offsets are char offsets
/// of the quoted text without its marks, so `text[start..end] == quote.text`.
///
/// Speakers are found only when `english`: the reporting verbs, pronouns and clause rules
/// are English ones, and in another language they would pick a speaker by position alone
/// ("La concejala de Movilidad, Marta García …" gave Movilidad). A quote with no speaker is
/// better than one given to the wrong person.
pub fn find(doc: &Doc<'_>, entities: &[EntityDraft], english: bool) -> Vec<(Quote, Option<usize>)> {
    let index = MentionIndex::new(entities);
    let genders = gender::Genders::new(doc, entities);
    let mut out = Vec::new();
    for layer in doc.layers() {
        let singles = match layer.field {
            Field::Title => marks::Singles::Headline,
            Field::Body => marks::body_style(layer.text),
        };
        let marked = marks::find(layer, singles);
        if marked.is_empty() {
            continue;
        }
        let found = if english {
            attribution::attribute(layer, &index, entities, &genders, &marked)
        } else {
            vec![attribution::Attribution::default(); marked.len()]
        };
        for (m, a) in marked.iter().zip(found) {
            let span = layer.span(m.start, m.end);
            let quote = Quote {
                text: span.text,
                speaker: a.name.map(|name| Speaker { entity: None, name }),
                cue: a.cue.filter(|c| !c.is_empty()),
                partial: a.partial,
                field: layer.field,
                start: span.start,
                end: span.end,
            };
            out.push((quote, a.entity));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{cluster, mentions_of};
    use crate::record::EntityType;

    #[test]
    fn broken_and_odd_quote_marks_never_panic_and_offsets_stay_valid() {
        let bodies = [
            "\"",
            "“”",
            "\"\"\"",
            "He said: “",
            "”Backwards“ marks, “nested “twice” here”",
            "Émile said « bonjour » and “héllo wörld,” Émile Zola said.",
            "'Single' quotes in a body, Trump’s 'scare' words.\n\n\n“Para\n“Two”",
            "“Unclosed at the end of the last paragraph",
        ];
        for body in bodies {
            let doc = Doc::new(Some("'Odd' \"title"), body, None);
            let mentions = mentions_of(&doc, &[("Émile Zola", EntityType::Person)]);
            let drafts = cluster(&doc, mentions);
            for (q, _) in find(&doc, &drafts, true) {
                let field = match q.field {
                    Field::Title => "'Odd' \"title",
                    Field::Body => body,
                };
                let text: String = field.chars().skip(q.start).take(q.end - q.start).collect();
                assert_eq!(text, q.text, "{body:?}");
            }
        }
    }
}
