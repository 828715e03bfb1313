//! The command-line tools besides the service: `extract` (offline, no broker), `publish` (feed
//! a JSONL file to the input exchange) and `tail` (watch records as they come out).

use std::io::{BufRead, BufReader, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use futures_lite::StreamExt;
use lapin::BasicProperties;
use lapin::options::{BasicConsumeOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::FieldTable;
use rayon::prelude::*;
use tokio::task::JoinSet;

use crate::article::Article;
use crate::broker::BrokerError;
use crate::broker::connection::connect;
use crate::broker::publish::{PUBLISHED_AT_HEADER, Publisher, header_str, string_headers};
use crate::broker::topology;
use crate::extract::Extractor;
use crate::settings::Settings;

/// Lines handed to the thread pool at once: big enough to keep every core busy, small enough
/// that memory stays flat on a multi-gigabyte input and output starts quickly.
const EXTRACT_CHUNK_LINES: usize = 512;

/// Publishes awaiting their confirm at once in `publish`: keeps the pipe full without
/// unbounded memory.
const PUBLISH_WINDOW: usize = 256;

/// Why a command failed as a whole (as opposed to one bad input line, which is reported and
/// skipped).
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Broker(#[from] BrokerError),
    #[error("{failed} of {total} messages were not confirmed by the broker")]
    Unconfirmed { failed: usize, total: usize },
}

/// What `extract` did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ExtractReport {
    pub records: usize,
    pub bad: usize,
}

/// Reads one JSON article (compact or pretty-printed) or JSONL from `input`, writes one
/// record per line to `out` in input order, and one message per bad line to `errors`.
///
/// Large inputs are processed in chunks on every core (rayon); order is preserved.
///
/// # Errors
/// Only I/O errors; a bad article is reported on `errors` and processing goes on.
pub fn extract(
    extractor: &Extractor,
    input: impl Read,
    mut out: impl Write,
    mut errors: impl Write,
) -> std::io::Result<ExtractReport> {
    let mut reader = BufReader::new(input);
    let mut report = ExtractReport::default();
    let mut first = String::new();
    let mut first_line_no = 0;
    loop {
        first.clear();
        if reader.read_line(&mut first)? == 0 {
            return Ok(report);
        }
        first_line_no += 1;
        if !first.trim().is_empty() {
            break;
        }
    }
    let first_is_complete = serde_json::from_str::<serde::de::IgnoredAny>(first.trim()).is_ok();
    if first_is_complete {
        let lines = std::iter::once(Ok(first))
            .chain(reader.lines())
            .enumerate()
            .map(|(i, l)| l.map(|l| (first_line_no + i, l)));
        run_lines(extractor, lines, &mut out, &mut errors, &mut report)?;
    } else {
        // The first line is not a whole document: a pretty-printed article, or JSONL whose
        // first line is bad. Try the whole input as one document first.
        let mut whole = first;
        reader.read_to_string(&mut whole)?;
        if serde_json::from_str::<serde::de::IgnoredAny>(&whole).is_ok() {
            let one = std::iter::once(Ok((first_line_no, whole)));
            run_lines(extractor, one, &mut out, &mut errors, &mut report)?;
        } else if let Some(error) = not_jsonl(&whole) {
            // No line is a document on its own: one broken document, reported once rather
            // than as a complaint about each of its lines.
            writeln!(errors, "line {first_line_no}: {error}")?;
            report.bad += 1;
        } else {
            let owned: Vec<String> = whole.lines().map(str::to_string).collect();
            let lines = owned
                .into_iter()
                .enumerate()
                .map(|(i, l)| Ok((first_line_no + i, l)));
            run_lines(extractor, lines, &mut out, &mut errors, &mut report)?;
        }
    }
    out.flush()?;
    Ok(report)
}

/// `None` when some line of `text` is a JSON document by itself (so it is JSONL); else the
/// error of parsing `text` as one document.
fn not_jsonl(text: &str) -> Option<String> {
    let any_line_whole = text
        .lines()
        .any(|l| serde_json::from_str::<serde::de::IgnoredAny>(l.trim()).is_ok());
    if any_line_whole {
        return None;
    }
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .err()
        .map(|e| format!("not a JSON article nor JSONL: {e}"))
}

/// Splits a file into messages for `publish`: one per line for JSONL, or the whole file,
/// compacted, when it is a single (e.g. pretty-printed) JSON document.
pub fn split_messages(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() > 1
        && serde_json::from_str::<serde::de::IgnoredAny>(lines[0].trim()).is_err()
        && let Ok(doc) = serde_json::from_str::<serde_json::Value>(text)
    {
        return vec![doc.to_string()];
    }
    lines.into_iter().map(str::to_string).collect()
}

fn run_lines(
    extractor: &Extractor,
    lines: impl Iterator<Item = std::io::Result<(usize, String)>>,
    out: &mut impl Write,
    errors: &mut impl Write,
    report: &mut ExtractReport,
) -> std::io::Result<()> {
    let mut chunk: Vec<(usize, String)> = Vec::with_capacity(EXTRACT_CHUNK_LINES);
    for line in lines {
        let (n, text) = line?;
        if text.trim().is_empty() {
            continue;
        }
        chunk.push((n, text));
        if chunk.len() == EXTRACT_CHUNK_LINES {
            flush_chunk(extractor, &mut chunk, out, errors, report)?;
        }
    }
    flush_chunk(extractor, &mut chunk, out, errors, report)
}

fn flush_chunk(
    extractor: &Extractor,
    chunk: &mut Vec<(usize, String)>,
    out: &mut impl Write,
    errors: &mut impl Write,
    report: &mut ExtractReport,
) -> std::io::Result<()> {
    let results: Vec<(usize, Result<String, String>)> = chunk
        .par_iter()
        .map(|(n, text)| (*n, extract_one(extractor, text)))
        .collect();
    for (n, result) in results {
        match result {
            Ok(json) => {
                out.write_all(json.as_bytes())?;
                out.write_all(b"\n")?;
                report.records += 1;
            }
            Err(e) => {
                writeln!(errors, "line {n}: {e}")?;
                report.bad += 1;
            }
        }
    }
    chunk.clear();
    Ok(())
}

fn extract_one(extractor: &Extractor, text: &str) -> Result<String, String> {
    let article = Article::from_slice(text.as_bytes(), usize::MAX).map_err(|e| e.to_string())?;
    let record = catch_unwind(AssertUnwindSafe(|| extractor.extract(&article)))
        .map_err(|_| format!("the extractor panicked on article `{}`", article.id))?;
    serde_json::to_string(&record).map_err(|e| e.to_string())
}

/// What `publish` did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PublishReport {
    pub confirmed: usize,
    pub failed: usize,
}

