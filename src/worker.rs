//! One delivery through the stages: decode and validate → extract on the CPU pool → publish
//! the record (confirmed) → ack. Bad input is dead-lettered with its reason; a failed publish
//! is handed back to the queue. [`Worker::process`] is the unit of work, free of acking, so
//! tests drive it directly; [`Worker`] implements the supervisor's
//! [`DeliveryHandler`](crate::broker::supervisor::DeliveryHandler) by adding the ack.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lapin::BasicProperties;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicNackOptions};
use lapin::types::FieldTable;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::article::Article;
use crate::broker::publish::{PublishError, Publisher, json_properties, string_headers};
use crate::broker::supervisor::DeliveryHandler;
use crate::extract::{EXTRACTOR_VERSION, Extractor};
use crate::settings::{TopologySettings, WorkerSettings, routing_key};
use crate::telemetry::{Event, Metrics};

/// Every `x-error-kind` the worker dead-letters with: the article validation kinds, plus
/// a panic in the extractor and a record that could not be serialised.
pub const ERROR_KINDS: &[&str] = &[
    "too_large",
    "invalid_utf8",
    "invalid_json",
    "not_object",
    "schema",
    "extractor_panic",
    "unserializable_record",
];

/// Longest `x-error` header value; a serde message quoting a huge input must not bloat it.
const MAX_ERROR_HEADER_CHARS: usize = 1000;

/// A record ready to publish.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub record_id: String,
    /// ISO 639-1 code, for the routing key.
    pub language: String,
    pub json: Vec<u8>,
    /// Time spent extracting, when an extractor ran.
    pub extraction: Option<Duration>,
}

/// Turns a valid article into a record. A plain function type so tests can put in one that
/// panics; the service uses [`Engine::extractor`] or [`Engine::passthrough`].
pub type EngineFn = dyn Fn(&Article) -> Result<Rendered, String> + Send + Sync;

/// The extraction step and its version label.
#[derive(Clone)]
pub struct Engine {
    run: Arc<EngineFn>,
    version: String,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("version", &self.version)
            .finish()
    }
}

impl Engine {
    /// The real extractor.
    pub fn extractor(extractor: Arc<Extractor>) -> Engine {
        Engine {
            run: Arc::new(move |article: &Article| {
                let started = Instant::now();
                let record = extractor.extract(article);
                let extraction = started.elapsed();
                let json = serde_json::to_vec(&record).map_err(|e| e.to_string())?;
                Ok(Rendered {
                    record_id: record.record_id,
                    language: record.language.code,
                    json,
                    extraction: Some(extraction),
                })
            }),
            version: EXTRACTOR_VERSION.to_string(),
        }
    }

    /// No extraction: a minimal record with the id, a deterministic record id and the
    /// language hint. Measures what the broker and the worker loop cost on their own.
    pub fn passthrough() -> Engine {
        Engine {
            run: Arc::new(|article: &Article| {
                let record_id = passthrough_record_id(article);
                let language = article.language.clone().unwrap_or_else(|| "und".into());
                let json = serde_json::to_vec(&serde_json::json!({
                    "schema_version": crate::record::SCHEMA_VERSION,
                    "id": article.id,
                    "record_id": record_id,
                    "passthrough": true,
                }))
                .map_err(|e| e.to_string())?;
                Ok(Rendered {
                    record_id,
                    language,
                    json,
                    extraction: None,
                })
            }),
            version: "passthrough".to_string(),
        }
    }

    /// Runs the engine on one article, on the calling thread.
    ///
    /// # Errors
    /// The record could not be serialised.
    pub fn render(&self, article: &Article) -> Result<Rendered, String> {
        (self.run)(article)
    }

    /// Any function, e.g. one that panics, to test how the worker copes.
    pub fn custom(version: &str, run: Arc<EngineFn>) -> Engine {
        Engine {
            run,
            version: version.to_string(),
        }
    }
}

