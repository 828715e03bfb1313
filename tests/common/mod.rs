//! Helpers shared by the broker tests: a real RabbitMQ (`AMQP_URL`, default the local one),
//! uniquely named exchanges and queues per test so tests run in parallel, and waits that
//! always time out.
#![allow(dead_code)] // each test binary uses a different subset

pub mod broker_node;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use futures_lite::StreamExt;
use lapin::message::Delivery;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicPublishOptions, BasicQosOptions,
    ConfirmSelectOptions, ExchangeDeleteOptions, QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties};
use std::sync::Arc;

use news_enricher::service::Service;
use news_enricher::settings::{Settings, SettingsSource};
use news_enricher::worker::Engine;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::watch;

/// The broker the tests use.
pub fn amqp_url() -> String {
    std::env::var("AMQP_URL").unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into())
}

/// A name no other test (or earlier run) uses.
pub fn unique(tag: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "test.{tag}.{}.{nanos}.{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// One test's private set of exchanges and queues.
#[derive(Debug, Clone)]
pub struct TestTopology {
    pub url: String,
    pub input_exchange: String,
    pub input_queue: String,
    pub output_exchange: String,
    pub all_queue: String,
    pub dead_exchange: String,
    pub dead_queue: String,
}

impl TestTopology {
    pub fn new(tag: &str) -> Self {
        Self::with_url(tag, &amqp_url())
    }

    pub fn with_url(tag: &str, url: &str) -> Self {
        let base = unique(tag);
        TestTopology {
            url: url.to_string(),
            input_exchange: format!("{base}.in.x"),
            input_queue: format!("{base}.in"),
            output_exchange: format!("{base}.enriched"),
            all_queue: format!("{base}.enriched.all"),
            dead_exchange: format!("{base}.dead.x"),
            dead_queue: format!("{base}.dead"),
        }
    }

    /// Environment variables that point the service at this topology, with an ephemeral
    /// HTTP port and a short retry delay.
    pub fn env(&self) -> Vec<(String, String)> {
        [
            ("ENRICHER__AMQP__URL", self.url.as_str()),
            ("ENRICHER__TOPOLOGY__INPUT_EXCHANGE", &self.input_exchange),
            ("ENRICHER__TOPOLOGY__INPUT_QUEUE", &self.input_queue),
            ("ENRICHER__TOPOLOGY__OUTPUT_EXCHANGE", &self.output_exchange),
            ("ENRICHER__TOPOLOGY__KEEP_ALL_QUEUE", &self.all_queue),
            ("ENRICHER__TOPOLOGY__DEAD_EXCHANGE", &self.dead_exchange),
            ("ENRICHER__TOPOLOGY__DEAD_QUEUE", &self.dead_queue),
            ("ENRICHER__HTTP__ADDR", "127.0.0.1:0"),
            ("ENRICHER__WORKER__RETRY_DELAY_MS", "100"),
            ("ENRICHER__AMQP__RECONNECT_INITIAL_MS", "100"),
            ("ENRICHER__AMQP__RECONNECT_MAX_MS", "1000"),
            ("ENRICHER__LOG__FORMAT", "json"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    /// Settings for an in-process service on this topology, plus `extra` overrides.
    pub fn settings(&self, extra: &[(&str, &str)]) -> Settings {
        let mut env: HashMap<String, String> = self.env().into_iter().collect();
        for (k, v) in extra {
            env.insert((*k).to_string(), (*v).to_string());
        }
        Settings::load(&SettingsSource {
            dir: None,
            app_env: None,
            env: Some(env),
        })
        .expect("test settings are valid")
    }

    /// Best-effort removal of everything this test declared.
    pub async fn cleanup(&self) {
        let Ok(conn) = connect(&self.url).await else {
            return;
        };
        if let Ok(ch) = conn.create_channel().await {
            for q in [&self.input_queue, &self.all_queue, &self.dead_queue] {
                let _ = ch
                    .queue_delete(q.as_str().into(), QueueDeleteOptions::default())
                    .await;
            }
            for x in [
                &self.input_exchange,
                &self.output_exchange,
                &self.dead_exchange,
            ] {
                let _ = ch
                    .exchange_delete(x.as_str().into(), ExchangeDeleteOptions::default())
                    .await;
            }
        }
        let _ = conn.close(200, "test done".into()).await;
    }
}

/// Connects, retrying for a few seconds (a broker that just started may refuse at first).
pub async fn connect(url: &str) -> lapin::Result<Connection> {
    let mut last = None;
    for _ in 0..40 {
        match Connection::connect(url, ConnectionProperties::default()).await {
            Ok(c) => return Ok(c),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err(last.expect("at least one attempt"))
}

/// A confirm-mode channel.
pub async fn confirm_channel(conn: &Connection) -> Channel {
    let ch = conn.create_channel().await.expect("channel");
    ch.confirm_select(ConfirmSelectOptions::default())
        .await
        .expect("confirm_select");
    ch
}

/// Publishes raw bodies to `exchange` and waits for every confirm.
pub async fn publish_raw(ch: &Channel, exchange: &str, bodies: &[Vec<u8>]) {
    for body in bodies {
        let confirm = ch
            .basic_publish(
                exchange.into(),
                "article".into(),
                BasicPublishOptions::default(),
                body,
                BasicProperties::default().with_delivery_mode(2),
            )
            .await
            .expect("publish");
        drop(confirm);
    }
    tokio::time::timeout(Duration::from_secs(30), ch.wait_for_confirms())
        .await
        .expect("confirms within 30 s")
        .expect("confirms");
}

/// A new channel with `prefetch` and a consumer on `queue` (manual acks).
pub async fn subscribe(
    conn: &Connection,
    queue: &str,
    prefetch: u16,
) -> (Channel, lapin::Consumer) {
    let ch = conn.create_channel().await.expect("channel");
    ch.basic_qos(prefetch, BasicQosOptions::default())
        .await
        .expect("qos");
    let consumer = ch
        .basic_consume(
            queue.into(),
            "".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .expect("consume");
    (ch, consumer)
}

/// Messages waiting in `queue`, read with a passive declare on a channel of its own.
pub async fn queue_depth(conn: &Connection, queue: &str) -> u32 {
    let ch = conn.create_channel().await.expect("channel");
    let q = ch
        .queue_declare(
            queue.into(),
            QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .expect("queue exists");
    let _ = ch.close(200, "probe".into()).await;
    q.message_count()
}

/// Consumes (and acks) from `queue` until `n` messages arrived or `within` passed.
pub async fn collect(conn: &Connection, queue: &str, n: usize, within: Duration) -> Vec<Delivery> {
    let (ch, mut consumer) = subscribe(conn, queue, 500).await;
    let mut got = Vec::new();
    let deadline = tokio::time::Instant::now() + within;
    while got.len() < n {
        match tokio::time::timeout_at(deadline, consumer.next()).await {
            Ok(Some(Ok(d))) => {
                d.ack(BasicAckOptions::default()).await.expect("ack");
                got.push(d);
            }
            _ => break,
        }
    }
    let _ = ch.close(200, "collected".into()).await;
    got
}

/// A small, valid article.
pub fn article(id: &str, body: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "id": id,
        "title": format!("Report {id}"),
        "body": body,
        "published_at": "2025-11-20T09:00:00Z",
        "source": "Test Wire",
    }))
    .expect("serialisable")
}

/// A news-like body that varies with `n`, so records differ.
pub fn body(n: usize) -> String {
    format!(
        "Officials in Lisbon said on Tuesday that the harbour project would employ {} workers. \
         \"We expect the first ships in spring,\" said port director Ana Costa.\n\
         The European Commission approved 40 million euros for the work in article {n}.",
        100 + n
    )
}

/// The record JSON Schema from the repository.
pub fn record_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/record.schema.json"
    ))
    .expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// The value of a string header of a delivery.
pub fn header(d: &Delivery, name: &str) -> Option<String> {
    news_enricher::broker::publish::header_str(d.properties.headers().as_ref(), name)
}

/// An in-process service on its own task, stopped through its shutdown signal.
pub struct Running {
    pub stop: watch::Sender<bool>,
    pub task: tokio::task::JoinHandle<()>,
    pub http: std::net::SocketAddr,
    pub metrics: Arc<news_enricher::telemetry::Metrics>,
}

impl Running {
    pub async fn start(settings: Settings, engine: Option<Engine>) -> Running {
        let service = match engine {
            Some(e) => Service::build_with_engine(settings, e).await,
            None => Service::build(settings).await,
        }
        .expect("service builds");
        let http = service.http_addr().expect("bound");
        let metrics = service.metrics();
        let (stop, rx) = watch::channel(false);
        let task = tokio::spawn(service.run(rx));
        Running {
            stop,
            task,
            http,
            metrics,
        }
    }

    pub async fn stop(self) {
        let _ = self.stop.send(true);
        tokio::time::timeout(Duration::from_secs(40), self.task)
            .await
            .expect("service stops within its shutdown timeout")
            .expect("service task did not panic");
    }
}

/// A plain HTTP/1.1 GET; returns status and body.
pub async fn http_get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    let mut s = tokio::time::timeout(Duration::from_secs(5), tokio::net::TcpStream::connect(addr))
        .await
        .expect("connect in time")
        .expect("connect");
    let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = String::new();
    tokio::time::timeout(Duration::from_secs(5), s.read_to_string(&mut buf))
        .await
        .expect("read in time")
        .expect("read");
    let status = buf
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = buf.split("\r\n\r\n").nth(1).unwrap_or("").to_string();
    (status, body)
}

/// Waits (at most 20 s) until `/readyz` answers 200.
pub async fn wait_ready(addr: std::net::SocketAddr) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while tokio::time::Instant::now() < deadline {
        if http_get(addr, "/readyz").await.0 == 200 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("/readyz never became 200");
}
