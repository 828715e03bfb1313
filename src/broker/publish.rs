//! Confirmed publishing: a publish counts only once the broker confirmed it, and a record
//! the broker could not route (`basic.return`) is an error, never a silent drop.

use std::time::Duration;

use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString};
use lapin::{BasicProperties, Channel, Confirmation};

use super::BrokerError;

/// A confirm that takes longer than this is treated as failed (the input is redelivered),
/// so a stalled broker cannot hold a delivery forever.
pub const CONFIRM_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a publish did not succeed. The caller must not ack the input for any of these.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("the broker nacked the message")]
    Nacked,
    #[error("the broker could not route the message: {0}")]
    Unroutable(String),
    #[error("no confirm within {0:?}")]
    Timeout(Duration),
    #[error("channel error: {0}")]
    Channel(#[from] lapin::Error),
}

impl PublishError {
    /// Short label for the `reason` of the publish-failures metric.
    pub fn reason(&self) -> &'static str {
        match self {
            PublishError::Nacked => "nack",
            PublishError::Unroutable(_) => "unroutable",
            PublishError::Timeout(_) => "timeout",
            PublishError::Channel(_) => "channel",
        }
    }
}

/// A channel in confirm mode. Cloning shares the channel: lapin matches each confirm to its
/// publish, so many deliveries can publish concurrently on it.
#[derive(Clone, Debug)]
pub struct Publisher {
    channel: Channel,
}

impl Publisher {
    /// Puts `channel` into confirm mode.
    ///
    /// # Errors
    /// [`BrokerError::Amqp`] when the channel is gone.
    pub async fn new(channel: Channel) -> Result<Self, BrokerError> {
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await
            .map_err(BrokerError::amqp("enabling publisher confirms"))?;
        Ok(Publisher { channel })
    }

    /// The underlying channel, e.g. to declare topology on it.
    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    /// Publishes with `mandatory` set and waits for the broker's confirm.
    ///
    /// # Errors
    /// Any [`PublishError`]: the message is not known to be stored and routed.
    pub async fn publish(
        &self,
        exchange: &str,
        routing_key: &str,
        body: &[u8],
        properties: BasicProperties,
    ) -> Result<(), PublishError> {
        let wait = async {
            let confirm = self
                .channel
                .basic_publish(
                    exchange.into(),
                    routing_key.into(),
                    BasicPublishOptions {
                        mandatory: true,
                        ..BasicPublishOptions::default()
                    },
                    body,
                    properties,
                )
                .await?
                .await?;
            match confirm {
                Confirmation::Ack(None) => Ok(()),
                Confirmation::Ack(Some(returned)) | Confirmation::Nack(Some(returned)) => {
                    Err(PublishError::Unroutable(format!(
                        "{} {} (exchange `{exchange}`, routing key `{routing_key}`)",
                        returned.reply_code, returned.reply_text
                    )))
                }
                Confirmation::Nack(None) => Err(PublishError::Nacked),
                // Only without confirm_select, which `new` always does; treat it as unknown.
                Confirmation::NotRequested => Err(PublishError::Nacked),
            }
        };
        tokio::time::timeout(CONFIRM_TIMEOUT, wait)
            .await
            .unwrap_or(Err(PublishError::Timeout(CONFIRM_TIMEOUT)))
    }
}

/// Properties of a persistent JSON message with the given id, carrying `inherited` headers
/// (those of the message it was made from, so tracing ids and `x-published-at` reach the
/// consumer) overlaid with `headers`.
pub fn json_properties(
    message_id: &str,
    inherited: Option<&FieldTable>,
    headers: &[(&str, &str)],
) -> BasicProperties {
    BasicProperties::default()
        .with_delivery_mode(2)
        .with_content_type("application/json".into())
        .with_message_id(message_id.into())
        .with_headers(string_headers(
            inherited.cloned().unwrap_or_default(),
            headers,
        ))
}

/// Header the `publish` command stamps on every message: when it was sent, RFC 3339 UTC
/// with microseconds. Records inherit it, so `tail --latency` can time the whole pipeline.
pub const PUBLISHED_AT_HEADER: &str = "x-published-at";

/// Adds string headers to `table`; later values replace earlier ones with the same name.
pub fn string_headers(mut table: FieldTable, headers: &[(&str, &str)]) -> FieldTable {
    for (k, v) in headers {
        table.insert((*k).into(), AMQPValue::LongString(LongString::from(*v)));
    }
    table
}

/// A header's value as text, whether it was sent as a long or short string.
pub fn header_str(headers: Option<&FieldTable>, name: &str) -> Option<String> {
    match headers?.inner().get(name)? {
        AMQPValue::LongString(s) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_string()),
        _ => None,
    }
}
