//! The extractor: a pure, synchronous function from an [`Article`] to its [`Enrichment`].
//! No I/O, no wall clock (relative dates resolve against the article's own `published_at`),
//! deterministic for the same input and model; the worker runs it on a CPU pool.
//!
//! Stages, in order: text layer ([`text`]) → named entities ([`ner`]) → one entity per
//! real-world thing ([`entities`]) → roles and affiliations ([`roles`]) → places to country
//! codes ([`places`]) → quotes and speakers ([`quotes`]) → dates ([`dates`]) → amounts
//! ([`amounts`]) → keywords, tone, summary, fingerprint.

pub mod amounts;
pub mod dates;
pub mod doc;
pub mod entities;
pub mod fingerprint;
pub mod html;
pub mod keywords;
pub mod language;
pub mod lexicon;
pub mod limits;
pub mod ner;
pub mod places;
pub mod quotes;
pub mod roles;
pub mod stats;
pub mod summary;
pub mod text;
pub mod tone;
pub mod vocab;

use std::borrow::Cow;
use std::time::Instant;

use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::record::{ArticleInfo, Enrichment, Entity, ExtractorInfo, SCHEMA_VERSION};
use doc::Doc;

/// Version of the extraction logic and model together; part of every `record_id`, so a new
/// extractor yields new record ids for the same article.
pub const EXTRACTOR_VERSION: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// Why the extractor could not be built.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("the NER model is corrupt: {0}")]
    Model(String),
}

/// The loaded extractor: models parsed once, then shared read-only across threads.
#[derive(Debug)]
pub struct Extractor {
    ner: ner::Model,
    limits: limits::Limits,
}

impl Extractor {
    /// Loads the models compiled into the binary.
    ///
    /// # Errors
    /// [`LoadError`] when an embedded model does not parse (a broken build, not bad input).
    pub fn load() -> Result<Self, LoadError> {
        places::preload();
        lexicon::preload();
        entities::companies::preload();
        Ok(Extractor {
            ner: ner::Model::embedded()?,
            limits: limits::Limits::default(),
        })
    }

    /// The same extractor with other per-record caps (the `[extract]` settings).
    #[must_use]
    pub fn with_limits(mut self, limits: limits::Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The per-record caps in force.
    pub fn limits(&self) -> limits::Limits {
        self.limits
    }

    /// A name for the model in use, reported in every record.
    pub fn model_name(&self) -> &str {
        self.ner.name()
    }

    /// Enriches one article. Never fails: an article with nothing to find yields a record
    /// with empty lists.
    pub fn extract(&self, article: &Article) -> Enrichment {
        let started = Instant::now();
        // The page is parsed once, for its text and (when the article has none) its title.
        let page = match (&article.body, &article.html) {
            (Some(b), _) if !b.trim().is_empty() => None,
            (_, Some(h)) => Some(html::main_text(h)),
            _ => None,
        };
        let body: Cow<'_, str> = match &page {
            Some(p) => Cow::Borrowed(p.text.as_str()),
            None => Cow::Borrowed(article.body.as_deref().unwrap_or("")),
        };
        let html_title = page.as_ref().and_then(|p| p.title.as_deref());
        let title = article.title.as_deref().or(html_title);
        let doc = Doc::new(title, &body, article.published_at);

        let language = language::detect(&doc, article.language.as_deref());
        // German capitalises every noun, the recogniser's first clue to a name: on German
        // text it tags "Milliarden Euro" and "Haushalte" as names, so none is better.
        let mentions = if language::capitalises_every_noun(&doc, &language) {
            Vec::new()
        } else {
            self.ner.tag_doc(&doc)
        };
        let mut drafts = entities::cluster(&doc, mentions);
        roles::assign(&doc, &mut drafts);
        places::resolve(&doc, &mut drafts);
        let mut quotes = quotes::find(&doc, &drafts, language.code == "en");
        boost_speakers(&mut drafts, &quotes);
        let dates = dates::find(&doc);
        // Amounts read numbers the English way ("70.000" is seventy, "3,5" no number) and
        // take English words for what they count: on German or Spanish text that gives
        // wrong values ("70.000 weitere Haushalte" as 70), so none is better. Text in no
        // language whatlang knows ("und") keeps them.
        let amounts = if matches!(language.code.as_str(), "en" | "und") {
            amounts::find(&doc)
        } else {
            Vec::new()
        };
        // Key phrases stand on an English stop list and English plurals: in another
        // language they come out as fragments ("Mittwoch mit"), so none is better.
        let keywords = if language.code == "en" {
            keywords::extract(&doc, &drafts)
        } else {
            Vec::new()
        };
        let tone = tone::score(&doc, quotes.iter().map(|(q, _)| q));
        let summary = summary::pick(&doc);
        let fingerprint = fingerprint::compute(&doc);

        // Entities are numbered in salience order; quotes refer to drafts by index until now.
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        order.sort_by(|&a, &b| {
            drafts[b]
                .salience
                .total_cmp(&drafts[a].salience)
                .then_with(|| first_offset(&drafts[a]).cmp(&first_offset(&drafts[b])))
        });
        let mut id_of = vec![String::new(); drafts.len()];
        for (rank, &i) in order.iter().enumerate() {
            id_of[i] = format!("E{}", rank + 1);
        }
        for (quote, speaker_index) in quotes.iter_mut() {
            if let (Some(i), Some(speaker)) = (speaker_index, quote.speaker.as_mut()) {
                speaker.entity = Some(id_of[*i].clone());
            }
        }
        let entities = order
            .into_iter()
            .map(|i| to_entity(&doc, &drafts[i], id_of[i].clone()))
            .collect();

        let mut record = Enrichment {
            schema_version: SCHEMA_VERSION,
            id: article.id.clone(),
            record_id: record_id(article),
            article: ArticleInfo {
                id: article.id.clone(),
                title: title.map(str::to_string),
                url: article.url.clone(),
                source: article.source.clone(),
                published_at: article.published_at.map(|d| d.to_rfc3339()),
                metadata: article.metadata.clone(),
            },
            language,
            stats: stats::compute(&doc),
            entities,
            quotes: quotes.into_iter().map(|(q, _)| q).collect(),
            dates,
            amounts,
            keywords,
            tone,
            summary,
            fingerprint,
            extractor: ExtractorInfo {
                version: EXTRACTOR_VERSION.to_string(),
                model: self.model_name().to_string(),
                duration_us: u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
            },
            truncated: None,
        };
        self.limits.apply(&mut record);
        record
    }
}

