//! Key phrases. (Not built yet: the places/dates issue.)

use super::doc::Doc;
use crate::record::Keyword;

pub fn extract(_doc: &Doc<'_>) -> Vec<Keyword> {
    Vec::new()
}
