//! Fault campaign: the real worker binary on a private RabbitMQ node, fed valid articles and
//! every kind of bad message, while the node is stopped and restarted three times and the
//! worker is SIGKILLed and restarted three times. At the end every valid article has a record
//! (at-least-once: duplicates allowed, counted and printed), every bad message sits in the
//! dead-letter queue under the right `x-error-kind`, and nothing else is anywhere.
//!
//! Sizes: `FAULT_CAMPAIGN_VALID` (default 300) and `FAULT_CAMPAIGN_BAD` (default 40, about
//! 2.5 minutes in debug on a loaded 2-core machine, most of it node restarts);
//! `scripts/fault-campaign.sh` runs the full 10,000 + 500 campaign.

mod common;

use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::broker_node::BrokerNode;
use common::{
    TestTopology, article, body, confirm_channel, connect, header, queue_depth, subscribe,
};
use futures_lite::StreamExt;
use lapin::options::{BasicAckOptions, BasicPublishOptions};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Connection};

/// Small enough that a `too_large` message costs little, large enough for every valid one.
const MAX_ARTICLE_BYTES: usize = 16 * 1024;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One message to publish: its body, and for a bad one the tag and kind it must come back with.
struct Message {
    body: Vec<u8>,
    bad: Option<(String, &'static str)>,
}

/// Bad message `i`: cycles through every validation kind the worker dead-letters with.
fn bad_message(i: usize) -> Message {
    let tag = format!("bad-{i}");
    let (body, kind): (Vec<u8>, &'static str) = match i % 8 {
        0 => {
            let mut b = format!(r#"{{"id": "{tag}", "body": ""#).into_bytes();
            b.resize(MAX_ARTICLE_BYTES + 1 + i, b'x');
            b.extend_from_slice(b"\"}");
            (b, "too_large")
        }
        1 => (
            [
                format!(r#"{{"id": "{tag}", "body": ""#).as_bytes(),
                b"\xff\xfe",
                b"\"}",
            ]
            .concat(),
            "invalid_utf8",
        ),
        2 => (
            format!(r#"{{"id": "{tag}", "body": "#).into_bytes(),
            "invalid_json",
        ),
        3 => (format!(r#"["{tag}"]"#).into_bytes(), "not_object"),
        4 => (
            format!(r#"{{"body": "no id {tag}"}}"#).into_bytes(),
            "schema",
        ),
        5 => (
            format!(r#"{{"id": "{tag}", "body": 7}}"#).into_bytes(),
            "schema",
        ),
        6 => (
            format!(r#"{{"id": "{tag}", "body": "x", "published_at": "someday"}}"#).into_bytes(),
            "schema",
        ),
        _ => (
            format!(r#"{{"id": "{tag}", "body": "   "}}"#).into_bytes(),
            "schema",
        ),
    };
    Message {
        body,
        bad: Some((tag, kind)),
    }
}

/// Valid and bad messages interleaved evenly, so bad ones arrive throughout the faults.
fn messages(valid: usize, bad: usize) -> Vec<Message> {
    let total = valid + bad;
    let mut out = Vec::with_capacity(total);
    let (mut v, mut b) = (0, 0);
    for k in 0..total {
        // Place bad message b at the k where its even share comes due.
        if b < bad && (b * total) / bad.max(1) <= k {
            out.push(bad_message(b));
            b += 1;
        } else if v < valid {
            out.push(Message {
                body: article(&format!("v-{v}"), &body(v)),
                bad: None,
            });
            v += 1;
        } else {
            out.push(bad_message(b));
            b += 1;
        }
    }
    out
}

/// Publishes with confirms, tagging bad messages with headers the dead-letter copy keeps.
async fn publish(conn: &Connection, exchange: &str, batch: &[Message]) {
    let ch = confirm_channel(conn).await;
    for m in batch {
        let mut props = BasicProperties::default().with_delivery_mode(2);
        if let Some((tag, kind)) = &m.bad {
            props = props.with_headers(news_enricher::broker::publish::string_headers(
                FieldTable::default(),
                &[("x-test-tag", tag), ("x-test-kind", kind)],
            ));
        }
        drop(
            ch.basic_publish(
                exchange.into(),
                "article".into(),
                BasicPublishOptions::default(),
                &m.body,
                props,
            )
            .await
            .expect("publish"),
        );
    }
    tokio::time::timeout(Duration::from_secs(60), ch.wait_for_confirms())
        .await
        .expect("confirms within 60 s")
        .expect("confirms");
    let _ = ch.close(200, "published".into()).await;
}

fn spawn_worker(topo: &TestTopology, log: &std::path::Path) -> Child {
    let log = std::fs::File::create(log).expect("log file");
    Command::new(env!("CARGO_BIN_EXE_news-enricher"))
        .arg("run")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("APP_ENV")
        .envs(topo.env())
        .env("ENRICHER__AMQP__PREFETCH", "32")
        .env("ENRICHER__WORKER__EXTRACT_THREADS", "2")
        .env(
            "ENRICHER__WORKER__MAX_ARTICLE_BYTES",
            MAX_ARTICLE_BYTES.to_string(),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .expect("worker starts")
}

/// Messages waiting in `queue` (a fresh connection: the node may have restarted since).
async fn depth(url: &str, queue: &str) -> u32 {
    let conn = connect(url).await.expect("broker");
    let n = queue_depth(&conn, queue).await;
    let _ = conn.close(200, "probe".into()).await;
    n
}

/// Waits until the worker has taken at least `n` more messages off the input queue, so the
/// next fault lands mid-stream with deliveries in flight.
async fn wait_progress(url: &str, queue: &str, n: u32) {
    let start = depth(url, queue).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(300);
    loop {
        let now = depth(url, queue).await;
        if now == 0 || start.saturating_sub(now) >= n {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the worker made no progress ({now} queued)"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Consumes and acks everything from `queue` until it has been quiet for `quiet`.
async fn drain(conn: &Connection, queue: &str, quiet: Duration) -> Vec<lapin::message::Delivery> {
    let (ch, mut consumer) = subscribe(conn, queue, 1000).await;
    let mut got = Vec::new();
    while let Ok(Some(Ok(d))) = tokio::time::timeout(quiet, consumer.next()).await {
        d.ack(BasicAckOptions::default()).await.expect("ack");
        got.push(d);
    }
    let _ = ch.close(200, "drained".into()).await;
    got
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_lost_through_broker_restarts_and_worker_kills() {
    if let Some(why) = BrokerNode::unavailable() {
        eprintln!("skipping the fault campaign: {why}");
        return;
    }
    let valid = env_usize("FAULT_CAMPAIGN_VALID", 300);
    let bad = env_usize("FAULT_CAMPAIGN_BAD", 40);
    let started = Instant::now();
    let broker = Arc::new(BrokerNode::new());
    broker.start().await;
    let topo = TestTopology::with_url("campaign", &broker.url());
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let conn = connect(&topo.url).await.expect("private broker");
        let ch = conn.create_channel().await.expect("channel");
        news_enricher::broker::topology::declare(&ch, &topo.settings(&[]).topology)
            .await
            .expect("declare");
        let _ = conn.close(200, "declared".into()).await;
    }

    let all = messages(valid, bad);
    let expected_bad: HashMap<String, &'static str> =
        all.iter().filter_map(|m| m.bad.clone()).collect();
    // Seven slices: one before each of the six faults and one after the last, so every fault
    // has fresh messages queued behind the ones in flight.
    let slices: Vec<&[Message]> = all.chunks(all.len().div_ceil(7).max(1)).collect();
    let mut worker = spawn_worker(&topo, &dir.path().join("worker-0.log"));
    let mut kills = 0;
    let mut restarts = 0;
    for (i, slice) in slices.iter().enumerate() {
        let conn = connect(&topo.url).await.expect("broker up");
        publish(&conn, &topo.input_exchange, slice).await;
        let _ = conn.close(200, "slice".into()).await;
        if i == slices.len() - 1 {
            break;
        }
        wait_progress(
            &topo.url,
            &topo.input_queue,
            (slice.len() / 3).max(1) as u32,
        )
        .await;
        if i % 2 == 0 {
            let stopping = broker.clone();
            tokio::task::spawn_blocking(move || stopping.stop())
                .await
                .expect("stop runs");
            tokio::time::sleep(Duration::from_secs(2)).await;
            broker.start().await;
            restarts += 1;
        } else {
            worker.kill().expect("SIGKILL");
            let _ = worker.wait();
            kills += 1;
            worker = spawn_worker(&topo, &dir.path().join(format!("worker-{kills}.log")));
        }
        eprintln!(
            "fault {} done at {:.1}s ({restarts} broker restarts, {kills} worker kills)",
            i + 1,
            started.elapsed().as_secs_f64()
        );
    }
    assert_eq!((restarts, kills), (3, 3), "too few messages for six faults");

    // Wait for the worker to finish the backlog, then stop it and read every queue.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(1800);
    while depth(&topo.url, &topo.input_queue).await > 0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "input never drained"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let _ = Command::new("kill")
        .args(["-TERM", &worker.id().to_string()])
        .status();
    let exit = tokio::task::spawn_blocking(move || worker.wait())
        .await
        .expect("wait runs")
        .expect("worker exits");
    let processing_done = started.elapsed();

    let conn = connect(&topo.url).await.expect("broker");
    let records = drain(&conn, &topo.all_queue, Duration::from_secs(3)).await;
    let dead = drain(&conn, &topo.dead_queue, Duration::from_secs(3)).await;
    let left = depth(&topo.url, &topo.input_queue).await;

    let mut record_ids: HashSet<String> = HashSet::new();
    let mut article_ids: HashSet<String> = HashSet::new();
    for d in &records {
        let v: serde_json::Value = serde_json::from_slice(&d.data).expect("record is JSON");
        record_ids.insert(v["record_id"].as_str().expect("record_id").to_string());
        article_ids.insert(v["id"].as_str().expect("id").to_string());
    }
    let mut dead_tags: HashSet<String> = HashSet::new();
    let mut wrong_kind = Vec::new();
    let mut stray_dead = Vec::new();
    for d in &dead {
        match header(d, "x-test-tag") {
            Some(tag) => {
                let got = header(d, "x-error-kind").unwrap_or_default();
                if expected_bad.get(&tag).copied() != Some(got.as_str()) {
                    wrong_kind.push(format!("{tag}: {got}"));
                }
                dead_tags.insert(tag);
            }
            None => stray_dead.push(format!(
                "{:?}: {}",
                header(d, "x-error-kind"),
                String::from_utf8_lossy(&d.data)
                    .chars()
                    .take(120)
                    .collect::<String>()
            )),
        }
    }
    let duplicate_records = records.len() - record_ids.len();
    let duplicate_dead = dead.len() - dead_tags.len();
    eprintln!(
        "fault campaign: {valid} valid + {bad} bad, {restarts} broker restarts, {kills} worker \
         kills; processed in {:.1}s; {} records ({} unique, {duplicate_records} duplicates), \
         {} dead letters ({} unique, {duplicate_dead} duplicates); worker exit {exit:?}",
        processing_done.as_secs_f64(),
        records.len(),
        record_ids.len(),
        dead.len(),
        dead_tags.len(),
    );

    assert_eq!(left, 0, "messages left on the input queue");
    let missing: Vec<String> = (0..valid)
        .map(|v| format!("v-{v}"))
        .filter(|id| !article_ids.contains(id))
        .take(20)
        .collect();
    assert!(
        missing.is_empty(),
        "valid articles without a record: {missing:?}"
    );
    assert_eq!(article_ids.len(), valid, "records for articles never sent");
    assert_eq!(record_ids.len(), valid, "one record_id per valid article");
    assert!(
        wrong_kind.is_empty(),
        "dead letters under the wrong kind: {wrong_kind:?}"
    );
    assert!(
        stray_dead.is_empty(),
        "valid articles dead-lettered: {stray_dead:?}"
    );
    let missing_dead: Vec<&String> = expected_bad
        .keys()
        .filter(|t| !dead_tags.contains(*t))
        .take(20)
        .collect();
    assert!(
        missing_dead.is_empty(),
        "bad messages not dead-lettered: {missing_dead:?}"
    );
    let _ = conn.close(200, "done".into()).await;
}
