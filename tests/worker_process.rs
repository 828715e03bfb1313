//! The real binary as a process against a real RabbitMQ: killed with SIGKILL mid-stream and
//! restarted (nothing lost), and stopped with SIGTERM while articles are in flight (finished,
//! acked, exit 0).

mod common;

use std::collections::HashSet;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{
    TestTopology, article, body, collect, confirm_channel, connect, publish_raw, queue_depth,
};

fn spawn_worker(topo: &TestTopology, log: &std::path::Path) -> Child {
    let log = std::fs::File::create(log).expect("log file");
    let mut c = Command::new(env!("CARGO_BIN_EXE_news-enricher"));
    c.arg("run")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("APP_ENV")
        .envs(topo.env())
        .env("ENRICHER__AMQP__PREFETCH", "16")
        .stdout(Stdio::null())
        .stderr(Stdio::from(log));
    c.spawn().expect("worker starts")
}

fn signal(child: &Child, sig: &str) {
    let status = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

async fn wait_exit(child: &mut Child, within: Duration) -> std::process::ExitStatus {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        if tokio::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("worker did not exit within {within:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn ids_of(deliveries: &[lapin::message::Delivery]) -> Vec<String> {
    deliveries
        .iter()
        .map(|d| {
            serde_json::from_slice::<serde_json::Value>(&d.data).expect("json")["id"]
                .as_str()
                .expect("id")
                .to_string()
        })
        .collect()
}

async fn declare(topo: &TestTopology, conn: &lapin::Connection) {
    let ch = conn.create_channel().await.expect("channel");
    news_enricher::broker::topology::declare(&ch, &topo.settings(&[]).topology)
        .await
        .expect("declare");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_killed_mid_stream_and_restarted_loses_no_article() {
    const N: usize = 300;
    let topo = TestTopology::new("sigkill");
    let dir = tempfile::tempdir().expect("tempdir");
    let conn = connect(&topo.url).await.expect("broker");
    declare(&topo, &conn).await;
    let bodies: Vec<Vec<u8>> = (0..N)
        .map(|n| article(&format!("k-{n}"), &body(n)))
        .collect();
    publish_raw(&confirm_channel(&conn).await, &topo.input_exchange, &bodies).await;

    let mut worker = spawn_worker(&topo, &dir.path().join("first.log"));
    // Let it get part of the way, then pull the plug.
    let mut seen: HashSet<String> = HashSet::new();
    let first = collect(&conn, &topo.all_queue, N / 4, Duration::from_secs(60)).await;
    seen.extend(ids_of(&first));
    worker.kill().expect("SIGKILL");
    let _ = worker.wait();
    assert!(seen.len() < N, "the kill must land mid-stream");

    let mut worker = spawn_worker(&topo, &dir.path().join("second.log"));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    while seen.len() < N && tokio::time::Instant::now() < deadline {
        let more = collect(&conn, &topo.all_queue, N, Duration::from_secs(2)).await;
        seen.extend(ids_of(&more));
    }
    signal(&worker, "-TERM");
    let _ = wait_exit(&mut worker, Duration::from_secs(40)).await;
    let missing: Vec<String> = (0..N)
        .map(|n| format!("k-{n}"))
        .filter(|id| !seen.contains(id))
        .collect();
    assert!(missing.is_empty(), "articles without a record: {missing:?}");
    let _ = conn.close(200, "done".into()).await;
    topo.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_and_acks_what_is_in_flight_then_exits_0() {
    const N: usize = 300;
    let topo = TestTopology::new("sigterm");
    let dir = tempfile::tempdir().expect("tempdir");
    let conn = connect(&topo.url).await.expect("broker");
    declare(&topo, &conn).await;
    let bodies: Vec<Vec<u8>> = (0..N)
        .map(|n| article(&format!("t-{n}"), &body(n)))
        .collect();
    publish_raw(&confirm_channel(&conn).await, &topo.input_exchange, &bodies).await;

    let log = dir.path().join("worker.log");
    let mut worker = spawn_worker(&topo, &log);
    // Wait until records flow, so deliveries are in flight when the signal lands.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while queue_depth(&conn, &topo.all_queue).await < 20 {
        assert!(tokio::time::Instant::now() < deadline, "no records flowed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    signal(&worker, "-TERM");
    let status = wait_exit(&mut worker, Duration::from_secs(40)).await;
    let logs = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(status.code(), Some(0), "clean exit; logs:\n{logs}");
    let in_flight_at_signal = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["message"] == "shutting down: cancelling the consumer")
        .and_then(|v| v["in_flight"].as_u64())
        .unwrap_or_else(|| panic!("no shutdown log line:\n{logs}"));
    assert!(
        in_flight_at_signal > 0,
        "the signal must land while deliveries are in flight"
    );

    // Everything processed was acked exactly once: records plus what is still queued add up
    // to what was sent, with no duplicate and no loss.
    let records = queue_depth(&conn, &topo.all_queue).await as usize;
    let left = queue_depth(&conn, &topo.input_queue).await as usize;
    assert!(records < N, "the signal must land mid-stream");
    assert_eq!(
        records + left,
        N,
        "records {records} + queued {left} != sent {N}"
    );
    let got = collect(&conn, &topo.all_queue, records, Duration::from_secs(30)).await;
    let unique: HashSet<String> = ids_of(&got).into_iter().collect();
    assert_eq!(unique.len(), records, "no article was processed twice");
    let _ = conn.close(200, "done".into()).await;
    topo.cleanup().await;
}
