//! The supervisor: owns the broker session and rebuilds it (connection, channels, topology,
//! consumer) with backoff whenever it is lost, until shutdown. Deliveries are handed to a
//! [`DeliveryHandler`] as tasks, several in flight (bounded by the prefetch).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures_lite::StreamExt;
use lapin::message::Delivery;
use lapin::options::BasicCancelOptions;
use lapin::{Channel, Connection, Consumer};
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::BrokerError;
use super::connection::{Backoff, connect};
use super::consume::subscribe;
use super::publish::Publisher;
use super::topology::declare;
use crate::http::Readiness;
use crate::settings::Settings;
use crate::telemetry::{Event, Metrics};

/// How often the supervisor checks the connection even when no delivery arrives, so a dead
/// connection is noticed (and readiness drops) on an idle queue too.
const LIVENESS_CHECK: Duration = Duration::from_secs(1);

/// Bound on closing calls (cancel, channel and connection close) during shutdown or teardown.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

/// What processes one delivery, including its ack or nack. Implemented by the worker; the
/// broker code only moves bytes.
pub trait DeliveryHandler: Send + Sync + 'static {
    /// Processes `delivery`, publishing through `publisher`, then acks or nacks it.
    fn handle(&self, publisher: Publisher, delivery: Delivery) -> impl Future<Output = ()> + Send;
}

/// A shutdown signal: `true` once shutdown has been requested.
pub type ShutdownSignal = watch::Receiver<bool>;

/// Resolves when shutdown is requested (or its sender is gone, which means the same).
pub async fn shutdown_requested(signal: &mut ShutdownSignal) {
    let _ = signal.wait_for(|stop| *stop).await;
}

/// Everything the supervisor needs besides the handler.
#[derive(Debug, Clone)]
pub struct SupervisorContext {
    pub settings: Arc<Settings>,
    pub metrics: Arc<Metrics>,
    pub readiness: Arc<Readiness>,
}

struct Session {
    connection: Connection,
    publisher: Publisher,
    consume_channel: Channel,
    consumer: Consumer,
}

enum SessionEnd {
    Shutdown,
    Lost(String),
}

/// Runs until shutdown: connect, declare, consume, dispatch; on any loss back off (with
/// jitter) and start over. Returns after in-flight deliveries finished (or the shutdown
/// timeout passed) and the connection is closed.
pub async fn run<H: DeliveryHandler>(
    ctx: SupervisorContext,
    handler: Arc<H>,
    mut shutdown: ShutdownSignal,
) {
    let amqp = &ctx.settings.amqp;
    let mut backoff = Backoff::new(
        Duration::from_millis(amqp.reconnect_initial_ms),
        Duration::from_millis(amqp.reconnect_max_ms),
    );
    let mut sessions = 0u64;
    loop {
        if *shutdown.borrow() {
            return;
        }
        let opened = tokio::select! {
            opened = open_session(&ctx.settings) => opened,
            () = shutdown_requested(&mut shutdown) => return,
        };
        let error = match opened {
            Ok(session) => {
                Event::Connected {
                    url: &amqp.redacted_url(),
                    reconnect: sessions > 0,
                }
                .emit(&ctx.metrics);
                sessions += 1;
                backoff.reset();
                ctx.readiness.set_broker(true);
                let end = run_session(&ctx, session, handler.clone(), &mut shutdown).await;
                ctx.readiness.set_broker(false);
                match end {
                    SessionEnd::Shutdown => return,
                    SessionEnd::Lost(error) => error,
                }
            }
            Err(e) => e.to_string(),
        };
        let delay = backoff.next_delay();
        Event::Disconnected {
            error: &error,
            retry_in: delay,
        }
        .emit(&ctx.metrics);
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            () = shutdown_requested(&mut shutdown) => return,
        }
    }
}

async fn open_session(settings: &Settings) -> Result<Session, BrokerError> {
    let connection = connect(
        &settings.amqp.url,
        &settings.amqp.connection_name,
        &settings.amqp.tls,
    )
    .await?;
    let setup = async {
        let publish_channel = connection
            .create_channel()
            .await
            .map_err(BrokerError::amqp("opening the publish channel"))?;
        declare(&publish_channel, &settings.topology).await?;
        let publisher = Publisher::new(publish_channel).await?;
        let consume_channel = connection
            .create_channel()
            .await
            .map_err(BrokerError::amqp("opening the consume channel"))?;
        let consumer = subscribe(
            &consume_channel,
            &settings.topology.input_queue,
            settings.amqp.prefetch,
        )
        .await?;
        Ok((publisher, consume_channel, consumer))
    };
    match setup.await {
        Ok((publisher, consume_channel, consumer)) => Ok(Session {
            connection,
            publisher,
            consume_channel,
            consumer,
        }),
        Err(e) => {
            // Do not leak a half-set-up connection across retries.
            let _ =
                tokio::time::timeout(CLOSE_TIMEOUT, connection.close(200, "setup failed".into()))
                    .await;
            Err(e)
        }
    }
}