/// Salience bonus per attributed quote, and its cap. Whom a story quotes is what it is about:
/// a speaker quoted several times outranks a place mentioned as often.
const SALIENCE_PER_QUOTE: f64 = 0.05;
const SALIENCE_QUOTE_CAP: f64 = 0.15;

fn boost_speakers(
    drafts: &mut [doc::EntityDraft],
    quotes: &[(crate::record::Quote, Option<usize>)],
) {
    let mut quoted = vec![0usize; drafts.len()];
    for (_, speaker) in quotes {
        if let Some(i) = *speaker {
            quoted[i] += 1;
        }
    }
    for (d, n) in drafts.iter_mut().zip(quoted) {
        let bonus = (n as f64 * SALIENCE_PER_QUOTE).min(SALIENCE_QUOTE_CAP);
        d.salience = (d.salience + bonus).min(1.0);
    }
}

fn first_offset(d: &doc::EntityDraft) -> (u8, usize) {
    d.mentions
        .iter()
        .map(|m| (m.field as u8, m.start))
        .min()
        .unwrap_or((u8::MAX, usize::MAX))
}

fn to_entity(doc: &Doc<'_>, d: &doc::EntityDraft, id: String) -> Entity {
    Entity {
        id,
        kind: d.kind,
        name: d.name.clone(),
        mentions: d
            .mentions
            .iter()
            .map(|m| doc.layer(m.field).span(m.start, m.end))
            .collect(),
        count: d.mentions.len(),
        salience: d.salience,
        roles: d.roles.clone(),
        affiliations: d.affiliations.clone(),
        country_code: d.country_code.clone(),
        coordinates: d.coordinates,
    }
}

/// Deterministic id of the record an article yields with this extractor: a redelivery gives
/// the same id, a changed article or extractor a new one.
pub fn record_id(article: &Article) -> String {
    let mut h = Sha256::new();
    for part in [
        Some(article.id.as_str()),
        article.title.as_deref(),
        article.body.as_deref(),
        article.html.as_deref(),
        article.published_at.map(|d| d.to_rfc3339()).as_deref(),
        Some(EXTRACTOR_VERSION),
    ] {
        let part = part.unwrap_or("");
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let digest = h.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}
