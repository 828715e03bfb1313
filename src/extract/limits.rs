//! Per-record caps. A pathological article (100,000 quotes, one name repeated 200,000
//! times) would otherwise yield a record of tens of megabytes: more than the broker's frame
//! budget, a consumer's memory or an index's document limit should have to take. Each list
//! is cut to its cap, keeping the most useful items, and the record says what was cut in
//! [`Truncated`], so a consumer can tell a short list from a shortened one.
//!
//! What is kept: the most salient entities (the record's order, so ids stay `E1..En`);
//! the first mentions, quotes, dates and amounts in article order (title, then body);
//! the first roles and affiliations found.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::record::{Cut, Enrichment, Truncated};

/// The caps, in items. Settings section `[extract]`; [`Limits::default`] holds the
/// documented defaults, which `config/default.toml` repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Entities per record (the most salient are kept).
    pub max_entities: usize,
    /// Mentions listed per entity; its `count` still says how many there were.
    pub max_mentions_per_entity: usize,
    /// Roles per entity.
    pub max_roles_per_entity: usize,
    /// Affiliations per entity.
    pub max_affiliations_per_entity: usize,
    /// Quotes per record.
    pub max_quotes: usize,
    /// Dates per record.
    pub max_dates: usize,
    /// Amounts per record.
    pub max_amounts: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entities: 200,
            max_mentions_per_entity: 200,
            max_roles_per_entity: 20,
            max_affiliations_per_entity: 20,
            max_quotes: 500,
            max_dates: 500,
            max_amounts: 500,
        }
    }
}

impl Limits {
    /// The caps by their settings key, for validation messages and `news-enricher config`.
    pub fn by_key(&self) -> [(&'static str, usize); 7] {
        [
            ("max_entities", self.max_entities),
            ("max_mentions_per_entity", self.max_mentions_per_entity),
            ("max_roles_per_entity", self.max_roles_per_entity),
            (
                "max_affiliations_per_entity",
                self.max_affiliations_per_entity,
            ),
            ("max_quotes", self.max_quotes),
            ("max_dates", self.max_dates),
            ("max_amounts", self.max_amounts),
        ]
    }

    /// Cuts every list of `record` to its cap and records what was cut in
    /// `record.truncated` (left `None` when nothing was). Quotes whose speaker entity was
    /// cut keep the speaker's name and lose the dangling entity id.
    pub fn apply(&self, record: &mut Enrichment) {
        let entities = cut(&mut record.entities, self.max_entities);
        if entities.is_some() {
            let kept: HashSet<&str> = record.entities.iter().map(|e| e.id.as_str()).collect();
            for q in &mut record.quotes {
                if let Some(s) = q.speaker.as_mut()
                    && s.entity.as_deref().is_some_and(|id| !kept.contains(id))
                {
                    s.entity = None;
                }
            }
        }
        let mut mentions = BTreeMap::new();
        let mut roles = BTreeMap::new();
        let mut affiliations = BTreeMap::new();
        for e in &mut record.entities {
            if let Some(c) = cut(&mut e.mentions, self.max_mentions_per_entity) {
                mentions.insert(e.id.clone(), c);
            }
            if let Some(c) = cut(&mut e.roles, self.max_roles_per_entity) {
                roles.insert(e.id.clone(), c);
            }
            if let Some(c) = cut(&mut e.affiliations, self.max_affiliations_per_entity) {
                affiliations.insert(e.id.clone(), c);
            }
        }
        let t = Truncated {
            entities,
            mentions,
            roles,
            affiliations,
            quotes: cut(&mut record.quotes, self.max_quotes),
            dates: cut(&mut record.dates, self.max_dates),
            amounts: cut(&mut record.amounts, self.max_amounts),
        };
        record.truncated = (!t.is_empty()).then_some(t);
    }
}

/// Keeps the first `max` items; says how many there were when that cut any.
fn cut<T>(list: &mut Vec<T>, max: usize) -> Option<Cut> {
    let total = list.len();
    (total > max).then(|| {
        list.truncate(max);
        list.shrink_to_fit();
        Cut { kept: max, total }
    })
}
