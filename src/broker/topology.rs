//! Declares the exchanges and queues the service relies on. Declaring is idempotent, so it
//! runs at start and again after every reconnect (a broker that lost its state, or a queue
//! deleted by an operator, is rebuilt).

use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable, LongString};
use lapin::{Channel, ExchangeKind};

use super::BrokerError;
use crate::settings::TopologySettings;

/// Declares everything: input exchange → quorum input queue (delivery limit, dead-letter
/// exchange), output topic exchange (+ the keep-all queue when enabled), dead-letter fanout
/// exchange → dead-letter queue.
///
/// # Errors
/// [`BrokerError::Amqp`] naming the declaration that failed, e.g. a queue that already
/// exists with other arguments.
pub async fn declare(channel: &Channel, t: &TopologySettings) -> Result<(), BrokerError> {
    declare_dead_letter(channel, t).await?;
    declare_input(channel, t).await?;
    declare_output(channel, t).await
}

/// The input side only (also used by `publish`, so articles sent before any worker started
/// are queued, not dropped).
///
/// # Errors
/// As [`declare`].
pub async fn declare_input(channel: &Channel, t: &TopologySettings) -> Result<(), BrokerError> {
    let durable = ExchangeDeclareOptions {
        durable: true,
        ..ExchangeDeclareOptions::default()
    };
    channel
        .exchange_declare(
            t.dead_exchange.as_str().into(),
            ExchangeKind::Fanout,
            durable,
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("declaring the dead-letter exchange"))?;
    channel
        .exchange_declare(
            t.input_exchange.as_str().into(),
            ExchangeKind::Topic,
            durable,
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("declaring the input exchange"))?;
    let mut args = FieldTable::default();
    args.insert(
        "x-queue-type".into(),
        AMQPValue::LongString(LongString::from("quorum")),
    );
    args.insert(
        "x-delivery-limit".into(),
        AMQPValue::LongLongInt(i64::from(t.delivery_limit)),
    );
    args.insert(
        "x-dead-letter-exchange".into(),
        AMQPValue::LongString(LongString::from(t.dead_exchange.as_str())),
    );
    channel
        .queue_declare(
            t.input_queue.as_str().into(),
            QueueDeclareOptions {
                durable: true,
                ..QueueDeclareOptions::default()
            },
            args,
        )
        .await
        .map_err(BrokerError::amqp("declaring the input queue"))?;
    channel
        .queue_bind(
            t.input_queue.as_str().into(),
            t.input_exchange.as_str().into(),
            "#".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("binding the input queue"))
}

async fn declare_dead_letter(channel: &Channel, t: &TopologySettings) -> Result<(), BrokerError> {
    channel
        .exchange_declare(
            t.dead_exchange.as_str().into(),
            ExchangeKind::Fanout,
            ExchangeDeclareOptions {
                durable: true,
                ..ExchangeDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("declaring the dead-letter exchange"))?;
    channel
        .queue_declare(
            t.dead_queue.as_str().into(),
            QueueDeclareOptions {
                durable: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("declaring the dead-letter queue"))?;
    channel
        .queue_bind(
            t.dead_queue.as_str().into(),
            t.dead_exchange.as_str().into(),
            "".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("binding the dead-letter queue"))
}

/// The output topic exchange, plus the keep-all queue when enabled.
///
/// # Errors
/// As [`declare`].
pub async fn declare_output(channel: &Channel, t: &TopologySettings) -> Result<(), BrokerError> {
    channel
        .exchange_declare(
            t.output_exchange.as_str().into(),
            ExchangeKind::Topic,
            ExchangeDeclareOptions {
                durable: true,
                ..ExchangeDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("declaring the output exchange"))?;
    if !t.keep_all {
        return Ok(());
    }
    channel
        .queue_declare(
            t.keep_all_queue.as_str().into(),
            QueueDeclareOptions {
                durable: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("declaring the keep-all queue"))?;
    channel
        .queue_bind(
            t.keep_all_queue.as_str().into(),
            t.output_exchange.as_str().into(),
            "#".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("binding the keep-all queue"))
}
