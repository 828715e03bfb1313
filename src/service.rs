//! The running service: settings in, then the model, the HTTP endpoint and the broker
//! supervisor wired together, until a shutdown signal. `main` and the integration tests start
//! the very same [`Service`].

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::broker::supervisor::{self, ShutdownSignal, SupervisorContext};
use crate::extract::Extractor;
use crate::http::{self, Readiness};
use crate::settings::Settings;
use crate::telemetry::Metrics;
use crate::worker::{Engine, Worker};

/// Why the service could not start. Once started it does not fail: broker trouble is retried.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("loading the extractor: {0}")]
    Model(#[from] crate::extract::LoadError),
    #[error("binding the HTTP endpoint on {addr}: {source}")]
    Http {
        addr: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Settings(#[from] crate::settings::SettingsError),
}

/// A built, not yet running, service.
#[derive(Debug)]
pub struct Service {
    settings: Arc<Settings>,
    metrics: Arc<Metrics>,
    readiness: Arc<Readiness>,
    worker: Arc<Worker>,
    listener: TcpListener,
}

impl Service {
    /// Loads the extractor (or the pass-through engine when `worker.passthrough`) and binds
    /// the HTTP endpoint.
    ///
    /// # Errors
    /// [`ServiceError`] when the model does not load or the port is taken.
    pub async fn build(settings: Settings) -> Result<Service, ServiceError> {
        let engine = if settings.worker.passthrough {
            Engine::passthrough()
        } else {
            // Parsing the model is CPU work; keep it off the reactor like extraction itself.
            let limits = settings.extract;
            let extractor = tokio::task::spawn_blocking(move || {
                Extractor::load().map(|e| e.with_limits(limits))
            })
            .await
            .map_err(|e| ServiceError::Model(crate::extract::LoadError::Model(e.to_string())))??;
            Engine::extractor(Arc::new(extractor))
        };
        Service::build_with_engine(settings, engine).await
    }

    /// As [`Service::build`] with a given engine (tests use one that panics).
    ///
    /// # Errors
    /// [`ServiceError::Http`] when the port is taken.
    pub async fn build_with_engine(
        settings: Settings,
        engine: Engine,
    ) -> Result<Service, ServiceError> {
        let addr = settings.http_addr()?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServiceError::Http {
                addr: addr.to_string(),
                source,
            })?;
        let metrics = Arc::new(Metrics::new());
        let readiness = Arc::new(Readiness::default());
        readiness.set_model(true);
        let worker = Arc::new(Worker::new(
            engine,
            settings.extract_threads(),
            settings.topology.clone(),
            settings.worker.clone(),
            metrics.clone(),
        ));
        Ok(Service {
            settings: Arc::new(settings),
            metrics,
            readiness,
            worker,
            listener,
        })
    }

    /// The address the HTTP endpoint is bound to (useful with port 0).
    pub fn http_addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    /// The service's metrics, shared.
    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// The service's readiness, shared.
    pub fn readiness(&self) -> Arc<Readiness> {
        self.readiness.clone()
    }

    /// Runs until `shutdown`: consumes, processes and acks; on shutdown finishes in-flight
    /// deliveries (bounded by `worker.shutdown_timeout_secs`) and closes the connection.
    pub async fn run(self, shutdown: ShutdownSignal) {
        tracing::info!(
            amqp = %self.settings.amqp.redacted_url(),
            http = %self.http_addr().map_or_else(String::new, |a| a.to_string()),
            input_queue = %self.settings.topology.input_queue,
            prefetch = self.settings.amqp.prefetch,
            extract_threads = self.settings.extract_threads(),
            passthrough = self.settings.worker.passthrough,
            sources = %self.settings.sources.join(" < "),
            "news-enricher starting"
        );
        let http = tokio::spawn(http::serve(
            self.listener,
            self.metrics.clone(),
            self.readiness.clone(),
            shutdown.clone(),
        ));
        let ctx = SupervisorContext {
            settings: self.settings.clone(),
            metrics: self.metrics.clone(),
            readiness: self.readiness.clone(),
        };
        supervisor::run(ctx, self.worker, shutdown).await;
        // The HTTP server saw the same signal; give it a moment to finish open scrapes.
        match tokio::time::timeout(Duration::from_secs(5), http).await {
            Ok(Ok(Err(e))) => tracing::warn!(error = %e, "HTTP endpoint stopped with an error"),
            Err(_) => tracing::warn!("HTTP endpoint did not stop in time"),
            _ => {}
        }
        tracing::info!(
            published = self.metrics.published_count(),
            dead_lettered = self.metrics.dead_lettered_count(),
            "news-enricher stopped"
        );
    }
}

/// A shutdown signal that fires on SIGTERM or SIGINT (Ctrl-C).
pub fn shutdown_on_signals() -> ShutdownSignal {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        wait_for_signal().await;
        tracing::info!("shutdown signal received");
        let _ = tx.send(true);
        // Keep the sender alive: dropping it would read as a second signal to nobody.
        std::future::pending::<()>().await;
    });
    rx
}

#[cfg(unix)]
async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(mut term), Ok(mut int)) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        }
        _ => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(not(unix))]
async fn wait_for_signal() {
    let _ = tokio::signal::ctrl_c().await;
}
