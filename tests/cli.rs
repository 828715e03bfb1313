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
fn an_unusable_tls_file_exits_2_naming_its_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let not_pem = dir.path().join("not-a-cert.pem");
    std::fs::write(&not_pem, "just some text\n").expect("write");
    let garbage = dir.path().join("garbage.pem");
    std::fs::write(
        &garbage,
        "-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n",
    )
    .expect("write");
    let missing = dir.path().join("missing.pem");
    let tls = "amqps://u:p@broker:5671/%2f";
    let s = |p: &std::path::Path| p.display().to_string();
    for (env, key, says) in [
        (
            vec![("ENRICHER__AMQP__TLS_CA_FILE", s(&missing))],
            "amqp.tls_ca_file",
            "cannot read",
        ),
        (
            vec![("ENRICHER__AMQP__TLS_CA_FILE", s(&not_pem))],
            "amqp.tls_ca_file",
            "no PEM certificate",
        ),
        (
            vec![("ENRICHER__AMQP__TLS_CA_FILE", s(&garbage))],
            "amqp.tls_ca_file",
            "not a usable X.509",
        ),
        (
            vec![("ENRICHER__AMQP__TLS_CERT_FILE", s(&garbage))],
            "amqp.tls_key_file",
            "must be set",
        ),
        (
            vec![
                ("ENRICHER__AMQP__TLS_CERT_FILE", s(&garbage)),
                ("ENRICHER__AMQP__TLS_KEY_FILE", s(&not_pem)),
            ],
            "amqp.tls_key_file",
            "no PEM private key",
        ),
    ] {
        let out = bin()
            .env("ENRICHER__AMQP__URL", tls)
            .envs(env.iter().map(|(k, v)| (k, v)))
            .arg("run")
            .output()
            .expect("runs");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{env:?}: {err}");
        assert!(err.contains(key) && err.contains(says), "{env:?}: {err}");
    }
    // TLS files with a plain amqp:// URL: a mistake, not silently ignored.
    let out = bin()
        .env("ENRICHER__AMQP__TLS_CA_FILE", s(&garbage))
        .arg("config")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("amqp.tls_ca_file"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn extract_applies_the_configured_caps_and_says_what_it_cut() {
    let body: String = (0..5)
        .map(|n| format!("“Point {n} stands,” the spokesman said. "))
        .collect();
    let article = serde_json::json!({"id": "caps", "body": body}).to_string();
    let mut child = bin()
        .env("ENRICHER__EXTRACT__MAX_QUOTES", "2")
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(article.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("runs");
    assert!(out.status.success());
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a record");
    assert_eq!(record["quotes"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        record["truncated"]["quotes"],
        serde_json::json!({"kept": 2, "total": 5})
    );
    let zero = bin()
        .env("ENRICHER__EXTRACT__MAX_QUOTES", "0")
        .args(["extract", "-"])
        .output()
        .expect("runs");
    assert_eq!(zero.status.code(), Some(2));
    assert!(text(&zero.stderr).contains("extract.max_quotes"));
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
    for n in 0..1100 {
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
    assert_eq!(ids.len(), 1100);
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

#[test]
fn logs_are_json_lines_without_the_password_and_sigterm_exits_0_even_while_disconnected() {
    // A port nobody listens on: the worker keeps retrying, logging each attempt.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port");
    let child = bin()
        .arg("run")
        .env(
            "ENRICHER__AMQP__URL",
            format!("amqp://svc:pa55-w0rd@127.0.0.1:{port}/%2f"),
        )
        .env("ENRICHER__HTTP__ADDR", "127.0.0.1:0")
        .env("ENRICHER__LOG__FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    let logs = text(&out.stderr);
    assert!(!logs.contains("pa55-w0rd"), "{logs}");
    assert!(logs.contains("svc:***@"), "{logs}");
    assert!(logs.lines().count() >= 2, "{logs}");
    for line in logs.lines() {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(v["level"].is_string() && v["message"].is_string(), "{line}");
    }
}
