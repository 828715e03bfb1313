//! The HTTP endpoint for orchestrators and Prometheus: `/healthz` (the process answers),
//! `/readyz` (model loaded and broker connected) and `/metrics`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use tokio::net::TcpListener;

use crate::broker::supervisor::{ShutdownSignal, shutdown_requested};
use crate::telemetry::Metrics;

/// What readiness depends on. Set by whoever knows: the service after loading the model, the
/// supervisor on connect and disconnect.
#[derive(Debug, Default)]
pub struct Readiness {
    model: AtomicBool,
    broker: AtomicBool,
}

impl Readiness {
    /// Marks the extractor's model as loaded (or not).
    pub fn set_model(&self, loaded: bool) {
        self.model.store(loaded, Ordering::SeqCst);
    }

    /// Marks the broker session as up (or down).
    pub fn set_broker(&self, connected: bool) {
        self.broker.store(connected, Ordering::SeqCst);
    }

    /// True when the worker can take work: model loaded and broker connected.
    pub fn is_ready(&self) -> bool {
        self.model.load(Ordering::SeqCst) && self.broker.load(Ordering::SeqCst)
    }

    fn report(&self) -> serde_json::Value {
        serde_json::json!({
            "ready": self.is_ready(),
            "model_loaded": self.model.load(Ordering::SeqCst),
            "broker_connected": self.broker.load(Ordering::SeqCst),
        })
    }
}

#[derive(Clone)]
struct AppState {
    metrics: Arc<Metrics>,
    readiness: Arc<Readiness>,
}

/// The router, separate from serving so tests can call it without a socket.
pub fn router(metrics: Arc<Metrics>, readiness: Arc<Readiness>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_text))
        .with_state(AppState { metrics, readiness })
}

/// Serves the router on an already bound listener (binding happens at start-up, so a taken
/// port fails early) until `shutdown` fires.
///
/// # Errors
/// An I/O error from accepting connections.
pub async fn serve(
    listener: TcpListener,
    metrics: Arc<Metrics>,
    readiness: Arc<Readiness>,
    mut shutdown: ShutdownSignal,
) -> std::io::Result<()> {
    axum::serve(listener, router(metrics, readiness))
        .with_graceful_shutdown(async move { shutdown_requested(&mut shutdown).await })
        .await
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let status = if state.readiness.is_ready() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(state.readiness.report()))
}

async fn metrics_text(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.encode(),
    )
}
