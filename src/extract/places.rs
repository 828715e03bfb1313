//! Places to ISO country codes. (Not built yet: the places/dates issue.)

use super::doc::{Doc, EntityDraft};

pub fn resolve(_doc: &Doc<'_>, _entities: &mut [EntityDraft]) {}
