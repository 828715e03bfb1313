//! news-enricher: consumes news articles from RabbitMQ, extracts who and what is in them,
//! publishes one enriched JSON record per article.
//!
//! - [`article`]: the input message, parsed and validated at the edge.
//! - [`record`]: the output record, the contract consumers code against.
//! - [`extract`]: the extractor, pure and synchronous.

pub mod article;
pub mod extract;
pub mod record;
