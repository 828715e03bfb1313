//! Subscribing to the input queue with a bounded prefetch.

use lapin::options::{BasicConsumeOptions, BasicQosOptions};
use lapin::types::FieldTable;
use lapin::{Channel, Consumer};

use super::BrokerError;

/// Sets `basic.qos` to `prefetch` and then subscribes to `queue` with manual acks.
///
/// `basic_qos` must come first: it applies to consumers created after it. The prefetch is
/// what bounds the deliveries in flight in this worker, and so its memory.
///
/// # Errors
/// [`BrokerError::Amqp`] when the queue does not exist or the channel is gone.
pub async fn subscribe(
    channel: &Channel,
    queue: &str,
    prefetch: u16,
) -> Result<Consumer, BrokerError> {
    channel
        .basic_qos(prefetch, BasicQosOptions::default())
        .await
        .map_err(BrokerError::amqp("setting the prefetch (basic.qos)"))?;
    channel
        .basic_consume(
            queue.into(),
            // Empty tag: the broker names the consumer, unique per channel by construction.
            "".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(BrokerError::amqp("subscribing to the input queue"))
}
