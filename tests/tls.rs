//! `amqps://` end to end: a private RabbitMQ node with a TLS listener whose certificate a CA
//! made up for this test signed. The worker, trusting that CA through `amqp.tls_ca_file`,
//! consumes an article over TLS and publishes its record; trusting another CA (or only the
//! built-in roots) it is refused at once with a certificate error instead of hanging; a
//! client certificate (mutual TLS) is presented and checked by the broker.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::broker_node::{BrokerNode, TlsFiles};
use common::{TestTopology, article, collect, confirm_channel, connect, publish_raw};
use news_enricher::broker::BrokerError;
use news_enricher::broker::connection::connect as enricher_connect;
use news_enricher::record::Enrichment;
use news_enricher::settings::Settings;
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};

/// A CA and certificates it signed, as PEM files in a temp dir.
struct Pki {
    dir: tempfile::TempDir,
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Pki {
    fn new(name: &str) -> Pki {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        let key = KeyPair::generate().expect("CA key");
        let issuer = CertifiedIssuer::self_signed(params, key).expect("CA certificate");
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("ca.pem"), issuer.pem()).expect("write");
        Pki { dir, issuer }
    }

    fn ca_pem(&self) -> String {
        self.issuer.pem()
    }

    fn ca_file(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    /// A certificate for `names` signed by this CA: (certificate PEM, key PEM).
    fn issue(&self, names: &[&str]) -> (String, String) {
        let names: Vec<String> = names.iter().map(|s| (*s).to_string()).collect();
        let mut params = CertificateParams::new(names).expect("params");
        params
            .distinguished_name
            .push(DnType::CommonName, "enricher-test");
        let key = KeyPair::generate().expect("key");
        let cert = params.signed_by(&key, &self.issuer).expect("certificate");
        (cert.pem(), key.serialize_pem())
    }

    /// Writes a client certificate and key signed by this CA; returns their paths.
    fn client_files(&self) -> (PathBuf, PathBuf) {
        let (cert, key) = self.issue(&["client.enricher.test"]);
        let cert_path = self.dir.path().join("client.pem");
        let key_path = self.dir.path().join("client.key");
        std::fs::write(&cert_path, cert).expect("write");
        std::fs::write(&key_path, key).expect("write");
        (cert_path, key_path)
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// Connects as the worker does, with the TLS files of `settings`; a hang fails the test.
async fn connect_as_worker(settings: &Settings) -> Result<lapin::Connection, BrokerError> {
    tokio::time::timeout(
        Duration::from_secs(20),
        enricher_connect(&settings.amqp.url, "tls-test", &settings.amqp.tls),
    )
    .await
    .expect("a TLS failure is reported, not a hang")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_speaks_amqps_to_a_broker_with_a_private_ca_and_refuses_a_stranger() {
    if let Some(why) = BrokerNode::unavailable() {
        eprintln!("skipping the TLS test: {why}");
        return;
    }
    let ca = Pki::new("enricher test CA");
    let other_ca = Pki::new("some other CA");
    let (server_cert, server_key) = ca.issue(&["127.0.0.1", "localhost"]);
    let broker = BrokerNode::with_tls(&TlsFiles {
        ca: &ca.ca_pem(),
        cert: &server_cert,
        key: &server_key,
    });
    broker.start().await;
    let amqps = broker.tls_url().expect("a TLS listener");
    // The test itself publishes and reads over the plain listener of the same node.
    let topo = TestTopology::with_url("tls", &broker.url());
    let conn = connect(&topo.url).await.expect("private broker");
    let ch = conn.create_channel().await.expect("channel");
    news_enricher::broker::topology::declare(&ch, &topo.settings(&[]).topology)
        .await
        .expect("declare");

    // 1. The worker over amqps://, trusting the private CA.
    let settings = topo.settings(&[
        ("ENRICHER__AMQP__URL", amqps.as_str()),
        ("ENRICHER__AMQP__TLS_CA_FILE", path(&ca.ca_file())),
    ]);
    let running = common::Running::start(settings, None).await;
    publish_raw(
        &confirm_channel(&conn).await,
        &topo.input_exchange,
        &[article(
            "tls-1",
            "Officials in Lisbon said on Tuesday that the harbour would reopen. \
             \"We expect the first ships in spring,\" said port director Ana Costa.",
        )],
    )
    .await;
    let got = collect(&conn, &topo.all_queue, 1, Duration::from_secs(30)).await;
    running.stop().await;
    assert_eq!(got.len(), 1, "no record came back over amqps://");
    let record: Enrichment = serde_json::from_slice(&got[0].data).expect("a record");
    assert_eq!(record.id, "tls-1");
    assert!(
        record.entities.iter().any(|e| e.name == "Ana Costa"),
        "{:?}",
        record.entities
    );

    // 2. Another CA, or only the built-in roots: refused at once, saying why.
    for (what, extra) in [
        (
            "another CA",
            vec![("ENRICHER__AMQP__TLS_CA_FILE", path(&other_ca.ca_file()))],
        ),
        ("the built-in roots", vec![]),
    ] {
        let mut env = vec![("ENRICHER__AMQP__URL", amqps.as_str())];
        env.extend(extra);
        let err = connect_as_worker(&topo.settings(&env))
            .await
            .expect_err(what);
        let msg = err.to_string();
        eprintln!("{what}: {msg}");
        assert!(
            msg.contains("certificate") && msg.contains("amqps://guest:***@127.0.0.1"),
            "{what}: {msg}"
        );
        assert!(!msg.contains("guest:guest"), "password in {msg}");
    }

    // 3. Mutual TLS: the broker checks the client certificate it is shown.
    let (cert, key) = ca.client_files();
    let with_client = topo.settings(&[
        ("ENRICHER__AMQP__URL", amqps.as_str()),
        ("ENRICHER__AMQP__TLS_CA_FILE", path(&ca.ca_file())),
        ("ENRICHER__AMQP__TLS_CERT_FILE", path(&cert)),
        ("ENRICHER__AMQP__TLS_KEY_FILE", path(&key)),
    ]);
    let mtls = connect_as_worker(&with_client)
        .await
        .expect("a client certificate from the broker's CA is accepted");
    let _ = mtls.close(200, "done".into()).await;
    let (stranger_cert, stranger_key) = other_ca.client_files();
    let stranger = topo.settings(&[
        ("ENRICHER__AMQP__URL", amqps.as_str()),
        ("ENRICHER__AMQP__TLS_CA_FILE", path(&ca.ca_file())),
        ("ENRICHER__AMQP__TLS_CERT_FILE", path(&stranger_cert)),
        ("ENRICHER__AMQP__TLS_KEY_FILE", path(&stranger_key)),
    ]);
    assert!(
        connect_as_worker(&stranger).await.is_err(),
        "the broker took a client certificate from a CA it does not trust"
    );
    let _ = conn.close(200, "done".into()).await;
}