async fn run_session<H: DeliveryHandler>(
    ctx: &SupervisorContext,
    mut session: Session,
    handler: Arc<H>,
    shutdown: &mut ShutdownSignal,
) -> SessionEnd {
    let mut tasks = JoinSet::new();
    let mut liveness = tokio::time::interval(LIVENESS_CHECK);
    let lost = loop {
        tokio::select! {
            biased;
            () = shutdown_requested(shutdown) => {
                drain(ctx, &session, &mut tasks).await;
                return SessionEnd::Shutdown;
            }
            Some(joined) = tasks.join_next(), if !tasks.is_empty() => {
                if let Err(e) = joined
                    && e.is_panic()
                {
                    // Its delivery is neither acked nor nacked and would hold a prefetch slot
                    // for as long as the channel lives: start a new session so the broker
                    // redelivers it (the delivery limit bounds a message that always panics).
                    break format!("a delivery task panicked: {e}");
                }
            }
            next = session.consumer.next() => match next {
                Some(Ok(delivery)) => {
                    let handler = handler.clone();
                    let publisher = session.publisher.clone();
                    tasks.spawn(async move { handler.handle(publisher, delivery).await });
                }
                Some(Err(e)) => break format!("consumer error: {e}"),
                None => {
                    if !(session.connection.status().connected()
                        && session.consume_channel.status().connected())
                    {
                        break "consumer stream ended with the connection".to_string();
                    }
                    // The broker cancelled our consumer (queue deleted, leader moved): the
                    // connection is fine, so declare again and subscribe again.
                    Event::ConsumerCancelled.emit(&ctx.metrics);
                    if let Err(e) = declare(session.publisher.channel(), &ctx.settings.topology).await {
                        break e.to_string();
                    }
                    match subscribe(
                        &session.consume_channel,
                        &ctx.settings.topology.input_queue,
                        ctx.settings.amqp.prefetch,
                    )
                    .await
                    {
                        Ok(consumer) => session.consumer = consumer,
                        Err(e) => break e.to_string(),
                    }
                }
            },
            _ = liveness.tick() => {
                if !session.connection.status().connected() {
                    break "connection closed".to_string();
                }
            }
        }
    };
    // In-flight deliveries cannot be acked on a dead channel; the broker redelivers them.
    tasks.abort_all();
    let _ = tokio::time::timeout(
        CLOSE_TIMEOUT,
        session.connection.close(200, "reconnecting".into()),
    )
    .await;
    SessionEnd::Lost(lost)
}

/// Graceful stop: cancel the consumer so no new deliveries arrive, let in-flight ones finish
/// and ack (bounded by the shutdown timeout), then close. Deliveries still buffered or
/// unfinished are requeued by the broker when the channel closes.
async fn drain(ctx: &SupervisorContext, session: &Session, tasks: &mut JoinSet<()>) {
    let tag = session.consumer.tag();
    tracing::info!(
        in_flight = tasks.len(),
        "shutting down: cancelling the consumer"
    );
    let _ = tokio::time::timeout(
        CLOSE_TIMEOUT,
        session
            .consume_channel
            .basic_cancel(tag, BasicCancelOptions::default()),
    )
    .await;
    let limit = Duration::from_secs(ctx.settings.worker.shutdown_timeout_secs);
    let finished =
        tokio::time::timeout(limit, async { while tasks.join_next().await.is_some() {} }).await;
    if finished.is_err() {
        tracing::warn!(
            abandoned = tasks.len(),
            "shutdown timeout reached; unfinished deliveries will be redelivered"
        );
        tasks.abort_all();
    }
    let _ = tokio::time::timeout(
        CLOSE_TIMEOUT,
        session.consume_channel.close(200, "shutdown".into()),
    )
    .await;
    let _ = tokio::time::timeout(
        CLOSE_TIMEOUT,
        session.publisher.channel().close(200, "shutdown".into()),
    )
    .await;
    let _ = tokio::time::timeout(
        CLOSE_TIMEOUT,
        session.connection.close(200, "shutdown".into()),
    )
    .await;
    tracing::info!("broker connection closed");
}
