//! Connecting to the broker, and the exponential backoff with jitter used between attempts.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use lapin::{Connection, ConnectionProperties};
use secrecy::{ExposeSecret, SecretString};

use super::BrokerError;
use super::tls::TlsConfig;
use crate::settings::redact_url;

/// A TCP connect plus AMQP handshake that takes longer than this is treated as failed, so a
/// black-holed broker address cannot hang start-up or a reconnect.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// Opens one AMQP connection named `name` (shown in the management UI); over TLS with `tls`
/// for an `amqps://` URL (`tls` is unused for `amqp://`).
///
/// # Errors
/// [`BrokerError::Connect`] (with the password redacted from the URL; for a refused server
/// certificate the reason, e.g. `invalid peer certificate: UnknownIssuer`) or
/// [`BrokerError::ConnectTimeout`].
pub async fn connect(
    url: &SecretString,
    name: &str,
    tls: &TlsConfig,
) -> Result<Connection, BrokerError> {
    let properties = ConnectionProperties::default().with_connection_name(name.into());
    let runtime = lapin::runtime::default_runtime().map_err(|source| BrokerError::Connect {
        url: redact_url(url.expose_secret()),
        source,
    })?;
    match tokio::time::timeout(
        CONNECT_TIMEOUT,
        Connection::connect_with_config(url.expose_secret(), properties, tls.lapin(), runtime),
    )
    .await
    {
        Ok(Ok(conn)) => Ok(conn),
        Ok(Err(source)) => Err(BrokerError::Connect {
            url: redact_url(url.expose_secret()),
            source,
        }),
        Err(_) => Err(BrokerError::ConnectTimeout(CONNECT_TIMEOUT)),
    }
}

/// Exponential backoff with full-range jitter: each delay is the current step scaled by a
/// random factor in [0.5, 1.5), and the step doubles up to `max`. Jitter keeps a fleet of
/// replicas from reconnecting in lockstep after a broker restart.
#[derive(Debug, Clone)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
    step: Duration,
}

impl Backoff {
    /// A backoff starting at `initial` and capped at `max`.
    pub fn new(initial: Duration, max: Duration) -> Self {
        Backoff {
            initial,
            max,
            step: initial,
        }
    }

    /// The next delay to wait, then doubles the step.
    pub fn next_delay(&mut self) -> Duration {
        let jittered = self.step.mul_f64(0.5 + random_unit());
        self.step = (self.step * 2).min(self.max);
        jittered.min(self.max.mul_f64(1.5))
    }

    /// Back to the first step, after a session that worked.
    pub fn reset(&mut self) {
        self.step = self.initial;
    }
}

/// A random number in [0, 1). `RandomState` is seeded randomly per instance by std, which is
/// all the randomness jitter needs; no RNG crate for one number.
fn random_unit() -> f64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0);
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_to_the_cap_and_stay_jittered() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_secs(1));
        let delays: Vec<Duration> = (0..8).map(|_| b.next_delay()).collect();
        assert!(delays[0] >= Duration::from_millis(50) && delays[0] < Duration::from_millis(150));
        for d in &delays[5..] {
            assert!(*d >= Duration::from_millis(500) && *d <= Duration::from_millis(1500));
        }
        b.reset();
        assert!(b.next_delay() < Duration::from_millis(150));
    }

    #[test]
    fn jitter_varies_between_attempts() {
        let samples: Vec<u64> = (0..20).map(|_| (random_unit() * 1e9) as u64).collect();
        assert!(samples.iter().any(|s| *s != samples[0]));
        assert!(samples.iter().all(|s| *s < 1_000_000_000));
    }
}
