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
        // The path names the offending field in the `x-error` header ("body: invalid type:
        // integer `3`, expected a string"), so a publisher can fix the message without
        // guessing.
        let article: Article = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if path == "." {
                ArticleError::Schema(inner.to_string())
            } else {
                ArticleError::Schema(format!("`{path}`: {inner}"))
            }
        })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One row per way a message can fail, with the `x-error-kind` a user filters on.
    #[test]
    fn every_bad_message_maps_to_its_error_kind() {
        let long_id = format!(
            r#"{{"id": "{}", "body": "x"}}"#,
            "i".repeat(MAX_ID_CHARS + 1)
        );
        let rows: &[(&[u8], &str)] = &[
            (b"{\"id\": \"a\", \"body\": \"\xff\"}", "invalid_utf8"),
            (b"{\"id\": \"a\", \"body\": ", "invalid_json"),
            (b"", "invalid_json"),
            (b"\"just a string\"", "not_object"),
            (b"[{\"id\": \"a\"}]", "not_object"),
            (br#"{"body": "no id"}"#, "schema"),
            (br#"{"id": "   ", "body": "blank id"}"#, "schema"),
            (br#"{"id": 7, "body": "numeric id"}"#, "schema"),
            (br#"{"id": "a"}"#, "schema"),
            (br#"{"id": "a", "body": "  ", "html": ""}"#, "schema"),
            (br#"{"id": "a", "body": 3}"#, "schema"),
            (
                br#"{"id": "a", "body": "x", "published_at": "yesterday"}"#,
                "schema",
            ),
            (long_id.as_bytes(), "schema"),
        ];
        for (bytes, kind) in rows {
            let err =
                Article::from_slice(bytes, 10_000).expect_err(&String::from_utf8_lossy(bytes));
            assert_eq!(
                err.kind(),
                *kind,
                "{}: {err}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn a_wrong_field_type_is_named_in_the_reason() {
        let err = Article::from_slice(br#"{"id": "a", "body": 3}"#, 100).expect_err("bad type");
        assert!(err.to_string().contains("`body`"), "{err}");
        let err = Article::from_slice(br#"{"body": "x"}"#, 100).expect_err("no id");
        assert!(err.to_string().contains("`id`"), "{err}");
    }

    #[test]
    fn size_is_checked_before_anything_is_parsed() {
        let body = br#"{"id": "a", "body": "fits only without the limit"}"#;
        let err = Article::from_slice(body, 10).expect_err("too large");
        assert_eq!(err.kind(), "too_large");
        assert!(Article::from_slice(body, body.len()).is_ok());
    }

    #[test]
    fn unknown_fields_are_ignored_and_metadata_passes_through() {
        let a = Article::from_slice(
            br#"{"id": "a", "html": "<p>x</p>", "extra": 1, "metadata": {"k": [1, 2]},
                "published_at": "2025-11-20T09:00:00+01:00"}"#,
            usize::MAX,
        )
        .expect("valid");
        assert_eq!(a.metadata, Some(serde_json::json!({"k": [1, 2]})));
        assert!(a.published_at.is_some());
        assert!(a.body.is_none());
    }
}
