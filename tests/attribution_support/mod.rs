//! Runs the who-said-what stages (clustering, roles, quotes) on text with hand-marked
//! names, so attribution is tested apart from the trained recogniser.

#![allow(dead_code)] // each test file uses a different part of this helper

use news_enricher::extract::doc::{Doc, EntityDraft};
use news_enricher::extract::{entities, quotes, roles};
use news_enricher::record::{EntityType, Quote};

/// What the stages found: entity drafts and quotes with their speaker's draft index.
pub struct Found {
    pub entities: Vec<EntityDraft>,
    pub quotes: Vec<(Quote, Option<usize>)>,
}

impl Found {
    /// The quotes as (text, speaker name) pairs.
    pub fn pairs(&self) -> Vec<(String, Option<String>)> {
        self.quotes
            .iter()
            .map(|(q, _)| (q.text.clone(), q.speaker.as_ref().map(|s| s.name.clone())))
            .collect()
    }

    /// The draft named `name`.
    pub fn entity(&self, name: &str) -> Option<&EntityDraft> {
        self.entities.iter().find(|e| e.name == name)
    }
}

/// Runs the stages on `title` + `body` with `names` marked as mentions.
pub fn run(title: Option<&str>, body: &str, names: &[(&str, EntityType)]) -> Found {
    let doc = Doc::new(title, body, None);
    let mentions = entities::mentions_of(&doc, names);
    let mut drafts = entities::cluster(&doc, mentions);
    roles::assign(&doc, &mut drafts);
    let quotes = quotes::find(&doc, &drafts, true);
    Found {
        entities: drafts,
        quotes,
    }
}