/// Sends every non-empty line of `lines` as one message to the input exchange, persistent
/// and confirmed, at most `rate` messages per second, with a progress line on stderr. Each
/// message carries its send time in [`PUBLISHED_AT_HEADER`].
/// Declares the topology first, so articles sent before any worker runs are queued.
///
/// # Errors
/// [`CommandError::Broker`] when the broker is unreachable; [`CommandError::Unconfirmed`]
/// when some messages were not confirmed.
pub async fn publish(
    settings: &Settings,
    lines: Vec<String>,
    routing_key: &str,
    rate: Option<f64>,
    progress: bool,
) -> Result<PublishReport, CommandError> {
    let conn = connect(
        &settings.amqp.url,
        "news-enricher publish",
        &settings.amqp.tls,
    )
    .await?;
    let channel = conn
        .create_channel()
        .await
        .map_err(BrokerError::amqp("opening a channel"))?;
    topology::declare(&channel, &settings.topology).await?;
    let publisher = Publisher::new(channel).await?;
    let messages: Vec<Vec<u8>> = lines
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .map(String::into_bytes)
        .collect();
    let total = messages.len();
    let mut report = PublishReport::default();
    let mut pending = JoinSet::new();
    let mut pace = rate
        .filter(|r| *r > 0.0)
        .map(|r| tokio::time::interval(Duration::from_secs_f64(1.0 / r)));
    let started = Instant::now();
    let mut last_progress = Instant::now();
    let properties = BasicProperties::default()
        .with_delivery_mode(2)
        .with_content_type("application/json".into());
    let exchange = settings.topology.input_exchange.clone();
    let key = routing_key.to_string();
    for body in messages {
        if let Some(pace) = pace.as_mut() {
            pace.tick().await;
        }
        while pending.len() >= PUBLISH_WINDOW {
            count(pending.join_next().await, &mut report);
        }
        let publisher = publisher.clone();
        let sent_at = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        let properties = properties.clone().with_headers(string_headers(
            FieldTable::default(),
            &[(PUBLISHED_AT_HEADER, &sent_at)],
        ));
        let exchange = exchange.clone();
        let key = key.clone();
        pending.spawn(async move { publisher.publish(&exchange, &key, &body, properties).await });
        if progress && last_progress.elapsed() >= Duration::from_secs(1) {
            last_progress = Instant::now();
            print_progress(&report, total, started);
        }
    }
    while let Some(joined) = pending.join_next().await {
        count(Some(joined), &mut report);
    }
    if progress {
        print_progress(&report, total, started);
        eprintln!();
    }
    let _ = conn.close(200, "done".into()).await;
    if report.failed > 0 {
        return Err(CommandError::Unconfirmed {
            failed: report.failed,
            total,
        });
    }
    Ok(report)
}

