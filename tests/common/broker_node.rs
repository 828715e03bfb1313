//! A private RabbitMQ node for fault tests: its own node name, ports, data and log dirs,
//! config and plugins file, all in a temp dir owned by the `rabbitmq` user, so stopping and
//! starting it never disturbs the shared broker on 5672.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const SERVER: &str = "/usr/lib/rabbitmq/bin/rabbitmq-server";
const CTL: &str = "/usr/lib/rabbitmq/bin/rabbitmqctl";

/// A RabbitMQ node started for one test and stopped when dropped.
pub struct BrokerNode {
    dir: tempfile::TempDir,
    node: String,
    port: u16,
    dist_port: u16,
    /// The AMQPS listener's port, for a node built by [`BrokerNode::with_tls`].
    tls_port: Option<u16>,
}

/// PEM files for a node's TLS listener: the CA it trusts for client certificates, its
/// certificate and its key.
pub struct TlsFiles<'a> {
    pub ca: &'a str,
    pub cert: &'a str,
    pub key: &'a str,
}

impl BrokerNode {
    /// Why a private node cannot be started here, if it cannot (no RabbitMQ installed, or not
    /// root, which `runuser` needs).
    pub fn unavailable() -> Option<String> {
        if !Path::new(SERVER).exists() {
            return Some(format!("{SERVER} not found"));
        }
        let uid = Command::new("id").arg("-u").output().ok()?;
        if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
            return Some("not root: cannot run a node as the rabbitmq user".into());
        }
        None
    }

    /// Prepares (does not start) a node on two free loopback ports.
    pub fn new() -> BrokerNode {
        Self::build(None)
    }

    /// As [`BrokerNode::new`], plus an AMQPS listener on a third port serving `tls.cert`;
    /// client certificates are asked for but not required.
    pub fn with_tls(tls: &TlsFiles<'_>) -> BrokerNode {
        Self::build(Some(tls))
    }

    fn build(tls: Option<&TlsFiles<'_>>) -> BrokerNode {
        let dir = tempfile::Builder::new()
            .prefix("enricher-rmq-")
            .tempdir()
            .expect("tempdir");
        let port = free_port();
        let dist_port = free_port();
        let node = format!("enricher-test-{}-{port}@localhost", std::process::id());
        let p = dir.path();
        std::fs::create_dir_all(p.join("mnesia")).expect("mkdir");
        std::fs::create_dir_all(p.join("log")).expect("mkdir");
        std::fs::write(p.join("enabled_plugins"), "[].\n").expect("write");
        let mut conf = format!("listeners.tcp.local = 127.0.0.1:{port}\nloopback_users = none\n");
        let tls_port = tls.map(|files| {
            let tls_port = free_port();
            for (name, pem) in [
                ("ca.pem", files.ca),
                ("server.pem", files.cert),
                ("server.key", files.key),
            ] {
                std::fs::write(p.join(name), pem).expect("write");
            }
            let f = |x: &str| p.join(x).display().to_string();
            conf.push_str(&format!(
                "listeners.ssl.default = 127.0.0.1:{tls_port}\n\
                 ssl_options.cacertfile = {}\n\
                 ssl_options.certfile = {}\n\
                 ssl_options.keyfile = {}\n\
                 ssl_options.verify = verify_peer\n\
                 ssl_options.fail_if_no_peer_cert = false\n",
                f("ca.pem"),
                f("server.pem"),
                f("server.key")
            ));
            tls_port
        });
        std::fs::write(p.join("rabbitmq.conf"), conf).expect("write");
        std::fs::write(p.join("rabbitmq-env.conf"), "").expect("write");
        let ok = Command::new("chmod")
            .arg("755")
            .arg(p)
            .status()
            .expect("chmod")
            .success()
            && Command::new("chown")
                .args(["-R", "rabbitmq:rabbitmq"])
                .arg(p)
                .status()
                .expect("chown")
                .success();
        assert!(ok, "cannot hand {} to the rabbitmq user", p.display());
        BrokerNode {
            dir,
            node,
            port,
            dist_port,
            tls_port,
        }
    }

    /// The AMQPS URL of this node's TLS listener (by IP: the test certificate names it).
    pub fn tls_url(&self) -> Option<String> {
        self.tls_port
            .map(|p| format!("amqps://guest:guest@127.0.0.1:{p}/%2f"))
    }

    /// The AMQP URL of this node.
    pub fn url(&self) -> String {
        format!("amqp://guest:guest@127.0.0.1:{}/%2f", self.port)
    }

    fn env(&self) -> Vec<(String, String)> {
        let p: PathBuf = self.dir.path().to_path_buf();
        let s = |x: &str| p.join(x).display().to_string();
        vec![
            ("HOME".into(), "/var/lib/rabbitmq".into()),
            ("RABBITMQ_NODENAME".into(), self.node.clone()),
            ("RABBITMQ_NODE_IP_ADDRESS".into(), "127.0.0.1".into()),
            ("RABBITMQ_NODE_PORT".into(), self.port.to_string()),
            ("RABBITMQ_DIST_PORT".into(), self.dist_port.to_string()),
            ("RABBITMQ_MNESIA_BASE".into(), s("mnesia")),
            ("RABBITMQ_LOG_BASE".into(), s("log")),
            ("RABBITMQ_ENABLED_PLUGINS_FILE".into(), s("enabled_plugins")),
            ("RABBITMQ_FEATURE_FLAGS_FILE".into(), s("feature_flags")),
            ("RABBITMQ_CONFIG_FILE".into(), s("rabbitmq.conf")),
            ("RABBITMQ_CONF_ENV_FILE".into(), s("rabbitmq-env.conf")),
            ("RABBITMQ_PID_FILE".into(), s("pid")),
            (
                "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS".into(),
                "-kernel inet_dist_use_interface {127,0,0,1}".into(),
            ),
        ]
    }

    fn as_rabbitmq(&self, program: &str) -> Command {
        let mut c = Command::new("runuser");
        c.args(["-u", "rabbitmq", "--", "env"]);
        for (k, v) in self.env() {
            c.arg(format!("{k}={v}"));
        }
        c.arg(program);
        c
    }

    /// Starts the node (detached) and waits, at most 120 s, until it accepts AMQP.
    pub async fn start(&self) {
        let status = self
            .as_rabbitmq(SERVER)
            .arg("-detached")
            .status()
            .expect("rabbitmq-server runs");
        assert!(status.success(), "rabbitmq-server -detached failed");
        let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
        loop {
            let attempt = tokio::time::timeout(
                Duration::from_secs(5),
                lapin::Connection::connect(&self.url(), lapin::ConnectionProperties::default()),
            )
            .await;
            if let Ok(Ok(conn)) = attempt {
                let _ = conn.close(200, "probe".into()).await;
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "private broker did not start; see {}",
                self.dir.path().join("log").display()
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// Stops the node and waits (at most 60 s) until it is gone.
    pub fn stop(&self) {
        let _ = self
            .as_rabbitmq(CTL)
            .args(["-n", &self.node, "stop"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

impl Drop for BrokerNode {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}