fn passthrough_record_id(article: &Article) -> String {
    let mut h = Sha256::new();
    for part in [
        Some(article.id.as_str()),
        article.body.as_deref(),
        article.html.as_deref(),
    ] {
        let part = part.unwrap_or("");
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update(b"passthrough");
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A message as it came off the queue; the worker needs nothing else of the delivery.
#[derive(Debug, Clone, Copy)]
pub struct Incoming<'a> {
    /// The message body, exactly as published.
    pub body: &'a [u8],
    /// Where it was published, kept on its dead-letter copy.
    pub exchange: &'a str,
    /// Its routing key, kept on its dead-letter copy.
    pub routing_key: &'a str,
    /// Its headers, carried over to its record and to its dead-letter copy.
    pub headers: Option<&'a FieldTable>,
}

/// What became of one message; decides ack or redelivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The record is confirmed by the broker: ack.
    Published {
        article_id: String,
        record_id: String,
        routing_key: String,
        extraction: Option<Duration>,
    },
    /// A dead-letter copy is confirmed by the broker: ack.
    DeadLettered { kind: &'static str, reason: String },
    /// Nothing confirmed: do not ack; the broker redelivers (bounded by the delivery limit).
    Retry { reason: String },
}

/// The worker: shared by all in-flight deliveries.
#[derive(Debug)]
pub struct Worker {
    engine: Engine,
    pool: Arc<Semaphore>,
    topology: TopologySettings,
    settings: WorkerSettings,
    metrics: Arc<Metrics>,
}

impl Worker {
    /// A worker running `engine` on at most `threads` blocking threads at once.
    pub fn new(
        engine: Engine,
        threads: usize,
        topology: TopologySettings,
        settings: WorkerSettings,
        metrics: Arc<Metrics>,
    ) -> Worker {
        Worker {
            engine,
            pool: Arc::new(Semaphore::new(threads.max(1))),
            topology,
            settings,
            metrics,
        }
    }

    /// Takes one message through every stage up to the broker's confirm; never acks.
    pub async fn process(&self, publisher: &Publisher, msg: Incoming<'_>) -> Outcome {
        let article = match Article::from_slice(msg.body, self.settings.max_article_bytes) {
            Ok(article) => article,
            Err(e) => {
                return self
                    .dead_letter(publisher, msg, e.kind(), &e.to_string())
                    .await;
            }
        };
        let article_id = article.id.clone();
        let rendered = match self.render(article).await {
            Ok(r) => r,
            Err(Failure::Panic(message)) => {
                return self
                    .dead_letter(publisher, msg, "extractor_panic", &message)
                    .await;
            }
            Err(Failure::Unserializable(message)) => {
                return self
                    .dead_letter(publisher, msg, "unserializable_record", &message)
                    .await;
            }
            Err(Failure::Cancelled) => {
                return Outcome::Retry {
                    reason: "extraction task cancelled".into(),
                };
            }
        };
        let key = routing_key(&self.topology.routing_key_template, &rendered.language);
        let properties = json_properties(
            &rendered.record_id,
            msg.headers,
            &[
                ("x-article-id", &article_id),
                ("x-extractor-version", &self.engine.version),
            ],
        );
        match publisher
            .publish(
                &self.topology.output_exchange,
                &key,
                &rendered.json,
                properties,
            )
            .await
        {
            Ok(()) => Outcome::Published {
                article_id,
                record_id: rendered.record_id,
                routing_key: key,
                extraction: rendered.extraction,
            },
            Err(e) => self.publish_failed(&e),
        }
    }

    /// Runs the engine on the CPU pool: a semaphore bounds the blocking threads to the
    /// configured size, and `catch_unwind` turns a panic into a dead-letter, not a crash.
    async fn render(&self, article: Article) -> Result<Rendered, Failure> {
        let permit = self
            .pool
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Failure::Cancelled)?;
        let run = self.engine.run.clone();
        let span = tracing::Span::current();
        let joined = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let _entered = span.enter();
            catch_unwind(AssertUnwindSafe(|| run(&article)))
        })
        .await;
        match joined {
            Ok(Ok(Ok(rendered))) => Ok(rendered),
            Ok(Ok(Err(message))) => Err(Failure::Unserializable(message)),
            Ok(Err(panic)) => Err(Failure::Panic(panic_message(panic.as_ref()))),
            Err(_) => Err(Failure::Cancelled),
        }
    }

    async fn dead_letter(
        &self,
        publisher: &Publisher,
        msg: Incoming<'_>,
        kind: &'static str,
        reason: &str,
    ) -> Outcome {
        let reason: String = reason.chars().take(MAX_ERROR_HEADER_CHARS).collect();
        let headers = string_headers(
            msg.headers.cloned().unwrap_or_default(),
            &[
                ("x-error-kind", kind),
                ("x-error", &reason),
                ("x-original-exchange", msg.exchange),
                ("x-original-routing-key", msg.routing_key),
            ],
        );
        let properties = BasicProperties::default()
            .with_delivery_mode(2)
            .with_headers(headers);
        match publisher
            .publish(
                &self.topology.dead_exchange,
                msg.routing_key,
                msg.body,
                properties,
            )
            .await
        {
            Ok(()) => {
                tracing::debug!(kind, reason, "dead-letter copy confirmed");
                Outcome::DeadLettered { kind, reason }
            }
            Err(e) => self.publish_failed(&e),
        }
    }

    fn publish_failed(&self, e: &PublishError) -> Outcome {
        let detail = e.to_string();
        Event::PublishFailed {
            reason: e.reason(),
            detail: &detail,
        }
        .emit(&self.metrics);
        Outcome::Retry { reason: detail }
    }
}

