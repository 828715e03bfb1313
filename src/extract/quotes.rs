//! Direct quotes and their speakers. (Not built yet: the who-said-what issue.)

use super::doc::{Doc, EntityDraft};
use crate::record::Quote;

/// Quotes with the index of their speaker's entity draft, if any.
pub fn find(_doc: &Doc<'_>, _entities: &[EntityDraft]) -> Vec<(Quote, Option<usize>)> {
    Vec::new()
}
