//! The input message: what a publisher sends, parsed and validated at the edge so that an
//! invalid article cannot exist past [`Article::from_slice`].

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Longest accepted article id, in chars. Ids are used in logs, headers and record ids, so a
/// bound keeps a hostile id from bloating all of them.
pub const MAX_ID_CHARS: usize = 256;

/// One news article as it arrives on the input queue.
///
/// Unknown fields are ignored; `metadata` is carried through untouched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// RFC 3339; anchors relative dates ("on Thursday") because the extractor never reads
    /// the clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<DateTime<FixedOffset>>,
    /// ISO 639-1 hint from the publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
}

/// Why a message is not an article. Each kind maps to the `x-error-kind` header of the
/// dead-lettered copy, so a user can filter the dead-letter queue by cause.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArticleError {
    #[error("message is {size} bytes, over the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("message is not valid UTF-8: {0}")]
    InvalidUtf8(String),
    #[error("message is not valid JSON: {0}")]
    InvalidJson(String),
    #[error("message is JSON but not an object")]
    NotObject,
    #[error("article does not match the schema: {0}")]
    Schema(String),
}

impl ArticleError {
    /// The stable machine-readable name used in the `x-error-kind` header and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            ArticleError::TooLarge { .. } => "too_large",
            ArticleError::InvalidUtf8(_) => "invalid_utf8",
            ArticleError::InvalidJson(_) => "invalid_json",
            ArticleError::NotObject => "not_object",
            ArticleError::Schema(_) => "schema",
        }
    }
}

impl Article {
    /// Decodes and validates one message body.
    ///
    /// # Errors
    /// Every way a body can fail to be an article, as an [`ArticleError`] whose
    /// [`kind`](ArticleError::kind) names the cause.
    pub fn from_slice(bytes: &[u8], max_bytes: usize) -> Result<Article, ArticleError> {
        if bytes.len() > max_bytes {
            return Err(ArticleError::TooLarge {
                size: bytes.len(),
                limit: max_bytes,
            });
        }
        let text =
            std::str::from_utf8(bytes).map_err(|e| ArticleError::InvalidUtf8(e.to_string()))?;
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ArticleError::InvalidJson(e.to_string()))?;
        if !value.is_object() {
            return Err(ArticleError::NotObject);
        }
        let article: Article =
            serde_json::from_value(value).map_err(|e| ArticleError::Schema(e.to_string()))?;
        article.validate()?;
        Ok(article)
    }

    fn validate(&self) -> Result<(), ArticleError> {
        let id_chars = self.id.chars().count();
        if self.id.trim().is_empty() {
            return Err(ArticleError::Schema("`id` is empty".into()));
        }
        if id_chars > MAX_ID_CHARS {
            return Err(ArticleError::Schema(format!(
                "`id` is {id_chars} chars, over the limit of {MAX_ID_CHARS}"
            )));
        }
        let has_body = self.body.as_deref().is_some_and(|b| !b.trim().is_empty());
        let has_html = self.html.as_deref().is_some_and(|h| !h.trim().is_empty());
        if !has_body && !has_html {
            return Err(ArticleError::Schema(
                "neither `body` nor `html` has any text".into(),
            ));
        }
        Ok(())
    }
}
