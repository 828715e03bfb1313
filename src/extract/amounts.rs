//! Amounts: numbers with what they count. (Not built yet: the places/dates issue.)

use super::doc::Doc;
use crate::record::Amount;

pub fn find(_doc: &Doc<'_>) -> Vec<Amount> {
    Vec::new()
}
