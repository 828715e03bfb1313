//! Extractive summary. (Placeholder: the lead sentences; the places/dates issue brings
//! centrality ranking.)

use super::doc::Doc;

pub fn pick(doc: &Doc<'_>) -> Vec<String> {
    doc.body
        .sentences
        .iter()
        .take(2)
        .map(|s| doc.body.text[s.start..s.end].to_string())
        .collect()
}
