//! What the stages of the extractor hand each other: the analysed article, entity mentions
//! and entities before they get their ids.

use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use super::text::TextLayer;
use super::vocab::Vocab;
use crate::record::{Coordinates, EntityType, Field};

/// An article's fields, analysed once and shared by every stage.
#[derive(Debug)]
pub struct Doc<'a> {
    pub title: Option<TextLayer<'a>>,
    pub body: TextLayer<'a>,
    /// The anchor for relative dates.
    pub published_at: Option<DateTime<FixedOffset>>,
    /// Every word's lowercase form, interned once for the stages that count words.
    pub vocab: Vocab<'a>,
}

impl<'a> Doc<'a> {
    pub fn new(
        title: Option<&'a str>,
        body: &'a str,
        published_at: Option<DateTime<FixedOffset>>,
    ) -> Self {
        let title = title
            .filter(|t| !t.trim().is_empty())
            .map(|t| TextLayer::new(Field::Title, t));
        let body = TextLayer::new(Field::Body, body);
        let vocab = Vocab::new(title.as_ref(), &body);
        Doc {
            title,
            body,
            published_at,
            vocab,
        }
    }

    /// The analysed field named `field`.
    ///
    /// # Panics
    /// If asked for the title of an article without one; mentions only ever point into
    /// fields that exist.
    pub fn layer(&self, field: Field) -> &TextLayer<'a> {
        match field {
            Field::Body => &self.body,
            Field::Title => self.title.as_ref().expect("mention in a missing title"),
        }
    }

    /// Title first (when there is one), then body.
    pub fn layers(&self) -> impl Iterator<Item = &TextLayer<'a>> {
        self.title.iter().chain(std::iter::once(&self.body))
    }
}

/// One stretch of text the entity recogniser tagged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub field: Field,
    /// Byte offsets into the field.
    pub start: usize,
    pub end: usize,
    /// Token indices into the field's [`TextLayer::tokens`].
    pub tokens: Range<usize>,
    pub kind: EntityType,
}

/// An entity being built: the mentions of one real-world thing and what the stages learn
/// about it. Becomes a [`crate::record::Entity`] once ids are assigned by salience.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityDraft {
    pub kind: EntityType,
    pub name: String,
    pub mentions: Vec<Mention>,
    pub salience: f64,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
    pub country_code: Option<String>,
    pub coordinates: Option<Coordinates>,
}

impl EntityDraft {
    pub fn new(kind: EntityType, name: String, mentions: Vec<Mention>) -> Self {
        EntityDraft {
            kind,
            name,
            mentions,
            salience: 0.0,
            roles: Vec::new(),
            affiliations: Vec::new(),
            country_code: None,
            coordinates: None,
        }
    }
}
