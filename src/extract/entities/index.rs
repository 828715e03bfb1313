//! Which entity a stretch of text belongs to: the mentions of all entities, sorted by
//! position, so the roles and quotes stages can ask "is there a person here?" cheaply.

use super::super::doc::EntityDraft;
use crate::record::{EntityType, Field};

/// One mention and the index of its entity draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub kind: EntityType,
}

/// Every mention of every entity, sorted by field then start.
#[derive(Debug, Default)]
pub struct MentionIndex {
    items: Vec<Located>,
    /// The longest mention in bytes: a mention overlapping `start` begins at most this far
    /// before it, which bounds the binary search.
    longest: usize,
}

impl MentionIndex {
    /// Indexes the mentions of `entities`; mention `entity` fields are indices into it.
    pub fn new(entities: &[EntityDraft]) -> Self {
        let mut items: Vec<Located> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                d.mentions.iter().map(move |m| Located {
                    field: m.field,
                    start: m.start,
                    end: m.end,
                    entity: i,
                    kind: d.kind,
                })
            })
            .collect();
        items.sort_by_key(|l| (l.field, l.start));
        let longest = items.iter().map(|l| l.end - l.start).max().unwrap_or(0);
        MentionIndex { items, longest }
    }

    /// Mentions in `field` that overlap the byte range `start..end`, in text order.
    pub fn overlapping(
        &self,
        field: Field,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &Located> + '_ {
        let from = start.saturating_sub(self.longest);
        let first = self
            .items
            .partition_point(|l| (l.field, l.start) < (field, from));
        self.items[first..]
            .iter()
            .take_while(move |l| l.field == field && l.start < end)
            .filter(move |l| l.end > start)
    }

    /// The mention covering byte `pos` of `field`, if any.
    pub fn at(&self, field: Field, pos: usize) -> Option<&Located> {
        self.overlapping(field, pos, pos + 1).next()
    }

    /// All mentions, in text order.
    pub fn all(&self) -> &[Located] {
        &self.items
    }
}
