//! Mention clustering: one entity per real-world thing. (Placeholder: groups identical
//! mention texts; the who-said-what issue brings name matching and salience.)

use super::doc::{Doc, EntityDraft, Mention};

pub fn cluster(doc: &Doc<'_>, mentions: Vec<Mention>) -> Vec<EntityDraft> {
    let mut out: Vec<EntityDraft> = Vec::new();
    for m in mentions {
        let text = &doc.layer(m.field).text[m.start..m.end];
        match out.iter_mut().find(|d| d.kind == m.kind && d.name == text) {
            Some(d) => d.mentions.push(m),
            None => out.push(EntityDraft::new(m.kind, text.to_string(), vec![m])),
        }
    }
    for d in &mut out {
        d.salience = d.mentions.len() as f64;
    }
    out
}
