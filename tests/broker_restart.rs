//! A broker restart while 2,000 articles flow: the worker notices, readiness drops, it
//! reconnects with backoff, redeclares, resumes, and every article gets its record.
//! Runs on a private RabbitMQ node so the shared broker is never touched.

mod common;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use common::broker_node::BrokerNode;
use common::{
    Running, TestTopology, article, collect, confirm_channel, connect, http_get, publish_raw,
};
use news_enricher::article::Article;
use news_enricher::worker::Engine;

const N: usize = 2000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broker_restart_mid_stream_loses_no_article() {
    if let Some(why) = BrokerNode::unavailable() {
        eprintln!("skipping the broker-restart test: {why}");
        return;
    }
    let broker = BrokerNode::new();
    broker.start().await;
    let topo = TestTopology::with_url("restart", &broker.url());

    let conn = connect(&topo.url).await.expect("private broker");
    let ch = conn.create_channel().await.expect("channel");
    news_enricher::broker::topology::declare(&ch, &topo.settings(&[]).topology)
        .await
        .expect("declare");
    let bodies: Vec<Vec<u8>> = (0..N)
        .map(|n| article(&format!("r-{n}"), &format!("Dispatch {n} from Lisbon.")))
        .collect();
    publish_raw(&confirm_channel(&conn).await, &topo.input_exchange, &bodies).await;
    let _ = conn.close(200, "published".into()).await;

    // This test is about delivery, not extraction: a pass-through engine with a fixed cost
    // per article keeps the stream long enough for the restart to land mid-way on any
    // machine, whatever the real model costs.
    let passthrough = Engine::passthrough();
    let engine = Engine::custom(
        "test-paced",
        Arc::new(move |a: &Article| {
            std::thread::sleep(Duration::from_millis(4));
            passthrough.render(a)
        }),
    );
    let running = Running::start(
        topo.settings(&[
            ("ENRICHER__WORKER__EXTRACT_THREADS", "2"),
            ("ENRICHER__AMQP__PREFETCH", "20"),
        ]),
        Some(engine),
    )
    .await;

    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while running.metrics.published_count() < (N / 5) as u64 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "records never flowed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let stopped_at = running.metrics.published_count();
    // `rabbitmqctl stop` blocks until the node is down; keep it off the reactor.
    let broker = Arc::new(broker);
    let stopping = broker.clone();
    tokio::task::spawn_blocking(move || stopping.stop())
        .await
        .expect("stop runs");
    assert!(stopped_at < N as u64, "the restart must land mid-stream");

    // Readiness follows the broker.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while http_get(running.http, "/readyz").await.0 != 503 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "/readyz stayed 200 without a broker"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    broker.start().await;
    let conn = connect(&topo.url).await.expect("private broker again");
    let mut seen: HashSet<String> = HashSet::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(180);
    while seen.len() < N && tokio::time::Instant::now() < deadline {
        for d in collect(&conn, &topo.all_queue, N, Duration::from_secs(3)).await {
            let v: serde_json::Value = serde_json::from_slice(&d.data).expect("json");
            seen.insert(v["id"].as_str().expect("id").to_string());
        }
    }
    let missing = (0..N).filter(|n| !seen.contains(&format!("r-{n}"))).count();
    assert_eq!(
        missing, 0,
        "{missing} articles have no record after the restart"
    );
    let (_, metrics) = http_get(running.http, "/metrics").await;
    assert!(
        metrics.contains("enricher_reconnects_total 1")
            || metrics.contains("enricher_reconnects_total 2"),
        "{metrics}"
    );
    assert_eq!(http_get(running.http, "/readyz").await.0, 200);
    running.stop().await;
    let _ = conn.close(200, "done".into()).await;
}
