//! Date expressions resolved to calendar days. (Not built yet: the places/dates issue.)

use super::doc::Doc;
use crate::record::DateMention;

pub fn find(_doc: &Doc<'_>) -> Vec<DateMention> {
    Vec::new()
}
