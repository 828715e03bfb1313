//! The output record: one per article, published to the output exchange. This is the
//! contract downstream consumers code against; `schema/record.schema.json` describes the same
//! shape and a test validates real output against it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Bumped only when a consumer would have to change code to read the record.
pub const SCHEMA_VERSION: u32 = 1;

/// Which article field an offset points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Body,
}

/// The enriched record for one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enrichment {
    pub schema_version: u32,
    pub id: String,
    /// Hash of id + content + extractor version: a redelivered article yields the same value,
    /// so consumers can drop duplicates of at-least-once delivery.
    pub record_id: String,
    pub article: ArticleInfo,
    pub language: Language,
    pub stats: Stats,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub amounts: Vec<Amount>,
    pub keywords: Vec<Keyword>,
    pub tone: Tone,
    pub summary: Vec<String>,
    pub fingerprint: Fingerprint,
    pub extractor: ExtractorInfo,
    /// Which lists were cut to the configured caps, and their original lengths; absent when
    /// nothing was cut, so a consumer can tell a short list from a shortened one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncated>,
}

/// The lists of a record that were cut to their caps (see `extract::limits`). Per-entity
/// lists are keyed by entity id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truncated {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entities: Option<Cut>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mentions: BTreeMap<String, Cut>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<String, Cut>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub affiliations: BTreeMap<String, Cut>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Cut>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Cut>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amounts: Option<Cut>,
}

impl Truncated {
    /// Nothing was cut.
    pub fn is_empty(&self) -> bool {
        *self == Truncated::default()
    }
}

/// One cut list: the first `kept` of `total` items are in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cut {
    pub kept: usize,
    pub total: usize,
}

/// The article's own metadata, echoed so a record stands alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published_at: Option<String>,
    pub metadata: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code, or "und" when the text is too short or mixed to tell.
    pub code: String,
    pub confidence: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub reading_time_seconds: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Organization,
    Location,
    Misc,
}

/// One real-world thing, with every place the article mentions it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// "E1", "E2", ... in salience order; quotes point at these.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The fullest form the article uses.
    pub name: String,
    pub mentions: Vec<Span>,
    pub count: usize,
    pub salience: f64,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
    pub country_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

/// A piece of an article's text. Offsets are Unicode scalar value (char) offsets into
/// `field`, end exclusive, so Python's `text[start:end]` returns `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// `None` when nobody can be named with confidence: a wrong speaker is worse than none.
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    /// A short quoted phrase woven into the writer's own sentence.
    pub partial: bool,
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The id of the speaker's entity, when the speaker is one.
    pub entity: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    /// ISO 8601 at the granularity below ("2025-12-25", ISO week "2025-W52", "2025-12", "2025");
    /// `None` when a relative expression has no `published_at` to resolve against.
    pub value: Option<String>,
    pub granularity: Granularity,
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub text: String,
    pub value: f64,
    /// What is counted ("point plan", "soldiers"), when the text says.
    pub object: Option<String>,
    /// Currency code or "%" where the amount has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// "tens of thousands": the value is an order of magnitude, not a count.
    #[serde(default)]
    pub approximate: bool,
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub text: String,
    pub score: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// Overall tone in [-1, 1].
    pub score: f64,
    /// Share of sentiment-bearing words that are positive, in [0, 1].
    pub positive: f64,
    pub negative: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// SHA-256 of the normalised text: equal for byte-different but textually equal copies.
    pub sha256: String,
    /// 64-bit SimHash over word shingles, 16 hex digits: near-copies differ in few bits.
    pub simhash: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtractorInfo {
    pub version: String,
    pub model: String,
    pub duration_us: u64,
}
