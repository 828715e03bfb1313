//! Telemetry: the tracing subscriber (pretty or JSON, to stderr), the Prometheus metrics
//! registry, and [`Event`], the one type that both logs and counts, so a log line and the
//! metric it stands for cannot drift apart.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tracing_subscriber::EnvFilter;

use crate::settings::LogFormat;

/// Installs the global tracing subscriber writing to stderr (stdout belongs to the CLI's
/// data output). `RUST_LOG`, when set, wins over the configured filter.
///
/// Calling it twice is harmless: the second subscriber is ignored.
pub fn init_tracing(format: LogFormat, filter: &str) {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .or_else(|| EnvFilter::try_new(filter).ok())
        .unwrap_or_else(|| EnvFilter::new("info"));
    let json = match format {
        LogFormat::Json => true,
        LogFormat::Pretty => false,
        LogFormat::Auto => !std::io::stderr().is_terminal(),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // Ignoring the error: it only says a subscriber is already installed (tests, or a
    // library user who set their own), which is what we want to keep.
    let _ = if json {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .try_init()
    } else {
        builder.try_init()
    };
}

type Labels = Vec<(String, String)>;

/// Every metric the service exports. Cheap to share: the metric handles are `Arc`s inside.
#[derive(Debug)]
pub struct Metrics {
    registry: Mutex<Registry>,
    consumed: Counter,
    published: Counter,
    dead_lettered: Family<Labels, Counter>,
    publish_failures: Family<Labels, Counter>,
    reconnects: Counter,
    in_flight: Gauge,
    extraction_seconds: Histogram,
    end_to_end_seconds: Histogram,
    in_flight_now: AtomicI64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// Registers every metric under the `enricher_` prefix.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("enricher");
        let consumed = Counter::default();
        let published = Counter::default();
        let dead_lettered = Family::<Labels, Counter>::default();
        let publish_failures = Family::<Labels, Counter>::default();
        let reconnects = Counter::default();
        let in_flight = Gauge::default();
        // 100 µs .. ~3.3 s: extraction of a normal article is milliseconds.
        let extraction_seconds = Histogram::new(exponential_buckets(0.0001, 2.0, 16));
        // 1 ms .. ~33 s: includes queueing for the CPU pool and the publisher confirm.
        let end_to_end_seconds = Histogram::new(exponential_buckets(0.001, 2.0, 16));
        registry.register(
            "messages_consumed",
            "Deliveries taken from the input queue",
            consumed.clone(),
        );
        registry.register(
            "records_published",
            "Records published and confirmed by the broker",
            published.clone(),
        );
        registry.register(
            "dead_lettered",
            "Messages sent to the dead-letter exchange, by error kind",
            dead_lettered.clone(),
        );
        registry.register(
            "publish_failures",
            "Publishes not confirmed (nack, unroutable, channel error); the input is redelivered",
            publish_failures.clone(),
        );
        registry.register(
            "reconnects",
            "Broker sessions re-established after a loss",
            reconnects.clone(),
        );
        registry.register(
            "in_flight",
            "Deliveries being processed and not yet acked",
            in_flight.clone(),
        );
        registry.register(
            "extraction_duration_seconds",
            "Time the extractor spent on one article",
            extraction_seconds.clone(),
        );
        registry.register(
            "end_to_end_duration_seconds",
            "Time from receiving a delivery to acking it",
            end_to_end_seconds.clone(),
        );
        Metrics {
            registry: Mutex::new(registry),
            consumed,
            published,
            dead_lettered,
            publish_failures,
            reconnects,
            in_flight,
            extraction_seconds,
            end_to_end_seconds,
            in_flight_now: AtomicI64::new(0),
        }
    }

    /// The Prometheus/OpenMetrics text exposition of every metric.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        // A poisoned lock only means a panic elsewhere while encoding; the registry itself
        // is still consistent, so keep serving metrics.
        let registry = self
            .registry
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Writing into a String cannot fail.
        let _ = encode(&mut out, &registry);
        out
    }

    /// Marks one delivery as in flight until the returned guard drops, so an early return
    /// or a panic cannot leave the gauge high.
    pub fn in_flight(&self) -> InFlight<'_> {
        self.in_flight.inc();
        self.in_flight_now.fetch_add(1, Ordering::Relaxed);
        InFlight(self)
    }

    /// Deliveries currently in flight.
    pub fn in_flight_count(&self) -> i64 {
        self.in_flight_now.load(Ordering::Relaxed)
    }

    /// Records published so far (used by tests and the shutdown log).
    pub fn published_count(&self) -> u64 {
        self.published.get()
    }

    /// Messages dead-lettered so far, all kinds.
    pub fn dead_lettered_count(&self) -> u64 {
        let mut total = 0;
        for kind in crate::worker::ERROR_KINDS {
            if let Some(c) = self
                .dead_lettered
                .get(&vec![("kind".into(), (*kind).into())])
            {
                total += c.get();
            }
        }
        total
    }
}

