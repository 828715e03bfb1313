//! news-enricher: consumes news articles from RabbitMQ, extracts who and what is in them,
//! publishes one enriched JSON record per article.
//!
//! A tour, in the order a message travels:
//! - [`settings`]: typed, layered configuration, validated at start.
//! - [`broker`]: AMQP connection with backoff, topology, consumer, confirmed publisher, and
//!   the supervisor that rebuilds all of it after a loss.
//! - [`worker`]: one delivery through the stages: validate, extract, publish, ack.
//! - [`article`]: the input message, parsed and validated at the edge.
//! - [`extract`]: the extractor, pure and synchronous, run on a bounded CPU pool.
//! - [`record`]: the output record, the contract consumers code against.
//! - [`service`]: everything wired together until a shutdown signal.
//! - [`http`]: `/healthz`, `/readyz`, `/metrics`; [`telemetry`]: logs and metrics.
//! - [`commands`]: the command-line tools besides the service (extract, publish, tail).

pub mod article;
pub mod broker;
pub mod commands;
pub mod extract;
pub mod http;
pub mod record;
pub mod service;
pub mod settings;
pub mod telemetry;
pub mod worker;
