//! Everything that talks AMQP, split by role: [`connection`] (connect with backoff),
//! [`topology`] (declare exchanges and queues), [`consume`] (prefetch and subscribe),
//! [`publish`] (confirmed publishing) and [`supervisor`] (the reconnecting consume loop).
//! This module never parses articles: it moves bytes and hands deliveries to a handler.

pub mod connection;
pub mod consume;
pub mod publish;
pub mod supervisor;
pub mod tls;
pub mod topology;

/// A broker operation failed. The supervisor treats every variant the same way (tear the
/// session down, back off, reconnect); the variants exist for the log line.
#[derive(Debug, thiserror::Error)]
pub enum BrokerError {
    #[error("cannot connect to {url}: {source}")]
    Connect { url: String, source: lapin::Error },
    #[error("timed out after {0:?} connecting to the broker")]
    ConnectTimeout(std::time::Duration),
    #[error("{what}: {source}")]
    Amqp {
        what: &'static str,
        source: lapin::Error,
    },
}

impl BrokerError {
    /// Wraps a lapin error with the operation that failed.
    pub fn amqp(what: &'static str) -> impl FnOnce(lapin::Error) -> BrokerError {
        move |source| BrokerError::Amqp { what, source }
    }
}