/// Decrements the in-flight gauge when dropped.
#[derive(Debug)]
pub struct InFlight<'a>(&'a Metrics);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.dec();
        self.0.in_flight_now.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Something worth telling an operator about. [`Event::emit`] writes the log line and bumps
/// the matching metric in one place.
#[derive(Debug)]
pub enum Event<'a> {
    Consumed,
    Published {
        article_id: &'a str,
        record_id: &'a str,
        routing_key: &'a str,
        extraction: Option<Duration>,
        end_to_end: Duration,
    },
    DeadLettered {
        kind: &'a str,
        reason: &'a str,
        end_to_end: Duration,
    },
    PublishFailed {
        reason: &'a str,
        detail: &'a str,
    },
    Connected {
        url: &'a str,
        reconnect: bool,
    },
    Disconnected {
        error: &'a str,
        retry_in: Duration,
    },
    ConsumerCancelled,
}

impl Event<'_> {
    /// Logs the event and counts it.
    pub fn emit(&self, metrics: &Metrics) {
        match self {
            Event::Consumed => {
                metrics.consumed.inc();
            }
            Event::Published {
                article_id,
                record_id,
                routing_key,
                extraction,
                end_to_end,
            } => {
                metrics.published.inc();
                if let Some(d) = extraction {
                    metrics.extraction_seconds.observe(d.as_secs_f64());
                }
                metrics.end_to_end_seconds.observe(end_to_end.as_secs_f64());
                tracing::debug!(
                    article_id,
                    record_id,
                    routing_key,
                    end_to_end_ms = end_to_end.as_millis() as u64,
                    "record published"
                );
            }
            Event::DeadLettered {
                kind,
                reason,
                end_to_end,
            } => {
                metrics
                    .dead_lettered
                    .get_or_create(&vec![("kind".into(), (*kind).into())])
                    .inc();
                metrics.end_to_end_seconds.observe(end_to_end.as_secs_f64());
                tracing::warn!(kind, reason, "message dead-lettered");
            }
            Event::PublishFailed { reason, detail } => {
                metrics
                    .publish_failures
                    .get_or_create(&vec![("reason".into(), (*reason).into())])
                    .inc();
                tracing::error!(reason, detail, "publish failed; input will be redelivered");
            }
            Event::Connected { url, reconnect } => {
                if *reconnect {
                    metrics.reconnects.inc();
                }
                tracing::info!(url, reconnect, "connected to the broker, topology declared");
            }
            Event::Disconnected { error, retry_in } => {
                tracing::warn!(
                    error,
                    retry_in_ms = retry_in.as_millis() as u64,
                    "broker session lost or unavailable"
                );
            }
            Event::ConsumerCancelled => {
                tracing::warn!("consumer cancelled by the broker; subscribing again");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_show_up_in_the_metrics_text() {
        let m = Metrics::new();
        Event::Consumed.emit(&m);
        Event::DeadLettered {
            kind: "invalid_json",
            reason: "x",
            end_to_end: Duration::from_millis(3),
        }
        .emit(&m);
        Event::PublishFailed {
            reason: "unroutable",
            detail: "NO_ROUTE",
        }
        .emit(&m);
        let text = m.encode();
        assert!(
            text.contains("enricher_messages_consumed_total 1"),
            "{text}"
        );
        assert!(
            text.contains("enricher_dead_lettered_total{kind=\"invalid_json\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("enricher_publish_failures_total{reason=\"unroutable\"} 1"),
            "{text}"
        );
        assert!(text.contains("enricher_end_to_end_duration_seconds_bucket"));
        assert_eq!(m.dead_lettered_count(), 1);
    }

    #[test]
    fn the_in_flight_gauge_follows_its_guards() {
        let m = Metrics::new();
        let a = m.in_flight();
        let b = m.in_flight();
        assert_eq!(m.in_flight_count(), 2);
        drop(a);
        assert!(m.encode().contains("enricher_in_flight 1"));
        drop(b);
        assert_eq!(m.in_flight_count(), 0);
    }
}
