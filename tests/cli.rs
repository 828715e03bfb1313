//! The binary as a user runs it: settings errors, `config`, `--help`, offline `extract`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_news-enricher"));
    // A clean slate: no config dir and no overrides from the developer's shell.
    let dir = std::env::temp_dir();
    c.current_dir(dir)
        .env_remove("APP_ENV")
        .env_remove("RUST_LOG");
    for (k, _) in std::env::vars() {
        if k.starts_with("ENRICHER") {
            c.env_remove(k);
        }
    }
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn an_invalid_setting_exits_2_naming_the_key() {
    for (var, value, key) in [
        ("ENRICHER__AMQP__PREFETCH", "0", "amqp.prefetch"),
        ("ENRICHER__AMQP__PREFETCH", "many", "amqp.prefetch"),
        ("ENRICHER__HTTP__ADDR", "nowhere", "http.addr"),
        (
            "ENRICHER__WORKER__PASSTHROUGH",
            "perhaps",
            "worker.passthrough",
        ),
        ("ENRICHER__AMQP__URL", "postgres://x", "amqp.url"),
    ] {
        let out = bin().env(var, value).arg("run").output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{var}={value}");
        let err = text(&out.stderr);
        assert!(err.contains(key), "{var}={value}: {err}");
    }
}

#[test]
fn a_broken_config_file_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("default.toml"),
        "[amqp]\nprefetch = \"x\"\n",
    )
    .expect("write");
    let out = bin()
        .arg("--config-dir")
        .arg(dir.path())
        .arg("config")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("amqp.prefetch"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn config_shows_effective_settings_with_the_password_redacted() {
    let out = bin()
        .env(
            "ENRICHER__AMQP__URL",
            "amqp://svc:s3cr3t-pw@mq.internal:5672/%2f",
        )
        .env("ENRICHER__AMQP__PREFETCH", "9")
        .arg("config")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let shown = text(&out.stdout);
    assert!(!shown.contains("s3cr3t-pw"), "{shown}");
    assert!(
        shown.contains("amqp://svc:***@mq.internal:5672/%2f"),
        "{shown}"
    );
    assert!(shown.contains("prefetch = 9"), "{shown}");
    assert!(shown.contains("input_queue = \"articles.in\""), "{shown}");
}

#[test]
fn config_runs_without_any_config_dir() {
    let empty = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .current_dir(empty.path())
        .arg("config")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("amqp://guest:***@127.0.0.1:5672/%2f"));
}

#[test]
fn every_command_explains_itself_with_help() {
    for cmd in ["run", "extract", "publish", "tail", "config"] {
        let out = bin().args([cmd, "--help"]).output().expect("runs");
        assert!(out.status.success(), "{cmd} --help");
        let help = text(&out.stdout);
        assert!(help.contains("Usage:"), "{cmd}: {help}");
        assert!(help.lines().count() > 4, "{cmd} --help says little: {help}");
    }
    let out = bin().arg("--help").output().expect("runs");
    assert!(text(&out.stdout).contains("ENRICHER__"));
}

#[test]
fn extract_reads_a_pretty_printed_article_file() {
    let out = bin()
        .arg("extract")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/ukraine-peace-talks.json"
        ))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one record for one article");
    let record: serde_json::Value = serde_json::from_str(lines[0]).expect("record is JSON");
    assert_eq!(record["id"], "seed-0001");
    assert_eq!(record["language"]["code"], "en");
}

#[test]
fn extract_keeps_order_reports_bad_lines_and_goes_on() {
    let input = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mixed.jsonl"
    ))
    .expect("fixture");
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&input)
        .expect("write");
    let out: Output = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "bad lines are not a failure");
    let ids: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .expect("id")
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["fx-1", "fx-3", "fx-5"]);
    let err = text(&out.stderr);
    assert!(err.contains("line 2:"), "{err}");
    assert!(err.contains("line 4:"), "{err}");
}

#[test]
fn extract_preserves_order_across_parallel_chunks() {
    let mut input = String::new();
    for n in 0..1500 {
        input.push_str(&format!(
            "{{\"id\": \"order-{n}\", \"body\": \"Item {n} was reported in Vienna on Monday.\"}}\n"
        ));
    }
    let mut child = bin()
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer").expect("write");
    assert!(out.status.success());
    let ids: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 1500);
    for (n, id) in ids.iter().enumerate() {
        assert_eq!(id, &format!("\"order-{n}\""));
    }
}

#[test]
fn extract_of_a_missing_file_fails() {
    let out = bin()
        .args(["extract", "/nonexistent/articles.jsonl"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("/nonexistent/articles.jsonl"));
}
