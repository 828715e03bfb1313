//! Document tone. (Not built yet: the places/dates issue.)

use super::doc::Doc;
use crate::record::Tone;

pub fn score(_doc: &Doc<'_>) -> Tone {
    Tone::default()
}
