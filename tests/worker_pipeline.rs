//! The worker in-process against a real RabbitMQ: articles in, records out, bad input
//! dead-lettered, redeliveries, unroutable records, a cancelled consumer.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{TestTopology, article, body, collect, confirm_channel, connect, header, publish_raw};
use futures_lite::StreamExt;
use lapin::options::{BasicConsumeOptions, QueueDeleteOptions};
use lapin::types::FieldTable;
use news_enricher::article::Article;
use news_enricher::broker::publish::Publisher;
use news_enricher::extract::{Extractor, record_id};
use news_enricher::service::Service;
use news_enricher::settings::Settings;
use news_enricher::worker::{Engine, Incoming, Outcome, Worker};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::watch;

const WAIT: Duration = Duration::from_secs(60);

struct Running {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
    http: std::net::SocketAddr,
    metrics: Arc<news_enricher::telemetry::Metrics>,
}

impl Running {
    async fn start(settings: Settings, engine: Option<Engine>) -> Running {
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

    async fn stop(self) {
        let _ = self.stop.send(true);
        tokio::time::timeout(Duration::from_secs(40), self.task)
            .await
            .expect("service stops within its shutdown timeout")
            .expect("service task did not panic");
    }
}

async fn http_get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
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

async fn wait_ready(addr: std::net::SocketAddr) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while tokio::time::Instant::now() < deadline {
        if http_get(addr, "/readyz").await.0 == 200 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("/readyz never became 200");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_article_in_yields_one_schema_valid_record_out() {
    let topo = TestTopology::new("pipeline");
    let running = Running::start(topo.settings(&[]), None).await;
    wait_ready(running.http).await;

    let example: serde_json::Value =
        serde_json::from_str(include_str!("../examples/ukraine-peace-talks.json"))
            .expect("example is JSON");
    let mut bodies = vec![serde_json::to_vec(&example).expect("json")];
    let mut ids = vec![example["id"].as_str().expect("id").to_string()];
    for n in 0..40 {
        let id = format!("pipe-{n}");
        bodies.push(article(&id, &body(n)));
        ids.push(id);
    }
    let conn = connect(&topo.url).await.expect("broker");
    publish_raw(&confirm_channel(&conn).await, &topo.input_exchange, &bodies).await;

    let records = collect(&conn, &topo.all_queue, bodies.len(), WAIT).await;
    assert_eq!(records.len(), bodies.len(), "one record per article");
    let schema = common::record_schema();
    let mut seen = Vec::new();
    for d in &records {
        let record: serde_json::Value = serde_json::from_slice(&d.data).expect("record is JSON");
        let errors: Vec<String> = schema.iter_errors(&record).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "record violates the schema: {errors:?}");
        let id = record["id"].as_str().expect("id").to_string();
        assert_eq!(header(d, "x-article-id").as_deref(), Some(id.as_str()));
        assert_eq!(
            d.properties.message_id().as_ref().map(|m| m.to_string()),
            record["record_id"].as_str().map(str::to_string),
            "message_id is the record_id, so brokers and consumers can deduplicate"
        );
        assert_eq!(
            d.properties.content_type().as_ref().map(|c| c.to_string()),
            Some("application/json".to_string())
        );
        assert_eq!(d.properties.delivery_mode(), &Some(2), "persistent");
        assert_eq!(d.routing_key.as_str(), "enriched.en");
        seen.push(id);
    }
    seen.sort();
    ids.sort();
    assert_eq!(seen, ids);

    let (status, metrics) = http_get(running.http, "/metrics").await;
    assert_eq!(status, 200);
    assert!(
        metrics.contains(&format!(
            "enricher_records_published_total {}",
            bodies.len()
        )),
        "{metrics}"
    );
    assert_eq!(http_get(running.http, "/healthz").await.0, 200);
    running.stop().await;
    let _ = conn.close(200, "done".into()).await;
    topo.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_messages_are_dead_lettered_with_their_reason_and_good_ones_still_flow() {
    let topo = TestTopology::new("bad");
    let real = Engine::extractor(Arc::new(Extractor::load().expect("extractor")));
    // The real extractor, except that it panics on one article: proves a panic is contained.
    let engine = Engine::custom(
        "test-panicky",
        Arc::new(move |a: &Article| {
            assert!(a.id != "boom", "extractor bug triggered by article boom");
            real.render(a)
        }),
    );
    let running = Running::start(
        topo.settings(&[("ENRICHER__WORKER__MAX_ARTICLE_BYTES", "2000")]),
        Some(engine),
    )
    .await;
    wait_ready(running.http).await;

    let too_large = article("big", &"word ".repeat(600));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("invalid_json", b"{\"id\": \"x\", \"body\": ".to_vec()),
        (
            "invalid_utf8",
            b"{\"id\": \"x\", \"body\": \"\xff\xfe\"}".to_vec(),
        ),
        ("not_object", b"[1, 2, 3]".to_vec()),
        ("schema", br#"{"body": "no id here"}"#.to_vec()),
        ("schema", br#"{"id": "", "body": "empty id"}"#.to_vec()),
        (
            "schema",
            br#"{"id": 42, "body": "id is a number"}"#.to_vec(),
        ),
        (
            "schema",
            br#"{"id": "nobody", "title": "only a title"}"#.to_vec(),
        ),
        (
            "schema",
            br#"{"id": "wrongtype", "body": ["a", "list"]}"#.to_vec(),
        ),
        ("too_large", too_large),
        (
            "extractor_panic",
            article("boom", "This article makes the extractor panic."),
        ),
    ];
    let mut bodies: Vec<Vec<u8>> = cases.iter().map(|(_, b)| b.clone()).collect();
    bodies.push(article(
        "good-after",
        "Good news arrived in Oslo on Monday.",
    ));
    let conn = connect(&topo.url).await.expect("broker");
    publish_raw(&confirm_channel(&conn).await, &topo.input_exchange, &bodies).await;

    let dead = collect(&conn, &topo.dead_queue, cases.len(), WAIT).await;
    assert_eq!(
        dead.len(),
        cases.len(),
        "every bad message is dead-lettered"
    );
    for (kind, original) in &cases {
        let copy = dead
            .iter()
            .find(|d| &d.data == original)
            .unwrap_or_else(|| panic!("no byte-exact dead-letter copy for a {kind} case"));
        assert_eq!(header(copy, "x-error-kind").as_deref(), Some(*kind));
        assert!(header(copy, "x-error").is_some_and(|e| !e.is_empty()));
        assert_eq!(
            header(copy, "x-original-routing-key").as_deref(),
            Some("article")
        );
    }
    let good = collect(&conn, &topo.all_queue, 1, WAIT).await;
    assert_eq!(
        good.len(),
        1,
        "the good message after the bad ones is processed"
    );
    assert_eq!(running.metrics.dead_lettered_count(), cases.len() as u64);
    running.stop().await;
    let _ = conn.close(200, "done".into()).await;
    topo.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redelivered_article_yields_the_same_record_id() {
    let topo = TestTopology::new("redeliver");
    let settings = topo.settings(&[]);
    let conn = connect(&topo.url).await.expect("broker");
    let declare_ch = conn.create_channel().await.expect("channel");
    news_enricher::broker::topology::declare(&declare_ch, &settings.topology)
        .await
        .expect("declare");
    let bytes = article("again", &body(7));
    publish_raw(
        &confirm_channel(&conn).await,
        &topo.input_exchange,
        std::slice::from_ref(&bytes),
    )
    .await;

    // A consumer takes the article and dies before acking: the broker redelivers it.
    let greedy = connect(&topo.url).await.expect("broker");
    let ch = greedy.create_channel().await.expect("channel");
    let mut consumer = ch
        .basic_consume(
            topo.input_queue.as_str().into(),
            "".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .expect("consume");
    let first = tokio::time::timeout(WAIT, consumer.next())
        .await
        .expect("delivered in time");
    assert!(matches!(first, Some(Ok(_))));
    greedy.close(200, "crash".into()).await.expect("close");

    let running = Running::start(settings, None).await;
    let records = collect(&conn, &topo.all_queue, 1, WAIT).await;
    assert_eq!(records.len(), 1);
    let record: serde_json::Value = serde_json::from_slice(&records[0].data).expect("json");
    let expected = record_id(&Article::from_slice(&bytes, usize::MAX).expect("valid"));
    assert_eq!(record["record_id"].as_str(), Some(expected.as_str()));

    // Through the unit of work directly: the same message twice gives the same id.
    let publisher = Publisher::new(conn.create_channel().await.expect("channel"))
        .await
        .expect("confirm mode");
    let worker = Worker::new(
        Engine::extractor(Arc::new(Extractor::load().expect("extractor"))),
        1,
        topo.settings(&[]).topology.clone(),
        topo.settings(&[]).worker.clone(),
        Arc::new(news_enricher::telemetry::Metrics::new()),
    );
    let msg = Incoming {
        body: &bytes,
        exchange: &topo.input_exchange,
        routing_key: "article",
        headers: None,
    };
    let ids: Vec<String> = [
        worker.process(&publisher, msg).await,
        worker.process(&publisher, msg).await,
    ]
    .into_iter()
    .map(|o| match o {
        Outcome::Published { record_id, .. } => record_id,
        other => panic!("expected a published record, got {other:?}"),
    })
    .collect();
    assert_eq!(ids[0], expected);
    assert_eq!(ids[1], expected);
    running.stop().await;
    let _ = conn.close(200, "done".into()).await;
    topo.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unroutable_record_is_counted_and_never_acked_away() {
    let topo = TestTopology::new("unroutable");
    // No keep-all queue and nobody bound to the output exchange: every record is returned.
    let settings = topo.settings(&[
        ("ENRICHER__TOPOLOGY__KEEP_ALL", "false"),
        ("ENRICHER__TOPOLOGY__DELIVERY_LIMIT", "2"),
    ]);
    let running = Running::start(settings, None).await;
    wait_ready(running.http).await;
    let conn = connect(&topo.url).await.expect("broker");
    let bytes = article("lost-cause", &body(1));
    publish_raw(
        &confirm_channel(&conn).await,
        &topo.input_exchange,
        std::slice::from_ref(&bytes),
    )
    .await;

    // The worker nacks it back each time; past the delivery limit the broker dead-letters
    // it, so the article is still somewhere a human can find it.
    let dead = collect(&conn, &topo.dead_queue, 1, WAIT).await;
    assert_eq!(
        dead.len(),
        1,
        "the article ends in the dead-letter queue, not lost"
    );
    assert_eq!(dead[0].data, bytes);
    let (_, metrics) = http_get(running.http, "/metrics").await;
    assert!(
        metrics.contains("enricher_publish_failures_total{reason=\"unroutable\"}"),
        "{metrics}"
    );
    assert!(
        !metrics.contains("enricher_records_published_total 1"),
        "{metrics}"
    );
    running.stop().await;
    let _ = conn.close(200, "done".into()).await;
    topo.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consumer_cancelled_by_the_broker_subscribes_again() {
    let topo = TestTopology::new("cancel");
    let running = Running::start(topo.settings(&[]), None).await;
    wait_ready(running.http).await;
    let conn = connect(&topo.url).await.expect("broker");
    // Deleting the queue under the worker makes the broker cancel its consumer.
    let ch = conn.create_channel().await.expect("channel");
    ch.queue_delete(
        topo.input_queue.as_str().into(),
        QueueDeleteOptions::default(),
    )
    .await
    .expect("delete");
    // The worker declares the queue again and resubscribes; wait until it exists again.
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let probe = conn.create_channel().await.expect("channel");
        let passive = lapin::options::QueueDeclareOptions {
            passive: true,
            ..Default::default()
        };
        if let Ok(q) = probe
            .queue_declare(
                topo.input_queue.as_str().into(),
                passive,
                FieldTable::default(),
            )
            .await
            && q.consumer_count() > 0
        {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "never resubscribed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    publish_raw(
        &confirm_channel(&conn).await,
        &topo.input_exchange,
        &[article("after-cancel", &body(3))],
    )
    .await;
    let records = collect(&conn, &topo.all_queue, 1, WAIT).await;
    assert_eq!(records.len(), 1, "articles flow again after the cancel");
    running.stop().await;
    let _ = conn.close(200, "done".into()).await;
    topo.cleanup().await;
}