fn count(
    joined: Option<
        Result<Result<(), crate::broker::publish::PublishError>, tokio::task::JoinError>,
    >,
    report: &mut PublishReport,
) {
    match joined {
        Some(Ok(Ok(()))) => report.confirmed += 1,
        Some(Ok(Err(e))) => {
            tracing::warn!(error = %e, "message not confirmed");
            report.failed += 1;
        }
        Some(Err(_)) => report.failed += 1,
        None => {}
    }
}

fn print_progress(report: &PublishReport, total: usize, started: Instant) {
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    eprint!(
        "\rpublished {}/{} ({:.0}/s){}",
        report.confirmed,
        total,
        report.confirmed as f64 / secs,
        if report.failed > 0 {
            format!(", {} failed", report.failed)
        } else {
            String::new()
        }
    );
}

/// What `tail` saw.
#[derive(Debug, Default, Clone)]
pub struct TailReport {
    /// Records written.
    pub records: usize,
    /// For each record carrying [`PUBLISHED_AT_HEADER`] (inherited from its article), the
    /// time from publishing the article to receiving the record, in seconds. Only meaningful
    /// when publisher and tail share a clock (the same machine, or NTP-synchronised ones).
    pub latencies: Vec<f64>,
}

impl TailReport {
    /// The `q`-quantile (0..=1) of the latencies, by the nearest-rank method; `None` without
    /// latencies.
    pub fn latency_quantile(&self, q: f64) -> Option<f64> {
        let mut sorted = self.latencies.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let rank = ((q.clamp(0.0, 1.0) * n as f64).ceil() as usize).clamp(1, n.max(1));
        sorted.get(rank - 1).copied()
    }
}

/// Seconds from an RFC 3339 `sent_at` to now; `None` when it does not parse.
fn seconds_since(sent_at: &str) -> Option<f64> {
    let sent = chrono::DateTime::parse_from_rfc3339(sent_at).ok()?;
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    let micros = (now - sent.with_timezone(&chrono::Utc)).num_microseconds()?;
    Some(micros as f64 / 1e6)
}

