//! `publish` and `tail` as a user runs them, against a real RabbitMQ and the real worker.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestTopology;

fn bin(topo: &TestTopology) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_news-enricher"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("APP_ENV")
        .env_remove("RUST_LOG")
        .envs(topo.env());
    c
}

fn wait_with_timeout(child: &mut Child, within: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            return s;
        }
        if start.elapsed() > within {
            let _ = child.kill();
            panic!("process did not finish within {within:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn published_articles_come_out_of_tail_as_records() {
    let topo = TestTopology::new("cli");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mixed.jsonl");

    let mut tail = bin(&topo)
        .args(["tail", "--count", "3", "--timeout", "90", "--latency"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tail starts");
    // Wait until tail says it is bound, so no record can pass before it listens.
    let mut tail_err = BufReader::new(tail.stderr.take().expect("stderr"));
    let mut line = String::new();
    let started = Instant::now();
    while !line.contains("tailing records") {
        line.clear();
        assert!(
            tail_err.read_line(&mut line).expect("read") > 0,
            "tail exited early"
        );
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "tail never bound"
        );
    }

    let publish = bin(&topo)
        .args(["publish", fixture])
        .output()
        .expect("publish runs");
    assert!(publish.status.success());
    let progress = String::from_utf8_lossy(&publish.stderr);
    assert!(
        progress.contains("5 messages published and confirmed"),
        "{progress}"
    );

    let mut worker = bin(&topo)
        .arg("run")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("worker starts");
    let tail_status = wait_with_timeout(&mut tail, Duration::from_secs(100));
    let _ = Command::new("kill")
        .args(["-TERM", &worker.id().to_string()])
        .status();
    let worker_status = wait_with_timeout(&mut worker, Duration::from_secs(40));
    assert!(tail_status.success());
    assert!(worker_status.success());

    let mut out = String::new();
    std::io::Read::read_to_string(&mut tail.stdout.take().expect("stdout"), &mut out)
        .expect("read");
    let mut ids: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("record JSON")["id"]
                .as_str()
                .expect("id")
                .to_string()
        })
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        ["fx-1", "fx-3", "fx-5"],
        "the three valid fixture articles"
    );

    // Records inherit the x-published-at stamp of their article, so tail can time each.
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut tail_err, &mut rest).expect("read");
    let summary = rest
        .lines()
        .find(|l| l.starts_with("records "))
        .unwrap_or_else(|| panic!("no latency line in: {rest}"));
    assert!(
        summary.starts_with("records 3 timed 3 latency_ms p50 "),
        "{summary}"
    );
    let p99: f64 = summary
        .split_whitespace()
        .nth(8)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    assert!(p99 > 0.0 && p99 < 100_000.0, "{summary}");

    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(topo.cleanup());
}