impl DeliveryHandler for Worker {
    async fn handle(&self, publisher: Publisher, delivery: Delivery) {
        let received = Instant::now();
        Event::Consumed.emit(&self.metrics);
        let _in_flight = self.metrics.in_flight();
        let msg = Incoming {
            body: &delivery.data,
            exchange: delivery.exchange.as_str(),
            routing_key: delivery.routing_key.as_str(),
            headers: delivery.properties.headers().as_ref(),
        };
        let outcome = self.process(&publisher, msg).await;
        match &outcome {
            Outcome::Published {
                article_id,
                record_id,
                routing_key,
                extraction,
            } => {
                if let Err(e) = delivery.ack(BasicAckOptions::default()).await {
                    tracing::warn!(error = %e, record_id, "ack failed; the article will be redelivered and yield the same record_id");
                    return;
                }
                Event::Published {
                    article_id,
                    record_id,
                    routing_key,
                    extraction: *extraction,
                    end_to_end: received.elapsed(),
                }
                .emit(&self.metrics);
            }
            Outcome::DeadLettered { kind, reason } => {
                if let Err(e) = delivery.ack(BasicAckOptions::default()).await {
                    tracing::warn!(error = %e, kind, "ack of a dead-lettered message failed; it will be redelivered");
                    return;
                }
                Event::DeadLettered {
                    kind,
                    reason,
                    end_to_end: received.elapsed(),
                }
                .emit(&self.metrics);
            }
            Outcome::Retry { .. } => {
                // A pause before handing the message back, so a persistent fault (an
                // unroutable output, a full disk alarm) does not spin at full speed.
                tokio::time::sleep(Duration::from_millis(self.settings.retry_delay_ms)).await;
                let requeue = BasicNackOptions {
                    requeue: true,
                    ..BasicNackOptions::default()
                };
                if let Err(e) = delivery.nack(requeue).await {
                    tracing::warn!(error = %e, "nack failed; the broker redelivers when the channel closes");
                }
            }
        }
    }
}

enum Failure {
    Panic(String),
    Unserializable(String),
    Cancelled,
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("extractor panicked: {s}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("extractor panicked: {s}")
    } else {
        "extractor panicked".to_string()
    }
}