/// Binds a temporary exclusive queue to the output exchange with `binding` and writes each
/// record as one line to `out` until `count` records (if given) or `timeout` (if given).
///
/// # Errors
/// [`CommandError::Broker`] when the broker is unreachable or the subscription fails;
/// [`CommandError::Io`] when `out` fails (e.g. a closed pipe).
pub async fn tail(
    settings: &Settings,
    binding: &str,
    count: Option<usize>,
    timeout: Option<Duration>,
    mut out: impl Write,
) -> Result<TailReport, CommandError> {
    let conn = connect(&settings.amqp.url, "news-enricher tail", &settings.amqp.tls).await?;
    let channel = conn
        .create_channel()
        .await
        .map_err(BrokerError::amqp("opening a channel"))?;
    let mut output_only = settings.topology.clone();
    output_only.keep_all = false;
    topology::declare_output(&channel, &output_only).await?;
    let queue = channel
        .queue_declare(
            "".into(),
            QueueDeclareOptions {
                exclusive: true,
                auto_delete: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("declaring the tail queue"))?;
    channel
        .queue_bind(
            queue.name().clone(),
            settings.topology.output_exchange.as_str().into(),
            binding.into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("binding the tail queue"))?;
    let mut consumer = channel
        .basic_consume(
            queue.name().clone(),
            "".into(),
            BasicConsumeOptions {
                no_ack: true,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("consuming the tail queue"))?;
    tracing::info!(
        exchange = %settings.topology.output_exchange,
        binding,
        "tailing records (Ctrl-C to stop)"
    );
    let deadline = timeout.map(|t| tokio::time::Instant::now() + t);
    let mut report = TailReport::default();
    while count.is_none_or(|c| report.records < c) {
        let next = match deadline {
            Some(d) => match tokio::time::timeout_at(d, consumer.next()).await {
                Ok(next) => next,
                Err(_) => break,
            },
            None => consumer.next().await,
        };
        match next {
            Some(Ok(delivery)) => {
                if let Some(latency) =
                    header_str(delivery.properties.headers().as_ref(), PUBLISHED_AT_HEADER)
                        .and_then(|sent| seconds_since(&sent))
                {
                    report.latencies.push(latency);
                }
                out.write_all(&delivery.data)?;
                out.write_all(b"\n")?;
                out.flush()?;
                report.records += 1;
            }
            Some(Err(e)) => {
                return Err(BrokerError::Amqp {
                    what: "receiving records",
                    source: e,
                }
                .into());
            }
            None => break,
        }
    }
    let _ = conn.close(200, "done".into()).await;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_quantiles_use_the_nearest_rank() {
        let report = TailReport {
            records: 5,
            latencies: vec![0.5, 0.1, 0.4, 0.2, 0.3],
        };
        assert_eq!(report.latency_quantile(0.5), Some(0.3));
        assert_eq!(report.latency_quantile(0.99), Some(0.5));
        assert_eq!(report.latency_quantile(0.0), Some(0.1));
        assert_eq!(TailReport::default().latency_quantile(0.5), None);
        assert!(seconds_since("2020-01-01T00:00:00.000001Z").is_some_and(|s| s > 1e8));
        assert_eq!(seconds_since("yesterday"), None);
    }

    #[test]
    fn a_pretty_printed_document_is_one_message_and_jsonl_is_one_per_line() {
        let pretty = "{\n  \"id\": \"a\",\n  \"body\": \"x\"\n}\n";
        assert_eq!(split_messages(pretty), [r#"{"body":"x","id":"a"}"#]);
        let jsonl = "{\"id\": \"a\"}\n\n{\"id\": \"b\"}\nnot json\n";
        assert_eq!(
            split_messages(jsonl),
            [r#"{"id": "a"}"#, r#"{"id": "b"}"#, "not json"]
        );
    }

    #[test]
    fn a_broken_pretty_document_is_reported_once() {
        let extractor = Extractor::load().expect("extractor");
        let mut out = Vec::new();
        let mut err = Vec::new();
        let report = extract(
            &extractor,
            "{\n  \"id\": \"a\",\n  \"body\": \n}\n".as_bytes(),
            &mut out,
            &mut err,
        )
        .expect("no I/O error");
        assert_eq!(report, ExtractReport { records: 0, bad: 1 });
        let err = String::from_utf8_lossy(&err);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("line 1: "), "{err}");
    }
}
