//! Roles and affiliations of people. (Not built yet: the who-said-what issue.)

use super::doc::{Doc, EntityDraft};

pub fn assign(_doc: &Doc<'_>, _entities: &mut [EntityDraft]) {}
